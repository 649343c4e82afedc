import { resolve } from 'node:path';
import { listPresets, loadPolicy, type Policy, type PolicyProblem, presetPolicy } from '@lvzhi/evaluation';
import { UsageError } from '../exitCodes.ts';
import type { Messages } from '../i18n/messages.ts';

/** A policy named on the command line, or why it cannot be used. */
export type PolicyChoice =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly file: string; readonly problems: readonly PolicyProblem[] };

/**
 * The policy of `--policy ID|FILE`: a preset by id, else a JSON file (relative to `cwd`) validated against the
 * policy language. A name that is neither is a usage error; an invalid file comes back with its problems.
 */
export function choosePolicy(arg: string, cwd: string, t: Messages): PolicyChoice {
  const preset = presetPolicy(arg);
  if (preset) return { ok: true, policy: preset };
  const loaded = loadPolicy(resolve(cwd, arg));
  if (loaded.ok) return { ok: true, policy: loaded.value };
  if (loaded.error.length === 1 && loaded.error[0]!.rule === 'unknown-policy') {
    const message = t.evaluateUnknownPolicy(
      arg,
      listPresets().map((p) => p.id),
    );
    throw new UsageError(message, message);
  }
  return { ok: false, file: arg, problems: loaded.error };
}

/** The problems of an invalid policy file, one line each: path · rule · message. */
export function describeProblems(
  choice: { file: string; problems: readonly PolicyProblem[] },
  t: Messages,
): string {
  const lines = choice.problems.map((p) => `  ${p.path} · ${p.rule} · ${p.message}\n`);
  return `${t.evaluatePolicyInvalid(choice.file, choice.problems.length)}\n${lines.join('')}`;
}

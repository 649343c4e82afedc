import { readFileSync } from 'node:fs';
import { err, ok, type Result } from '@lvzhi/core';
import { presetPolicy } from '../presets/presets.ts';
import { parsePolicy } from './parsePolicy.ts';
import type { PolicyProblem } from './policyChecks.ts';
import type { Policy } from './policySchema.ts';

/**
 * A policy by preset id (`tongcheng-2019`, …) or from a JSON file written by a committee, validated.
 * @example
 * const policy = loadPolicy(process.argv[2] ?? 'jinan-2015');
 * if (!policy.ok) for (const p of policy.error) console.error(`${p.path}: ${p.rule}: ${p.message}`);
 */
export function loadPolicy(idOrPath: string): Result<Policy, PolicyProblem[]> {
  const preset = presetPolicy(idOrPath);
  if (preset) return ok(preset);
  let text: string;
  try {
    text = readFileSync(idOrPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return err([
      {
        path: '$',
        rule: code === 'ENOENT' ? 'unknown-policy' : 'unreadable-file',
        message:
          code === 'ENOENT'
            ? `"${idOrPath}" is neither a preset id nor a readable file`
            : `cannot read ${idOrPath}: ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
  return parsePolicy(text);
}

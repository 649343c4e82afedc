import type { z } from 'zod';
import { type Rejection, rejection } from '../rejections/rejection.ts';
import { err, ok, type Result } from '../rejections/result.ts';
import { COMMANDS, CommandEnvelope, type ParsedCommand } from './commands.ts';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function firstIssue(error: z.ZodError, input: unknown, prefix: string[]): Rejection {
  const issue = error.issues[0]!;
  const path = [...prefix, ...issue.path.map(String)];
  const value = issue.code === 'unrecognized_keys' ? undefined : valueAt(input, issue.path);
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : undefined;
  const field = keys ? [...path, keys[0]].join('.') : path.join('.');
  return rejection('invalid-command', field || undefined, value, issue.message);
}

/**
 * Parses one command of the record format (`{command, data, meta}`), checking its data against the command's
 * schema; the rejection names the field (`data.status`), the value and the rule.
 */
export function parseCommand(input: unknown): Result<ParsedCommand, Rejection> {
  const envelope = CommandEnvelope.safeParse(input);
  if (!envelope.success) return err(firstIssue(envelope.error, input, []));
  const { command, data, meta } = envelope.data;
  const definition = COMMANDS.get(command);
  if (!definition) return err(rejection('unknown-command', 'command', command));
  const parsed = definition.schema.safeParse(data);
  if (!parsed.success) return err(firstIssue(parsed.error, data, ['data']));
  return ok({ definition, name: command, data: parsed.data as Record<string, unknown>, meta });
}

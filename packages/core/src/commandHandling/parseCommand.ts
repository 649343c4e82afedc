import type { z } from 'zod';
import { type Rejection, rejection } from '../rejections/rejection.ts';
import { err, ok, type Result } from '../rejections/result.ts';
import { Instant } from '../time/localDate.ts';
import { COMMANDS, CommandEnvelope, type CommandMeta, type ParsedCommand } from './commands.ts';

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
  const envelope = plainEnvelope(input) ?? CommandEnvelope.safeParse(input);
  if (!envelope.success) return err(firstIssue(envelope.error, input, []));
  const { command, data, meta } = envelope.data;
  const definition = COMMANDS.get(command);
  if (!definition) return err(rejection('unknown-command', 'command', command));
  const parsed = definition.schema.safeParse(data);
  if (!parsed.success) return err(firstIssue(parsed.error, data, ['data']));
  return ok({ definition, name: command, data: parsed.data as Record<string, unknown>, meta });
}

/** Instants `CommandMeta` accepted already: a file repeats the same few `recordedAt` texts. */
const validInstants = new Set<string>();

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * What `CommandEnvelope.safeParse` gives for the common shape of a valid envelope (plain objects, string keys,
 * no extra fields), without zod's per-key work; undefined for anything else, which zod then parses (and, if
 * invalid, describes). Like zod's record, `data` is copied without an own `__proto__` key.
 */
export function plainEnvelope(input: unknown): { success: true; data: CommandEnvelope } | undefined {
  if (!isPlain(input)) return undefined;
  let keys = 0;
  for (const key in input) {
    if ((key !== 'command' && key !== 'data' && key !== 'meta') || !Object.hasOwn(input, key))
      return undefined;
    keys += 1;
  }
  const { command, data, meta } = input;
  if (keys !== 3 || typeof command !== 'string' || command.length < 1 || command.length > 64)
    return undefined;
  if (!isPlain(data) || !isPlain(meta) || Object.getOwnPropertySymbols(data).length > 0) return undefined;
  if (typeof data.constructor === 'function' && data.constructor !== Object) return undefined;
  const copy: Record<string, unknown> = {};
  for (const key in data) {
    if (!Object.hasOwn(data, key)) return undefined;
    if (key !== '__proto__') copy[key] = data[key];
  }
  let metaKeys = 0;
  for (const key in meta) {
    if ((key !== 'recordedBy' && key !== 'recordedAt') || !Object.hasOwn(meta, key)) return undefined;
    metaKeys += 1;
  }
  const { recordedBy, recordedAt } = meta;
  if (typeof recordedBy !== 'string' || recordedBy.length < 1 || recordedBy.length > 200) return undefined;
  let parsedMeta: CommandMeta;
  if (recordedAt === undefined) {
    if (metaKeys !== 1) return undefined;
    parsedMeta = { recordedBy };
  } else {
    if (typeof recordedAt !== 'string') return undefined;
    if (!validInstants.has(recordedAt)) {
      if (!Instant.safeParse(recordedAt).success) return undefined;
      if (validInstants.size >= 10_000) validInstants.clear();
      validInstants.add(recordedAt);
    }
    parsedMeta = { recordedBy, recordedAt };
  }
  return { success: true, data: { command, data: copy, meta: parsedMeta } };
}

import { canonicalJson } from '../envelope/hashChain.ts';

/**
 * A comparable text of a command's data (RFC 8785, so key order never matters); used to recognise a
 * re-recorded command as a no-op and a different one under the same business id as a conflict.
 */
export function fingerprint(data: unknown): string {
  return canonicalJson(data);
}

/** The fingerprint of the command an event came from: its data without the fields the decision added. */
export function eventFingerprint(data: unknown, added: readonly string[]): string {
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const key of added) delete copy[key];
  return canonicalJson(copy);
}

/** Deep equality of JSON values, insensitive to key order (what equal fingerprints mean, without building them). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let na = 0;
  for (const key in ra) {
    if (ra[key] === undefined) continue;
    na++;
    if (!sameJson(ra[key], rb[key])) return false;
  }
  let nb = 0;
  for (const key in rb) if (rb[key] !== undefined) nb++;
  return na === nb;
}

/** True when an event's data, less the fields its decision added, equals a command's data. */
export function sameCommand(commandData: unknown, eventData: unknown, added: readonly string[]): boolean {
  const command = commandData as Record<string, unknown>;
  const event = eventData as Record<string, unknown>;
  let n = 0;
  for (const key in command) {
    if (command[key] === undefined) continue;
    n++;
    if (added.includes(key) || !sameJson(command[key], event[key])) return false;
  }
  let m = 0;
  for (const key in event) if (event[key] !== undefined && !added.includes(key)) m++;
  return n === m;
}

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

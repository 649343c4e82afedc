import type { RecordedEvent } from '../envelope/envelope.ts';
import type { RecorderPolicy } from '../recorders/recorderPolicy.ts';
import type { Rejection, RejectionCode } from '../rejections/rejection.ts';
import type { ParsedCommand } from './commands.ts';

/** What became of one command. */
export type CommandOutcome =
  | { readonly status: 'recorded'; readonly events: readonly RecordedEvent[] }
  | { readonly status: 'no-op' }
  | { readonly status: 'rejected'; readonly rejection: Rejection };

/** Options of a command handler; the clock and ids come in from outside. */
export interface CommandHandlerOptions {
  readonly clock?: () => number;
  readonly newEventId?: () => string;
  /** Appends retried after a concurrency conflict before giving up (default 5). */
  readonly maxRetries?: number;
  /** Put in every event's metadata. */
  readonly correlationId?: string;
  /** When given, `meta.recordedBy` must be a registered recorder allowed by this policy (off by default). */
  readonly recorderPolicy?: RecorderPolicy;
}

/** Refusals that another process's recent writes could lift: decided again after catching up. */
export const MAYBE_STALE: ReadonlySet<RejectionCode> = new Set([
  'unknown-committee',
  'unknown-term',
  'unknown-member',
  'unknown-meeting',
  'unknown-proposal',
  'unknown-opinion',
  'unknown-event',
  'not-seated',
  'not-standing-member',
  'not-filed',
  'merge-target-not-filed',
  'not-answered',
  'unregistered-recorder',
  'unauthorised-recorder',
  'unauthorised-approver',
]);

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const instants = new Map<string, number>();

/** `Date.parse` of a `recordedAt` text, remembered: a file repeats the same few. */
export function instantMs(text: string): number {
  let ms = instants.get(text);
  if (ms === undefined) {
    ms = Date.parse(text);
    if (instants.size >= 10_000) instants.clear();
    instants.set(text, ms);
  }
  return ms;
}

export function isParsed(input: unknown): input is ParsedCommand {
  return typeof input === 'object' && input !== null && 'definition' in input;
}

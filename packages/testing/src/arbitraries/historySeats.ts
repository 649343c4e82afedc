import type { CommandName } from '@lvzhi/core';
import type { HistoryPlan } from './historyPlan.ts';

/** Meeting kinds whose proceedings list written speeches. */
export const LISTED_KINDS: ReadonlySet<string> = new Set(['plenary', 'standing', 'consultation']);

/** What the builder knows of a member's seat, to keep every act it writes valid. */
export interface Seat {
  readonly memberId: string;
  readonly appointDay: number;
  /** The day the membership ended (not seated from that day on). */
  readonly endDay: number | undefined;
  readonly lastDay: number;
  readonly standing: boolean;
  readonly changes: readonly { readonly day: number; readonly standing: boolean }[];
  readonly leaves: readonly { readonly from: number; readonly to: number | undefined }[];
}

export const seated = (s: Seat, day: number) => s.appointDay <= day && day <= s.lastDay;
export const onLeave = (s: Seat, day: number) =>
  s.leaves.some((l) => l.from <= day && day <= (l.to ?? Number.POSITIVE_INFINITY));
export function standingOn(s: Seat, day: number): boolean {
  let standing = s.standing;
  let latest = Number.NEGATIVE_INFINITY;
  for (const c of s.changes) {
    if (c.day <= day && c.day > latest) {
      latest = c.day;
      standing = c.standing;
    }
  }
  return standing;
}

/** A day in `from..to` chosen by `at`. */
export const within = (at: number, from: number, to: number) => from + (at % (to - from + 1));

/** Distinct members of `pool` chosen by `picks`, leaving out `exclude`. */
export function distinct(
  picks: readonly number[],
  pool: readonly string[],
  exclude: readonly string[] = [],
): string[] {
  const chosen: string[] = [];
  for (const p of picks) {
    const id = pool[p % pool.length];
    if (id !== undefined && !exclude.includes(id) && !chosen.includes(id)) chosen.push(id);
  }
  return chosen;
}

/** What the builders of acts share: the term, the seats, and how to add a command. */
export interface HistoryContext {
  readonly plan: HistoryPlan;
  readonly salt: string;
  readonly committeeId: string;
  readonly term: number;
  readonly start: number;
  readonly end: number;
  readonly seats: readonly Seat[];
  /** The members seated on a day. */
  readonly seatedOn: (day: number) => string[];
  /** Keys of acts already written (one record per key). */
  readonly recorded: Set<string>;
  readonly add: (command: CommandName, data: Record<string, unknown>) => void;
}

import { committeeInfo, DEFAULT_TIME_ZONE, type DutyRecordState } from '@lvzhi/core';
import { UsageError } from '../exitCodes.ts';
import type { Messages } from '../i18n/messages.ts';

/** The committees asked for (each must be recorded), else the only committee of the record. */
export function chooseCommittees(
  state: DutyRecordState,
  requested: readonly string[] | undefined,
  t: Messages,
): string[] {
  const known = state.committees;
  if (requested !== undefined && requested.length > 0) {
    for (const id of requested) {
      if (!known.includes(id)) throw new Error(t.projUnknownCommittee(id, known));
    }
    return [...new Set(requested)];
  }
  if (known.length === 0) throw new Error(t.projNoCommittee);
  if (known.length > 1) {
    const message = t.projChooseCommittee(known);
    throw new UsageError(message, message);
  }
  return [known[0]!];
}

/** One committee: the one asked for, else the only one of the record. */
export function chooseCommittee(state: DutyRecordState, requested: string | undefined, t: Messages): string {
  return chooseCommittees(state, requested === undefined ? undefined : [requested], t)[0]!;
}

/**
 * The time zone in which to read a bare date: the zone shared by the given committees (every committee of the
 * record when none is given), or the default zone when there is none; a usage error when they differ.
 */
export function zoneOf(
  state: DutyRecordState,
  committeeIds: readonly string[] | undefined,
  t: Messages,
): string {
  const ids = committeeIds ?? state.committees;
  const zones = new Set(ids.map((id) => committeeInfo(state, id)?.timeZone ?? DEFAULT_TIME_ZONE));
  if (zones.size > 1) throw new UsageError(t.projZoneAmbiguous, t.projZoneAmbiguous);
  return [...zones][0] ?? DEFAULT_TIME_ZONE;
}

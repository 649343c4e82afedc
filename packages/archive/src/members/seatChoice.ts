import { type DutyRecordState, type SeatRecord, seatsOf } from '@lvzhi/core';
import { compareText } from '../scope/archiveScope.ts';

/** Which seat an archive is about: a committee and/or term, else the latest seat. */
export interface SeatSelector {
  readonly committeeId?: string;
  readonly term?: number;
}

/** The member's seats matching a selector, latest first (by appointment date, then term, then committee id). */
export function seatsMatching(
  state: DutyRecordState,
  memberId: string,
  selector: SeatSelector,
): SeatRecord[] {
  return seatsOf(state, memberId)
    .filter((s) => selector.committeeId === undefined || s.committeeId === selector.committeeId)
    .filter((s) => selector.term === undefined || s.term === selector.term)
    .sort(
      (a, b) =>
        compareText(b.appointedOn, a.appointedOn) ||
        b.term - a.term ||
        compareText(a.committeeId, b.committeeId),
    );
}

import { type DutyRecordState, seatsOf } from '@lvzhi/core';
import { compareText } from '../scope/archiveScope.ts';

/** One member's seat in a committee and term, as listed for choosing whose archive to open. */
export interface MemberListing {
  readonly memberId: string;
  readonly name: string;
  readonly committeeId: string;
  readonly term: number;
  readonly sector: string;
  /** Standing member (常委) after the latest recorded change. */
  readonly standing: boolean;
  readonly appointedOn: string;
  readonly endedOn: string | undefined;
  readonly endReason: string | undefined;
}

/** Options of `listMembers`: only one committee and/or term. */
export interface ListMembersOptions {
  readonly committeeId?: string;
  readonly term?: number;
}

/**
 * Every member seat of the record (one row per member, committee and term), for choosing an archive;
 * ordered by committee id, term, name and member id.
 * @example listMembers(state, { committeeId: 'cq', term: 5 }).map((m) => m.memberId)
 */
export function listMembers(state: DutyRecordState, options: ListMembersOptions = {}): MemberListing[] {
  const rows: MemberListing[] = [];
  for (const memberId of Object.keys(state.byMember)) {
    for (const seat of seatsOf(state, memberId)) {
      if (options.committeeId !== undefined && seat.committeeId !== options.committeeId) continue;
      if (options.term !== undefined && seat.term !== options.term) continue;
      rows.push({
        memberId,
        name: seat.name,
        committeeId: seat.committeeId,
        term: seat.term,
        sector: seat.sector,
        standing: seat.standing.at(-1)?.standing ?? false,
        appointedOn: seat.appointedOn,
        endedOn: seat.endedOn,
        endReason: seat.endReason,
      });
    }
  }
  return rows.sort(
    (a, b) =>
      compareText(a.committeeId, b.committeeId) ||
      a.term - b.term ||
      compareText(a.name, b.name) ||
      compareText(a.memberId, b.memberId),
  );
}

import { ACT_FAMILIES, type ActFamily, type FamilyCounts } from './analysisTypes.ts';
import type { OpinionEntry, ProposalEntry, RecordIndex } from './recordIndex.ts';
import { inYear, type Scope, seatedAt } from './yearScope.ts';

/** One member's acts in the year: counts per family, and which proposals and items they were credited with. */
export interface MemberActs {
  readonly counts: FamilyCounts;
  /** Acts of every family together. */
  readonly total: number;
  readonly proposalIds: ReadonlySet<string>;
  readonly opinionIds: ReadonlySet<string>;
}

interface Tally {
  readonly counts: Record<ActFamily, number>;
  readonly proposalIds: Set<string>;
  readonly opinionIds: Set<string>;
}

const FAMILY_OF_MEMBER_EVENT: Readonly<Record<string, ActFamily>> = {
  AttendanceRecorded: 'attendances',
  SpeechRecorded: 'speeches',
  PublicityRecorded: 'publicity',
  PublicWelfareRecorded: 'publicWelfare',
};

/**
 * Counts each member's acts in the year. An act counts when it is live (not retracted), falls in the year and
 * the member held a seat in its committee at its instant: a `present` attendance and a speech at a meeting of
 * the committee (dated by the meeting's current start); a proposal of the year in a credited role (lead or
 * individual proposer, co-signer, one of the first three named main members of a collective proposal); a
 * 社情民意 item of the year as one of its authors; publicity and public welfare, which belong to no committee,
 * when the member held a seat in any of the analysed committees then. Talks, honours and annual reports are
 * not acts; nor is an excused or absent attendance.
 */
export function memberActs(
  index: RecordIndex,
  scope: Scope,
  proposals: readonly ProposalEntry[],
  opinions: readonly OpinionEntry[],
): Map<string, MemberActs> {
  const tallies = new Map<string, Tally>();
  for (const member of scope.members.values()) {
    const counts = Object.fromEntries(ACT_FAMILIES.map((f) => [f, 0])) as Record<ActFamily, number>;
    for (const act of index.memberFacts(member.memberId)) {
      const family = FAMILY_OF_MEMBER_EVENT[act.type];
      if (family === undefined) continue;
      if (family === 'attendances' || family === 'speeches') {
        if (family === 'attendances' && act.data.status !== 'present') continue;
        const meeting = index.meetings.get(act.data.meetingId as string);
        if (!meeting || !inYear(scope, meeting.committeeId, meeting.start)) continue;
        if (!seatedAt(member, meeting.committeeId, meeting.start)) continue;
      } else {
        const at = Date.parse(act.data.occurredAt as string);
        const held = member.seats.some(
          (h) => h.span[0] <= at && at <= h.span[1] && inYear(scope, h.seat.committeeId, at),
        );
        if (!held) continue;
      }
      counts[family]++;
    }
    tallies.set(member.memberId, { counts, proposalIds: new Set(), opinionIds: new Set() });
  }
  const credit = (memberIds: readonly string[], committeeId: string, at: number, add: (t: Tally) => void) => {
    for (const id of memberIds) {
      const member = scope.members.get(id);
      const tally = tallies.get(id);
      if (member && tally && seatedAt(member, committeeId, at)) add(tally);
    }
  };
  for (const p of proposals) {
    credit(p.credited, p.committeeId, p.at, (t) => {
      t.counts.proposals++;
      t.proposalIds.add(p.proposalId);
    });
  }
  for (const o of opinions) {
    credit(o.authors, o.committeeId, o.at, (t) => {
      t.counts.opinions++;
      t.opinionIds.add(o.opinionId);
    });
  }
  const result = new Map<string, MemberActs>();
  for (const [id, t] of tallies) {
    result.set(id, { ...t, total: ACT_FAMILIES.reduce((n, f) => n + t.counts[f], 0) });
  }
  return result;
}

import {
  type CommitteeInfo,
  committeeInfo,
  DEFAULT_TIME_ZONE,
  type DutyRecordState,
  liveActs,
  meetingOf,
  type RecordedAct,
  type SeatRecord,
  seatSpan,
  seatsOf,
  startOfDateInput,
} from '@lvzhi/core';

/** A live meeting, with its current (possibly corrected) start, as core's `meetingOf` gives it. */
export interface MeetingEntry {
  readonly meetingId: string;
  readonly committeeId: string;
  readonly kind: string;
  readonly title: string;
  readonly startsOn: string;
  readonly start: number;
  readonly term: number;
  readonly session: number | null;
}

/** A live proposal with its current data, review and marks. */
export interface ProposalEntry {
  readonly proposalId: string;
  readonly committeeId: string;
  readonly at: number;
  readonly category: string;
  readonly timing: string;
  readonly proposerType: string;
  /** Lead or individual proposer, co-signers, and the first three named main members of a collective one. */
  readonly credited: readonly string[];
  /** The current decision of the last live review, if any. */
  readonly decision: string | undefined;
  readonly key: boolean;
  readonly awarded: boolean;
  readonly instructed: boolean;
}

/** A live 社情民意 item with the levels at which it was adopted. */
export interface OpinionEntry {
  readonly opinionId: string;
  readonly committeeId: string;
  readonly at: number;
  readonly authors: readonly string[];
  readonly levels: ReadonlySet<string>;
  readonly instructed: boolean;
}

/** A seat with the span in which it is held. */
export interface HeldSeat {
  readonly seat: SeatRecord;
  readonly span: readonly [number, number];
}

/** What every analysis of one state needs, computed once per call: committees, seats, meetings, items. */
export interface RecordIndex {
  readonly state: DutyRecordState;
  readonly committees: ReadonlyMap<string, CommitteeInfo>;
  /** memberId → every live seat, in the order of appointment. */
  readonly seats: ReadonlyMap<string, readonly HeldSeat[]>;
  readonly meetings: ReadonlyMap<string, MeetingEntry>;
  readonly proposals: readonly ProposalEntry[];
  readonly opinions: readonly OpinionEntry[];
  /** A member's live acts of the member stream that analyses read (attendance, speech, publicity, public welfare, long leave). */
  readonly memberFacts: (memberId: string) => readonly RecordedAct[];
}

const MEMBER_FACTS: ReadonlySet<string> = new Set([
  'AttendanceRecorded',
  'SpeechRecorded',
  'PublicityRecorded',
  'PublicWelfareRecorded',
  'LongLeaveDeclared',
]);

const lastOf = (acts: readonly RecordedAct[], type: string) => acts.findLast((a) => a.type === type);
const has = (acts: readonly RecordedAct[], type: string) => acts.some((a) => a.type === type);

function streamsOf(state: DutyRecordState, category: string): [string, RecordedAct[]][] {
  const prefix = `${category}-`;
  const out: [string, RecordedAct[]][] = [];
  for (const [streamId, ids] of Object.entries(state.byStream)) {
    if (streamId.startsWith(prefix)) out.push([streamId.slice(prefix.length), liveActs(state, ids)]);
  }
  return out;
}

function proposalEntry(id: string, acts: readonly RecordedAct[]): ProposalEntry | undefined {
  const submitted = lastOf(acts, 'ProposalSubmitted')?.data;
  if (!submitted) return undefined;
  const named = [
    submitted.leadMemberId,
    ...((submitted.coSignerIds as unknown[] | undefined) ?? []),
    ...((submitted.mainMemberIds as unknown[] | undefined) ?? []).slice(0, 3),
  ];
  return {
    proposalId: id,
    committeeId: submitted.committeeId as string,
    at: Date.parse(submitted.occurredAt as string),
    category: submitted.category as string,
    timing: (submitted.timing as string | undefined) ?? 'session',
    proposerType: submitted.proposerType as string,
    credited: [...new Set(named.filter((m): m is string => typeof m === 'string'))],
    decision: lastOf(acts, 'ProposalReviewed')?.data.decision as string | undefined,
    key: has(acts, 'ProposalMarkedKey'),
    awarded: has(acts, 'ProposalAwarded'),
    instructed: has(acts, 'LeaderInstructionRecorded'),
  };
}

function opinionEntry(id: string, acts: readonly RecordedAct[]): OpinionEntry | undefined {
  const submitted = lastOf(acts, 'OpinionSubmitted')?.data;
  if (!submitted) return undefined;
  return {
    opinionId: id,
    committeeId: submitted.committeeId as string,
    at: Date.parse(submitted.occurredAt as string),
    authors: [...new Set(submitted.authorIds as string[])],
    levels: new Set(acts.filter((a) => a.type === 'OpinionAdopted').map((a) => a.data.level as string)),
    instructed: has(acts, 'LeaderInstructionRecorded'),
  };
}

/** Indexes a duty record for analysis; retracted facts are left out, corrections are applied. */
export function recordIndex(state: DutyRecordState): RecordIndex {
  const committees = new Map<string, CommitteeInfo>();
  for (const id of state.committees) {
    const info = committeeInfo(state, id);
    if (info) committees.set(id, info);
  }
  const seats = new Map<string, HeldSeat[]>();
  for (const memberId of Object.keys(state.byMember)) {
    const held = seatsOf(state, memberId).map((seat) => ({ seat, span: seatSpan(state, seat) }));
    if (held.length > 0) seats.set(memberId, held);
  }
  const meetings = new Map<string, MeetingEntry>();
  for (const streamId of Object.keys(state.byStream)) {
    if (!streamId.startsWith('meeting-')) continue;
    const meetingId = streamId.slice('meeting-'.length);
    const m = meetingOf(state, meetingId);
    if (!m) continue;
    const committeeId = m.committeeId as string;
    const timeZone = committees.get(committeeId)?.timeZone ?? DEFAULT_TIME_ZONE;
    meetings.set(meetingId, {
      meetingId,
      committeeId,
      kind: m.kind as string,
      title: m.title as string,
      startsOn: m.startsOn as string,
      start: startOfDateInput(m.startsOn as string, timeZone),
      term: m.term as number,
      session: (m.session as number | undefined) ?? null,
    });
  }
  const proposals = streamsOf(state, 'proposal').flatMap(([id, acts]) => proposalEntry(id, acts) ?? []);
  const opinions = streamsOf(state, 'opinion').flatMap(([id, acts]) => opinionEntry(id, acts) ?? []);
  const facts = new Map<string, readonly RecordedAct[]>();
  const memberFacts = (memberId: string) => {
    let found = facts.get(memberId);
    if (found === undefined) {
      found = liveActs(state, state.byMember[memberId]).filter((a) => MEMBER_FACTS.has(a.type));
      facts.set(memberId, found);
    }
    return found;
  };
  return { state, committees, seats, meetings, proposals, opinions, memberFacts };
}

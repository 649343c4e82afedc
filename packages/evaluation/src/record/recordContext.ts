import {
  type CommitteeInfo,
  type DutyRecordState,
  endOfDateInput,
  liveActs,
  type RecordedAct,
  startOfDateInput,
} from '@lvzhi/core';
import type { ProposalRole } from '../policy/vocabulary.ts';

/** A term of the committee with its span in epoch ms. */
export interface TermSpan {
  readonly term: number;
  readonly start: number;
  readonly end: number;
}

/** A proposal or item credited to a member: the submission and the member's role in it. */
export interface Credited {
  readonly submission: RecordedAct;
  readonly role: ProposalRole | 'author';
  /** Place among the co-signers, main members or authors (0-based). */
  readonly index: number;
  /** The later steps of its stream (live), in log order. */
  readonly steps: readonly RecordedAct[];
}

/** What the engine reads once per evaluation: the committee, its terms and who is credited with what. */
export interface RecordContext {
  readonly state: DutyRecordState;
  readonly committee: CommitteeInfo;
  readonly timeZone: string;
  readonly terms: readonly TermSpan[];
  readonly proposals: ReadonlyMap<string, readonly Credited[]>;
  readonly opinions: ReadonlyMap<string, readonly Credited[]>;
  readonly meetings: Map<string, RecordedAct | null>;
}

function credit(index: Map<string, Credited[]>, memberId: unknown, entry: Credited) {
  if (typeof memberId !== 'string') return;
  const list = index.get(memberId);
  if (list) list.push(entry);
  else index.set(memberId, [entry]);
}

/** Roles in a proposal by its current data (corrections applied), so a corrected list of signers counts. */
function indexProposal(index: Map<string, Credited[]>, submission: RecordedAct, steps: RecordedAct[]) {
  const d = submission.data;
  const coSigners = (d.coSignerIds as string[] | undefined) ?? [];
  const mains = (d.mainMemberIds as string[] | undefined) ?? [];
  if (d.proposerType === 'individual')
    credit(index, d.leadMemberId, { submission, role: 'individual', index: 0, steps });
  if (d.proposerType === 'joint') {
    credit(index, d.leadMemberId, { submission, role: 'lead', index: 0, steps });
    for (const [i, id] of coSigners.entries())
      credit(index, id, { submission, role: 'co-signer', index: i, steps });
  }
  if (d.proposerType === 'collective') {
    for (const [i, id] of mains.entries())
      credit(index, id, { submission, role: 'main-member', index: i, steps });
  }
}

function byOccurrenceOfAct(a: RecordedAct, b: RecordedAct): number {
  const x = Date.parse(a.data.occurredAt as string);
  const y = Date.parse(b.data.occurredAt as string);
  if (x !== y) return x - y;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** Reads the committee's proposals and items once, indexed by the members they credit. */
export function recordContext(state: DutyRecordState, committee: CommitteeInfo): RecordContext {
  const timeZone = committee.timeZone;
  const proposals = new Map<string, Credited[]>();
  const opinions = new Map<string, Credited[]>();
  for (const [streamId, ids] of Object.entries(state.byStream)) {
    const isProposal = streamId.startsWith('proposal-');
    if (!isProposal && !streamId.startsWith('opinion-')) continue;
    const acts = liveActs(state, ids);
    const submission = acts.find((a) => a.type === (isProposal ? 'ProposalSubmitted' : 'OpinionSubmitted'));
    if (!submission || submission.data.committeeId !== committee.committeeId) continue;
    // Later steps in order of occurrence (not of recording), so that evidence never depends on recording order.
    const steps = acts.filter((a) => a !== submission).sort(byOccurrenceOfAct);
    if (isProposal) indexProposal(proposals, submission, steps);
    else {
      const authors = (submission.data.authorIds as string[] | undefined) ?? [];
      for (const [i, id] of authors.entries())
        credit(opinions, id, { submission, role: 'author', index: i, steps });
    }
  }
  return {
    state,
    committee,
    timeZone,
    terms: committee.terms.map((t) => ({
      term: t.term,
      start: startOfDateInput(t.startsOn, timeZone),
      end: endOfDateInput(t.endsOn, timeZone),
    })),
    proposals,
    opinions,
    meetings: new Map(),
  };
}

/** The live scheduling event of a meeting of the committee, if any. */
export function meetingAct(ctx: RecordContext, meetingId: string): RecordedAct | undefined {
  let found = ctx.meetings.get(meetingId);
  if (found === undefined) {
    found =
      liveActs(ctx.state, ctx.state.byStream[`meeting-${meetingId}`]).find(
        (a) => a.type === 'MeetingScheduled',
      ) ?? null;
    ctx.meetings.set(meetingId, found);
  }
  return found ?? undefined;
}

/** The term whose dates include an instant. */
export function termAt(ctx: RecordContext, at: number): number | undefined {
  return ctx.terms.find((t) => t.start <= at && at <= t.end)?.term;
}

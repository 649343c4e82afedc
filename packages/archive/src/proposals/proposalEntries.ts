import type { RecordedAct } from '@lvzhi/core';
import { type Traced, traced } from '../corrections/amendmentNotes.ts';
import {
  type ArchiveScope,
  actsOfType,
  byOccurrence,
  dataOf,
  duringSeat,
  inYear,
  occurredMs,
  whenOf,
} from '../scope/archiveScope.ts';
import { isCredited, type ProposalRole, roleOn } from './proposalRole.ts';

/** One step of a proposal's history (提案办理过程), in the order it happened. */
export type ProposalStep = Traced & { readonly date: string } & (
    | { readonly step: 'submitted' }
    /** 立案, 并案, 转为意见建议, 不予立案, 退回. */
    | {
        readonly step: 'reviewed';
        readonly decision: ReviewDecision;
        readonly mergedInto: string | undefined;
      }
    /** 重点提案. */
    | { readonly step: 'key' }
    /** 优秀提案. */
    | { readonly step: 'awarded' }
    /** 办复. */
    | { readonly step: 'answered'; readonly result: 'solved' | 'planned' | 'reference' }
    | { readonly step: 'feedback'; readonly rating: 'satisfied' | 'basically-satisfied' | 'unsatisfied' }
    /** 领导批示. */
    | { readonly step: 'instruction'; readonly level: string }
  );

/** A review decision: filed (立案), merged (并案), converted (转为意见建议), not filed, returned. */
type ReviewDecision = 'filed' | 'merged' | 'converted' | 'not-filed' | 'returned';

/** A proposal's current status, from its live (not retracted) steps. */
export interface ProposalStatus {
  /** The latest live step (leader instructions aside), a review by its decision. */
  readonly stage: 'submitted' | ReviewDecision | 'key' | 'awarded' | 'answered' | 'feedback';
  readonly review: ReviewDecision | undefined;
  /** Filed or merged (并案 counts as filed). */
  readonly filed: boolean;
  readonly key: boolean;
  readonly excellent: boolean;
  readonly answer: 'solved' | 'planned' | 'reference' | undefined;
  readonly feedback: 'satisfied' | 'basically-satisfied' | 'unsatisfied' | undefined;
  /** Levels of leader instructions, in order. */
  readonly instructions: readonly string[];
}

/** A proposal (提案) naming the member, with the member's role, its current status and its full history. */
export interface ProposalEntry extends Traced {
  readonly proposalId: string;
  readonly title: string;
  readonly category: string;
  readonly proposerType: 'individual' | 'joint' | 'collective';
  readonly timing: 'session' | 'interim';
  readonly collectiveBody: string | undefined;
  readonly leadMemberId: string | undefined;
  readonly coSignerIds: readonly string[];
  readonly mainMemberIds: readonly string[];
  readonly role: ProposalRole;
  /** Place among the signatories (lead first) or the named main members, 1-based. */
  readonly position: number;
  /** Counted for the member (every role but a named main member beyond the first three). */
  readonly credited: boolean;
  /** Submission date, local to the committee; the proposal's year is its submission year. */
  readonly date: string;
  readonly year: number;
  readonly status: ProposalStatus;
  readonly history: readonly ProposalStep[];
}

const STEP_RANK: Readonly<Record<string, number>> = {
  ProposalSubmitted: 0,
  ProposalReviewed: 1,
  ProposalMarkedKey: 2,
  ProposalAwarded: 3,
  ProposalAnswered: 4,
  ProposerFeedbackRecorded: 5,
  LeaderInstructionRecorded: 6,
};

function stepOf(scope: ArchiveScope, act: RecordedAct): ProposalStep | undefined {
  const base = { ...traced(act), date: whenOf(scope, act).date };
  switch (act.type) {
    case 'ProposalSubmitted':
      return { ...base, step: 'submitted' };
    case 'ProposalReviewed': {
      const d = dataOf(act, 'ProposalReviewed');
      return { ...base, step: 'reviewed', decision: d.decision, mergedInto: d.mergedInto };
    }
    case 'ProposalMarkedKey':
      return { ...base, step: 'key' };
    case 'ProposalAwarded':
      return { ...base, step: 'awarded' };
    case 'ProposalAnswered':
      return { ...base, step: 'answered', result: dataOf(act, 'ProposalAnswered').result };
    case 'ProposerFeedbackRecorded':
      return { ...base, step: 'feedback', rating: dataOf(act, 'ProposerFeedbackRecorded').rating };
    case 'LeaderInstructionRecorded':
      return { ...base, step: 'instruction', level: dataOf(act, 'LeaderInstructionRecorded').level };
    default:
      return undefined;
  }
}

/** The steps of a proposal's stream in the order they happened (date, then lifecycle order, then stream order). */
function historyOf(scope: ArchiveScope, proposalId: string): { act: RecordedAct; step: ProposalStep }[] {
  const ids = scope.state.byStream[`proposal-${proposalId}`] ?? [];
  return ids
    .map((id, order) => ({ act: scope.state.acts[id]!, order }))
    .filter((x) => x.act && STEP_RANK[x.act.type] !== undefined)
    .sort(
      (a, b) =>
        occurredMs(a.act) - occurredMs(b.act) ||
        STEP_RANK[a.act.type]! - STEP_RANK[b.act.type]! ||
        a.order - b.order,
    )
    .flatMap(({ act }) => {
      const step = stepOf(scope, act);
      return step ? [{ act, step }] : [];
    });
}

function statusOf(history: readonly ProposalStep[]): ProposalStatus {
  const live = history.filter((s) => !s.retracted);
  let stage: ProposalStatus['stage'] = 'submitted';
  let review: ProposalStatus['review'];
  let answer: ProposalStatus['answer'];
  let feedback: ProposalStatus['feedback'];
  const instructions: string[] = [];
  for (const s of live) {
    if (s.step === 'instruction') instructions.push(s.level);
    else stage = s.step === 'reviewed' ? s.decision : s.step;
    if (s.step === 'reviewed') review = s.decision;
    if (s.step === 'answered') answer = s.result;
    if (s.step === 'feedback') feedback = s.rating;
  }
  return {
    stage,
    review,
    filed: review === 'filed' || review === 'merged',
    key: live.some((s) => s.step === 'key'),
    excellent: live.some((s) => s.step === 'awarded'),
    answer,
    feedback,
    instructions,
  };
}

/**
 * The proposals of the scope's committee submitted while the seat was held that name the member, in
 * submission order; `touched` also holds every act of them (and of proposals a correction removed the member
 * from), for the archive's corrections and retractions.
 */
export function proposalEntries(scope: ArchiveScope): { entries: ProposalEntry[]; touched: RecordedAct[] } {
  const entries: { act: RecordedAct; key: string; entry: ProposalEntry }[] = [];
  const touched: RecordedAct[] = [];
  for (const act of actsOfType(scope.state, scope.state.byMember[scope.memberId], ['ProposalSubmitted'])) {
    const d = dataOf(act, 'ProposalSubmitted');
    if (d.committeeId !== scope.seat.committeeId || !duringSeat(scope, act)) continue;
    const when = whenOf(scope, act);
    if (!inYear(scope, when.year)) continue;
    const history = historyOf(scope, d.proposalId);
    touched.push(...history.map((h) => h.act));
    const named = roleOn(d, scope.memberId);
    if (!named) continue;
    const steps = history.map((h) => h.step);
    entries.push({
      act,
      key: d.proposalId,
      entry: {
        ...traced(act),
        proposalId: d.proposalId,
        title: d.title,
        category: d.category,
        proposerType: d.proposerType,
        timing: d.timing,
        collectiveBody: d.collectiveBody,
        leadMemberId: d.leadMemberId,
        coSignerIds: d.coSignerIds ?? [],
        mainMemberIds: d.mainMemberIds ?? [],
        ...named,
        credited: isCredited(named.role),
        ...when,
        status: statusOf(steps),
        history: steps,
      },
    });
  }
  return { entries: entries.sort(byOccurrence).map((e) => e.entry), touched };
}

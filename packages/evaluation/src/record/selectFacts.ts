import { match } from 'ts-pattern';
import type { Params } from '../policy/policySchema.ts';
import type {
  AttendanceSelector,
  OpinionSelector,
  ProposalSelector,
  Selector,
  SpeechSelector,
} from '../policy/selector.ts';
import type { AttendanceFact, Fact, OpinionFact, OtherFact, ProposalFact, SpeechFact } from './facts.ts';

/** A fact a selector picked, with the events that made it count and the member's credit share. */
export interface Selected {
  readonly fact: Fact;
  readonly evidence: readonly string[];
  /** The member's share of a proposal's points (1 for every other act). */
  readonly share: number;
}

const within = <T>(list: readonly T[] | undefined, value: T | undefined) =>
  list === undefined || (value !== undefined && list.includes(value));
const is = (want: boolean | undefined, actual: boolean) => want === undefined || want === actual;

/** Whether an attendance is an absence under the policy's absence rule. */
export function isAbsence(a: AttendanceFact, rule: Params['absence']): boolean {
  if (a.status === 'absent') return true;
  if (a.status === 'excused') {
    return (
      rule.counting === 'all-but-exempt' &&
      !(a.leaveReason && rule.exemptLeaveReasons.includes(a.leaveReason))
    );
  }
  const below = rule.fractionBelow;
  if (below === undefined || a.fractionAttended === undefined) return false;
  return typeof below === 'number'
    ? a.fractionAttended < below
    : a.fractionAttended * below.denominator < below.numerator;
}

function attendance(a: AttendanceFact, s: AttendanceSelector, params: Params): readonly string[] | undefined {
  const ok =
    within(s.meetingKinds, a.meetingKind) &&
    within(s.statuses, a.status) &&
    within(s.capacities, a.capacity) &&
    within(s.channels, a.channel) &&
    within(s.leaveReasons, a.leaveReason) &&
    is(s.standingAtMeeting, a.standing) &&
    is(s.countsAsAbsence, isAbsence(a, params.absence));
  return ok ? [a.eventId, a.meetingEventId] : undefined;
}

function speech(a: SpeechFact, s: SpeechSelector): readonly string[] | undefined {
  const ok = within(s.meetingKinds, a.meetingKind) && within(s.modes, a.mode) && is(s.listed, a.listed);
  return ok ? [a.eventId, a.meetingEventId] : undefined;
}

function proposal(p: ProposalFact, s: ProposalSelector, params: Params): readonly string[] | undefined {
  if (p.role === 'main-member' && p.mainMemberIndex >= params.proposalCredit.mainMemberLimit)
    return undefined;
  const ok =
    within(s.roles, p.role) &&
    within(s.proposerTypes, p.proposerType) &&
    within(s.decisions, p.review?.decision) &&
    is(s.key, p.keyEventId !== undefined) &&
    is(s.awarded, p.awardEventId !== undefined) &&
    within(s.categories, p.category) &&
    within(s.timings, p.timing);
  if (!ok) return undefined;
  const evidence = [p.eventId];
  if (s.decisions && p.review) evidence.push(p.review.eventId);
  if (s.key && p.keyEventId) evidence.push(p.keyEventId);
  if (s.awarded && p.awardEventId) evidence.push(p.awardEventId);
  return evidence;
}

function opinion(o: OpinionFact, s: OpinionSelector): readonly string[] | undefined {
  if (s.firstAuthorOnly && !o.firstAuthor) return undefined;
  const adoptions = o.adoptions.filter((a) => within(s.adoptionLevels, a.level));
  if (s.adoptionLevels && adoptions.length === 0) return undefined;
  if (!is(s.adopted, o.adoptions.length > 0)) return undefined;
  const cites = s.adopted === true || s.adoptionLevels !== undefined;
  return [o.eventId, ...(cites ? adoptions.map((a) => a.eventId) : [])];
}

function other(o: OtherFact, s: Selector): readonly string[] | undefined {
  if (s.act !== o.family) return undefined;
  if ('kinds' in s && !within(s.kinds, o.kind)) return undefined;
  if ('levels' in s && !within(s.levels, o.level)) return undefined;
  return [o.eventId];
}

/** A proposal's credit share for the member's role. */
export function creditShare(p: ProposalFact, credit: Params['proposalCredit']): number {
  return match(p.role)
    .with('individual', () => credit.individual)
    .with('lead', () => credit.lead)
    .with('co-signer', () =>
      'shared' in credit.coSigners
        ? credit.coSigners.shared / Math.max(1, p.coSigners)
        : credit.coSigners.each,
    )
    .with('main-member', () => credit.mainMembers)
    .exhaustive();
}

/** The evidence for a fact under a selector, or undefined when the selector does not pick it. */
export function matchFact(fact: Fact, selector: Selector, params: Params): readonly string[] | undefined {
  if (fact.family !== selector.act) return undefined;
  switch (fact.family) {
    case 'attendance':
      return attendance(fact, selector as AttendanceSelector, params);
    case 'speech':
      return speech(fact, selector as SpeechSelector);
    case 'proposal':
      return proposal(fact, selector as ProposalSelector, params);
    case 'opinion':
      return opinion(fact, selector as OpinionSelector);
    default:
      return other(fact, selector);
  }
}

/** The facts a selector picks, in the order given. */
export function selectFacts(facts: readonly Fact[], selector: Selector, params: Params): Selected[] {
  const out: Selected[] = [];
  for (const fact of facts) {
    const evidence = matchFact(fact, selector, params);
    if (!evidence) continue;
    out.push({
      fact,
      evidence,
      share: fact.family === 'proposal' ? creditShare(fact, params.proposalCredit) : 1,
    });
  }
  return out;
}

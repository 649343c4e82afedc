import { EVENT_SCHEMAS } from '@lvzhi/core';
import fc from 'fast-check';
import { dayOf } from './calendarDays.ts';
import { fieldArbitrary, textUnit } from './schemaArbitrary.ts';

const S = EVENT_SCHEMAS;

/** Zones whose local date at 12:00Z is the UTC date, so that a meeting given as an instant keeps its day. */
const TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Urumqi',
  'Asia/Hong_Kong',
  'UTC',
  'Europe/London',
  'America/New_York',
];
const SECTORS = [
  '中国共产党',
  '民革',
  '民盟',
  '无党派人士',
  '经济界',
  '教育界',
  '医药卫生界',
  '特邀香港人士',
];
const SPECIAL_COMMITTEES = ['提案委员会', '经济委员会', '文化文史和学习委员会'];

/** A short non-empty text, with Chinese. */
const text = fc.string({ unit: textUnit, minLength: 1, maxLength: 12 });
/** An offset that is often 0 (the first possible day), else anywhere. */
const offset = fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.nat(), weight: 3 });
const pick = fc.nat();

const memberPlan = fc.record({
  name: text,
  sector: fc.constantFrom(...SECTORS),
  specialCommittees: fc.subarray(SPECIAL_COMMITTEES, { maxLength: 2 }),
  standing: fieldArbitrary(S.MemberAppointed.shape.standing),
  party: fc.option(text, { nil: undefined }),
  appointAt: offset,
  standingChanges: fc.array(
    fc.record({
      standing: fieldArbitrary(S.StandingMemberSet.shape.standing),
      at: fc.nat(),
      omitTerm: fc.boolean(),
    }),
    { maxLength: 2 },
  ),
  leaves: fc.array(
    fc.record({
      at: fc.nat(),
      days: fc.option(fc.nat({ max: 400 }), { nil: undefined }),
      reason: fieldArbitrary(S.LongLeaveDeclared.shape.reason),
    }),
    { maxLength: 2 },
  ),
  ending: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    fc.record({
      reason: fieldArbitrary(S.MembershipEnded.shape.reason),
      at: fc.nat(),
      omitTerm: fc.boolean(),
    }),
  ),
});

const meetingPlan = fc.record({
  kind: fieldArbitrary(S.MeetingScheduled.shape.kind),
  title: text,
  at: offset,
  lastsDays: fc.option(fc.nat({ max: 3 }), { nil: undefined }),
  session: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  timed: fc.boolean(),
});

const attendancePlan = fc.record({
  member: pick,
  meeting: pick,
  status: fieldArbitrary(S.AttendanceRecorded.shape.status),
  capacity: fieldArbitrary(S.AttendanceRecorded.shape.capacity),
  channel: fieldArbitrary(S.AttendanceRecorded.shape.channel),
  fractionAttended: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  leaveReason: fieldArbitrary(S.AttendanceRecorded.shape.leaveReason),
  spellDefaults: fc.boolean(),
});

const speechPlan = fc.record({
  member: pick,
  meeting: pick,
  mode: fieldArbitrary(S.SpeechRecorded.shape.mode),
  listed: fc.boolean(),
});

/** A later step of a lifecycle, sometimes: its own choices and how many days after the first step. */
const later = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.option(fc.tuple(arbitrary, fc.nat()), { freq: 2, nil: undefined });
const step = later(fc.constant({}));

const proposalPlan = fc.record({
  title: text,
  category: fieldArbitrary(S.ProposalSubmitted.shape.category),
  proposerType: fieldArbitrary(S.ProposalSubmitted.shape.proposerType),
  timing: fieldArbitrary(S.ProposalSubmitted.shape.timing),
  at: offset,
  lead: pick,
  coSigners: fc.array(pick, { maxLength: 3 }),
  mainMembers: fc.array(pick, { maxLength: 4 }),
  collectiveBody: text,
  review: later(fc.record({ decision: fieldArbitrary(S.ProposalReviewed.shape.decision), target: pick })),
  key: step,
  award: step,
  answer: later(fc.record({ result: fieldArbitrary(S.ProposalAnswered.shape.result) })),
  feedback: later(fc.record({ rating: fieldArbitrary(S.ProposerFeedbackRecorded.shape.rating) })),
  instruction: later(fc.record({ level: fieldArbitrary(S.LeaderInstructionRecorded.shape.level) })),
});

const opinionPlan = fc.record({
  title: text,
  at: offset,
  authors: fc.array(pick, { minLength: 1, maxLength: 3 }),
  adoptions: fc.array(fc.tuple(fieldArbitrary(S.OpinionAdopted.shape.level), fc.nat()), { maxLength: 2 }),
  instruction: later(fc.record({ level: fieldArbitrary(S.LeaderInstructionRecorded.shape.level) })),
});

const activityPlan = fc.record({
  member: pick,
  at: offset,
  act: fc.oneof(
    fc.record({
      command: fc.constant('RecordPublicity' as const),
      kind: fieldArbitrary(S.PublicityRecorded.shape.kind),
      outlet: text,
      level: fc.option(fieldArbitrary(S.PublicityRecorded.shape.level), { nil: undefined }),
    }),
    fc.record({ command: fc.constant('RecordPublicWelfare' as const), title: text }),
    fc.record({
      command: fc.constant('RecordTalk' as const),
      kind: fieldArbitrary(S.TalkRecorded.shape.kind),
      heldBy: text,
    }),
    fc.record({
      command: fc.constant('RecordHonour' as const),
      title: text,
      level: fieldArbitrary(S.HonourRecorded.shape.level),
    }),
    fc.record({ command: fc.constant('SubmitAnnualReport' as const) }),
    fc.record({
      command: fc.constant('RecordAssessmentDecision' as const),
      grade: fieldArbitrary(S.AssessmentDecisionRecorded.shape.grade),
      policyId: fc.constantFrom('tongcheng-2019', 'jinan-2015'),
      score: fieldArbitrary(S.AssessmentDecisionRecorded.shape.score),
    }),
    fc.record({
      command: fc.constant('RecordRenominationDecision' as const),
      decision: fieldArbitrary(S.RenominationDecisionRecorded.shape.decision),
      reason: text,
    }),
  ),
});

/** How large a generated history may be. */
export interface HistoryOptions {
  readonly maxMembers?: number;
  readonly maxMeetings?: number;
  readonly maxAttendances?: number;
  readonly maxSpeeches?: number;
  readonly maxProposals?: number;
  readonly maxOpinions?: number;
  readonly maxActivities?: number;
}

/** The random choices a history is built from; building turns them into valid commands. */
export function historyPlanArbitrary(options: HistoryOptions = {}) {
  return fc.record({
    salt: fieldArbitrary(S.CommitteeRegistered.shape.committeeId).map((id) => id.slice(0, 16)),
    committee: fc.record({
      name: text,
      level: fieldArbitrary(S.CommitteeRegistered.shape.level),
      timeZone: fc.option(fc.constantFrom(...TIME_ZONES), { nil: undefined }),
    }),
    term: fc.record({
      number: fieldArbitrary(S.TermOpened.shape.term),
      startDay: fc.integer({ min: dayOf('2000-01-01'), max: dayOf('2030-01-01') }),
      days: fc.integer({ min: 30, max: 1826 }),
    }),
    members: fc.array(memberPlan, { minLength: 1, maxLength: options.maxMembers ?? 5 }),
    meetings: fc.array(meetingPlan, { maxLength: options.maxMeetings ?? 4 }),
    attendances: fc.array(attendancePlan, { maxLength: options.maxAttendances ?? 10 }),
    speeches: fc.array(speechPlan, { maxLength: options.maxSpeeches ?? 4 }),
    proposals: fc.array(proposalPlan, { maxLength: options.maxProposals ?? 4 }),
    opinions: fc.array(opinionPlan, { maxLength: options.maxOpinions ?? 3 }),
    activities: fc.array(activityPlan, { maxLength: options.maxActivities ?? 4 }),
  });
}

/** A plan of a history. */
export type HistoryPlan = ReturnType<typeof historyPlanArbitrary> extends fc.Arbitrary<infer T> ? T : never;

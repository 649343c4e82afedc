import fc from 'fast-check';
import type { Data, ModelCommand } from './dutyModel.ts';

/**
 * Commands drawn from small pools of ids, dates and variants, so that ids collide, rules are broken and
 * records repeat often. Dates of different kinds come from pools that never share a day, so no rule turns on
 * which end of a range is inclusive.
 */
const COMMITTEES = ['cq', 'yz'] as const;
const MEMBERS = ['m1', 'm2', 'm3', 'm4', 'm5'] as const;
const MEETINGS = ['g1', 'g2', 'g3', 'g4'] as const;
export const PROPOSALS = ['p1', 'p2', 'p3'] as const;
const OPINIONS = ['o1', 'o2'] as const;

const committee = fc.constantFrom(...COMMITTEES, 'cq');
const member = fc.constantFrom(...MEMBERS);
const members = (max: number) => fc.uniqueArray(member, { minLength: 1, maxLength: max });
const cmd = (command: string, data: fc.Arbitrary<Data>) =>
  data.map((d): ModelCommand => ({ command, data: d }));
/** Drops the fields whose value is undefined (an absent optional field). */
const defined = (d: Record<string, unknown>): Data =>
  Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined));

// Dates of different kinds come from pools that never share a day, so no rule turns on which end of a range
// is inclusive: terms start on the 10th or 15th of January, memberships end on the 15th of other months,
// meetings are on the 3rd/14th/20th, leaves on the 5th and 25th, proposal and opinion dates elsewhere.
export const registerCommittee = cmd(
  'RegisterCommittee',
  fc.record({
    committeeId: committee,
    name: fc.constantFrom('重庆市政协', '渝中区政协'),
    level: fc.constantFrom('prefectural', 'county'),
  }),
);

export const TERMS = [
  { committeeId: 'cq', term: 5, startsOn: '2018-01-15', endsOn: '2022-12-31' },
  { committeeId: 'cq', term: 5, startsOn: '2018-01-10', endsOn: '2022-12-31' },
  { committeeId: 'cq', term: 6, startsOn: '2023-01-10', endsOn: '2027-12-31' },
  { committeeId: 'yz', term: 5, startsOn: '2018-01-10', endsOn: '2022-12-31' },
  { committeeId: 'yz', term: 6, startsOn: '2023-01-15', endsOn: '2022-12-31' },
  { committeeId: 'nj', term: 5, startsOn: '2018-01-10', endsOn: '2022-12-31' },
];
export const openTerm = cmd('OpenTerm', fc.constantFrom(...TERMS));

export const appointMember = cmd(
  'AppointMember',
  fc
    .record({
      memberId: member,
      committeeId: committee,
      term: fc.constantFrom(5, 5, 5, 6),
      sector: fc.constantFrom('经济界', '教育界'),
      standing: fc.boolean(),
      appointedOn: fc.constantFrom('2018-01-15', '2018-01-15', '2019-07-01', '2017-06-01', '2023-01-16'),
    })
    .map((d) => ({ ...d, name: `委员${d.memberId}` })),
);

export const endMembership = cmd(
  'EndMembership',
  fc
    .record({
      memberId: member,
      committeeId: committee,
      term: fc.constantFrom(5, 6),
      reason: fc.constantFrom('resigned', 'deceased'),
      later: fc.boolean(),
    })
    // Mostly within the term and after the appointment; sometimes before it or after the term.
    .map(({ later, ...d }) => ({
      ...d,
      effectiveOn: d.term === 5 ? (later ? '2021-06-15' : '2019-05-15') : later ? '2025-06-15' : '2017-12-15',
    })),
);

export const LEAVES = [
  { from: '2019-03-05', to: '2019-06-25', reason: 'illness' },
  { from: '2020-09-05', reason: 'maternity' },
  { from: '2021-05-05', to: '2021-01-25', reason: 'other' },
];
export const declareLongLeave = cmd(
  'DeclareLongLeave',
  fc
    .record({ memberId: member, leave: fc.constantFrom(...LEAVES) })
    .map((r) => ({ memberId: r.memberId, ...r.leave })),
);

/** Mostly a meeting within its term; now and then one with a wrong term, a date before the terms, or an end before its start. */
export const scheduleMeeting = cmd(
  'ScheduleMeeting',
  fc
    .record({
      meetingId: fc.constantFrom(...MEETINGS),
      committeeId: committee,
      kind: fc.constantFrom('plenary', 'standing', 'inspection'),
      startsOn: fc.constantFrom(
        '2019-01-14',
        '2019-04-14',
        '2019-06-20',
        '2020-03-03',
        '2021-09-14',
        '2023-03-03',
      ),
      fault: fc.constantFrom(...Array<string | undefined>(6).fill(undefined), 'term', 'early', 'ends'),
    })
    .map(({ fault, ...d }) => {
      const term = d.startsOn.startsWith('2023') === (fault === 'term') ? 5 : 6;
      const startsOn = fault === 'early' ? '2017-03-03' : d.startsOn;
      const endsOn = fault === 'ends' ? '2016-01-03' : undefined;
      return defined({ ...d, startsOn, endsOn, term, title: `会议${d.meetingId}` });
    }),
);

const ATTENDANCES: readonly Data[] = [
  { status: 'present', capacity: 'member', channel: 'in-person' },
  { status: 'present', capacity: 'member', channel: 'video' },
  { status: 'present', capacity: 'observer', channel: 'in-person' },
  { status: 'present', capacity: 'member', channel: 'in-person', fractionAttended: 0.5 },
  { status: 'present', capacity: 'member', channel: 'in-person', fractionAttended: 1.5 },
  { status: 'excused', capacity: 'member', channel: 'in-person', leaveReason: 'illness' },
  { status: 'excused', capacity: 'member', channel: 'in-person' },
  { status: 'absent', capacity: 'member', channel: 'in-person' },
  { status: 'absent', capacity: 'member', channel: 'in-person', leaveReason: 'work' },
];
export const recordAttendance = cmd(
  'RecordAttendance',
  fc
    .record({
      meetingId: fc.constantFrom(...MEETINGS),
      memberId: member,
      how: fc.constantFrom(...ATTENDANCES),
    })
    .map((r) => ({ meetingId: r.meetingId, memberId: r.memberId, ...r.how })),
);

const proposers = fc.oneof(
  { arbitrary: fc.record({ proposerType: fc.constant('individual'), leadMemberId: member }), weight: 4 },
  {
    arbitrary: fc.record({
      proposerType: fc.constant('joint'),
      leadMemberId: member,
      coSignerIds: fc.uniqueArray(member, { maxLength: 2 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      proposerType: fc.constant('collective'),
      collectiveBody: fc.constantFrom('民盟重庆市委', '民盟重庆市委', undefined),
      mainMemberIds: members(4),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ proposerType: fc.constant('individual'), collectiveBody: fc.constant('民建') }),
    weight: 1,
  },
);
export const submitProposal = cmd(
  'SubmitProposal',
  fc
    .record({
      proposalId: fc.constantFrom(...PROPOSALS),
      committeeId: committee,
      title: fc.constantFrom('关于加强养老服务的提案', '关于改善交通的提案'),
      category: fc.constantFrom('social', 'economic'),
      submittedOn: fc.constantFrom('2019-01-16', '2019-08-08', '2020-01-21', '2023-02-02'),
      who: proposers,
    })
    .map(({ who, ...d }) => defined({ ...d, ...who })),
);

/** The later steps of a proposal mostly name the ones the setup submits. */
const proposal = fc.constantFrom('p1', 'p1', 'p2', ...PROPOSALS);
export const reviewProposal = cmd(
  'ReviewProposal',
  fc
    .record({
      proposalId: proposal,
      decision: fc.constantFrom('filed', 'filed', 'filed', 'merged', 'not-filed', 'converted'),
      decidedOn: fc.constantFrom('2019-01-11', '2019-09-13', '2020-02-12', '2020-09-13', '2020-09-13'),
      target: fc.constantFrom(undefined, ...PROPOSALS),
      fault: fc.nat({ max: 9 }),
    })
    // A merge names its target, other decisions none; one in ten breaks that rule.
    .map(({ target, fault, ...d }) =>
      defined({ ...d, mergedInto: (d.decision === 'merged') !== (fault === 0) ? target : undefined }),
    ),
);
export const markKey = cmd(
  'MarkKeyProposal',
  fc.record({ proposalId: proposal, markedOn: fc.constantFrom('2019-10-04', '2020-04-04') }),
);
export const award = cmd(
  'AwardProposal',
  fc.record({ proposalId: proposal, awardedOn: fc.constantFrom('2019-12-12', '2020-12-12') }),
);
export const answer = cmd(
  'AnswerProposal',
  fc.record({
    proposalId: proposal,
    result: fc.constantFrom('solved', 'planned'),
    answeredOn: fc.constantFrom('2019-06-06', '2019-11-06', '2020-06-06'),
  }),
);
export const feedback = cmd(
  'RecordProposerFeedback',
  fc.record({
    proposalId: proposal,
    rating: fc.constantFrom('satisfied', 'unsatisfied'),
    givenOn: fc.constantFrom('2019-12-07', '2020-07-07'),
  }),
);

export const submitOpinion = cmd(
  'SubmitOpinion',
  fc.record({
    opinionId: fc.constantFrom(...OPINIONS),
    committeeId: committee,
    authorIds: members(2),
    title: fc.constantFrom('关于社区养老的建议', '关于河道治理的建议'),
    submittedOn: fc.constantFrom('2019-04-10', '2019-10-10', '2020-06-10'),
  }),
);
/** One adoption date per level, so an adoption's slot (opinion, level) has one datum per level. */
const ADOPTED_ON = {
  county: '2019-05-20',
  city: '2019-08-20',
  provincial: '2020-03-20',
  national: '2020-11-20',
};
export const adoptOpinion = cmd(
  'AdoptOpinion',
  fc
    .record({
      opinionId: fc.constantFrom(...OPINIONS),
      level: fc.constantFrom('county', 'city', 'provincial', 'national'),
    })
    .map((d) => ({ ...d, adoptedOn: ADOPTED_ON[d.level as keyof typeof ADOPTED_ON] })),
);

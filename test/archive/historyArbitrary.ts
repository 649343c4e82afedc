import fc from 'fast-check';

/** One command of a generated history; `parent` is the step it depends on (dropped with it). */
export interface Step {
  readonly command: string;
  readonly data: Record<string, unknown>;
  readonly parent?: number;
  /** Set for a correction: the data is merged over the event recorded by `parent`. */
  readonly corrects?: true;
}

export const MEMBERS = ['ma', 'mb', 'mc'] as const;

const day = (offset: number) => new Date(Date.UTC(2018, 0, 20 + offset)).toISOString().slice(0, 10);

/** The committee, term 5 and three members every generated history starts from. */
const SETUP: readonly Step[] = [
  { command: 'RegisterCommittee', data: { committeeId: 'cq', name: '重庆市政协', level: 'prefectural' } },
  { command: 'OpenTerm', data: { committeeId: 'cq', term: 5, startsOn: '2018-01-15', endsOn: '2023-01-14' } },
  ...MEMBERS.map((memberId, i) => ({
    command: 'AppointMember',
    data: {
      memberId,
      name: `委员${i}`,
      committeeId: 'cq',
      term: 5,
      sector: i === 0 ? '经济界' : '教育界',
      appointedOn: '2018-01-15',
    },
  })),
];

const member = fc.constantFrom(...MEMBERS);
const offset = fc.integer({ min: 0, max: 1700 });
const level = fc.constantFrom('county', 'city', 'provincial', 'national');

const meetingArb = fc.record({
  kind: fc.constantFrom('plenary', 'consultation', 'inspection', 'study'),
  day: offset,
});
const attendanceArb = fc.record({
  member,
  meeting: fc.nat(),
  status: fc.constantFrom('present', 'excused', 'absent'),
  reason: fc.constantFrom('illness', 'work', 'higher-level-meeting'),
  correct: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
});
const speechArb = fc.record({ member, meeting: fc.nat(), mode: fc.constantFrom('oral', 'written') });
const proposalArb = fc.record({
  type: fc.constantFrom('individual', 'joint', 'collective'),
  members: fc.shuffledSubarray([...MEMBERS], { minLength: 1 }),
  day: offset,
  review: fc.option(fc.constantFrom('filed', 'not-filed', 'converted'), { nil: undefined }),
  key: fc.boolean(),
  award: fc.boolean(),
  answer: fc.boolean(),
  feedback: fc.boolean(),
  instruction: fc.boolean(),
});
const opinionArb = fc.record({
  authors: fc.shuffledSubarray([...MEMBERS], { minLength: 1 }),
  day: offset,
  adoptions: fc.shuffledSubarray(['county', 'city', 'provincial', 'national']),
  instruction: fc.option(level, { nil: undefined }),
});
const activityArb = fc.record({
  kind: fc.constantFrom('publicity', 'welfare', 'honour', 'talk', 'leave'),
  member,
  day: offset,
});

const historyRecordArb = fc.record({
  meetings: fc.array(meetingArb, { minLength: 2, maxLength: 5 }),
  attendance: fc.array(attendanceArb, { maxLength: 8 }),
  speeches: fc.array(speechArb, { maxLength: 4 }),
  proposals: fc.array(proposalArb, { maxLength: 4 }),
  opinions: fc.array(opinionArb, { maxLength: 3 }),
  activities: fc.array(activityArb, { maxLength: 5 }),
});
type History = typeof historyRecordArb extends fc.Arbitrary<infer T> ? T : never;

/** A generated duty history: meetings, the five families' acts with their later steps, other records, corrections. */
export const historyArb: fc.Arbitrary<Step[]> = historyRecordArb.map(toSteps);

function toSteps(h: History): Step[] {
  const steps: Step[] = [...SETUP];
  const add = (step: Step) => steps.push(step) - 1;
  const meetingId = (i: number) => `mt${i % h.meetings.length}`;
  for (const [i, m] of h.meetings.entries()) {
    add({
      command: 'ScheduleMeeting',
      data: {
        meetingId: `mt${i}`,
        committeeId: 'cq',
        kind: m.kind,
        title: `会议${i}`,
        startsOn: day(m.day),
        term: 5,
      },
    });
  }
  for (const a of h.activities.filter((x) => x.kind === 'leave')) {
    add({
      command: 'DeclareLongLeave',
      data: { memberId: a.member, from: day(a.day), to: day(a.day + 60), reason: 'illness' },
    });
  }
  for (const a of h.attendance) {
    const data = {
      meetingId: meetingId(a.meeting),
      memberId: a.member,
      status: a.status,
      ...(a.status === 'excused' ? { leaveReason: a.reason } : {}),
    };
    const i = add({ command: 'RecordAttendance', data });
    if (a.correct)
      add({
        command: 'CorrectRecord',
        data: { status: 'excused', leaveReason: 'work' },
        parent: i,
        corrects: true,
      });
  }
  for (const s of h.speeches) {
    add({
      command: 'RecordSpeech',
      data: { meetingId: meetingId(s.meeting), memberId: s.member, mode: s.mode },
    });
  }
  h.proposals.forEach((p, n) => {
    const proposalId = `P${n}`;
    const [lead, ...rest] = p.members;
    const type = p.type === 'joint' && rest.length === 0 ? 'individual' : p.type;
    const proposers =
      type === 'collective'
        ? { collectiveBody: '民建', mainMemberIds: p.members }
        : type === 'joint'
          ? { leadMemberId: lead, coSignerIds: rest }
          : { leadMemberId: lead };
    const at = (d: number) => day(p.day + d);
    const root = add({
      command: 'SubmitProposal',
      data: {
        proposalId,
        committeeId: 'cq',
        title: `提案${n}`,
        category: 'social',
        submittedOn: at(0),
        proposerType: type,
        ...proposers,
      },
    });
    if (p.instruction) {
      add({
        command: 'RecordLeaderInstruction',
        data: { subjectKind: 'proposal', subjectId: proposalId, level: 'city', instructedOn: at(5) },
        parent: root,
      });
    }
    if (p.review === undefined) return;
    const review = add({
      command: 'ReviewProposal',
      data: { proposalId, decision: p.review, decidedOn: at(10) },
      parent: root,
    });
    if (p.key) add({ command: 'MarkKeyProposal', data: { proposalId, markedOn: at(20) }, parent: review });
    if (p.award) add({ command: 'AwardProposal', data: { proposalId, awardedOn: at(30) }, parent: review });
    if (!p.answer) return;
    const answer = add({
      command: 'AnswerProposal',
      data: { proposalId, result: 'planned', answeredOn: at(40) },
      parent: review,
    });
    if (p.feedback)
      add({
        command: 'RecordProposerFeedback',
        data: { proposalId, rating: 'satisfied', givenOn: at(50) },
        parent: answer,
      });
  });
  h.opinions.forEach((o, n) => {
    const opinionId = `O${n}`;
    const root = add({
      command: 'SubmitOpinion',
      data: {
        opinionId,
        committeeId: 'cq',
        authorIds: o.authors,
        title: `社情民意${n}`,
        submittedOn: day(o.day),
      },
    });
    o.adoptions.forEach((lvl, k) => {
      add({
        command: 'AdoptOpinion',
        data: { opinionId, level: lvl, adoptedOn: day(o.day + 10 + k * 7) },
        parent: root,
      });
    });
    if (o.instruction) {
      add({
        command: 'RecordLeaderInstruction',
        data: {
          subjectKind: 'opinion',
          subjectId: opinionId,
          level: o.instruction,
          instructedOn: day(o.day + 40),
        },
        parent: root,
      });
    }
  });
  h.activities.forEach((a, n) => {
    const on = day(a.day);
    if (a.kind === 'publicity') {
      add({
        command: 'RecordPublicity',
        data: {
          publicityId: `pub${n}`,
          memberId: a.member,
          kind: 'article',
          outlet: '重庆日报',
          publishedOn: on,
        },
      });
    } else if (a.kind === 'welfare') {
      add({
        command: 'RecordPublicWelfare',
        data: { activityId: `w${n}`, memberId: a.member, title: '助学', on },
      });
    } else if (a.kind === 'honour') {
      add({
        command: 'RecordHonour',
        data: { honourId: `h${n}`, memberId: a.member, title: '优秀委员', level: 'city', awardedOn: on },
      });
    } else if (a.kind === 'talk') {
      add({
        command: 'RecordTalk',
        data: {
          talkId: `t${n}`,
          committeeId: 'cq',
          memberId: a.member,
          kind: 'heart-to-heart',
          heldBy: '主席',
          heldOn: on,
        },
      });
    }
  });
  return steps;
}

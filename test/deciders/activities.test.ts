import { command, type SpecCommand } from '@lvzhi/testing';
import { describe, it } from 'vitest';
import { appoint, committee, given, seatedMembers, startOf, term5 } from './background.ts';

/** Every other act of a member, keyed by its own business id, with the field holding its date. */
const acts: readonly {
  name: string;
  idField: string;
  dateField: string;
  act: (date: string, extra?: object) => SpecCommand;
}[] = [
  {
    name: 'RecordPublicity',
    idField: 'publicityId',
    dateField: 'publishedOn',
    act: (publishedOn, extra = {}) =>
      command('RecordPublicity', {
        publicityId: 'x1',
        memberId: 'wang',
        kind: 'interview',
        outlet: '人民政协报',
        level: 'national',
        publishedOn,
        ...extra,
      }),
  },
  {
    name: 'RecordPublicWelfare',
    idField: 'activityId',
    dateField: 'on',
    act: (on, extra = {}) =>
      command('RecordPublicWelfare', { activityId: 'x1', memberId: 'wang', title: '送医下乡', on, ...extra }),
  },
  {
    name: 'RecordTalk',
    idField: 'talkId',
    dateField: 'heldOn',
    act: (heldOn, extra = {}) =>
      command('RecordTalk', {
        talkId: 'x1',
        committeeId: 'cq',
        memberId: 'wang',
        kind: 'reminder',
        heldBy: '秘书长',
        heldOn,
        ...extra,
      }),
  },
  {
    name: 'RecordHonour',
    idField: 'honourId',
    dateField: 'awardedOn',
    act: (awardedOn, extra = {}) =>
      command('RecordHonour', {
        honourId: 'x1',
        memberId: 'wang',
        title: '优秀政协委员',
        level: 'city',
        awardedOn,
        ...extra,
      }),
  },
  {
    name: 'SubmitAnnualReport',
    idField: 'reportId',
    dateField: 'submittedOn',
    act: (submittedOn, extra = {}) =>
      command('SubmitAnnualReport', {
        reportId: 'x1',
        memberId: 'wang',
        committeeId: 'cq',
        year: 2019,
        submittedOn,
        ...extra,
      }),
  },
];

describe.each(acts)('$name, given seated members', ({ name, idField, dateField, act }) => {
  const eventType = {
    RecordPublicity: 'PublicityRecorded',
    RecordPublicWelfare: 'PublicWelfareRecorded',
    RecordTalk: 'TalkRecorded',
    RecordHonour: 'HonourRecorded',
    SubmitAnnualReport: 'AnnualReportSubmitted',
  }[name]!;

  it('records the act on the member’s stream, occurring at the start of its date', () => {
    const line = act('2019-12-20');
    given(seatedMembers)
      .when(line)
      .then({
        type: eventType,
        streamId: 'member-wang',
        data: { ...line.data, occurredAt: startOf('2019-12-20') },
      });
  });

  it('treats the same act recorded again as a no-op', () => {
    given(seatedMembers, act('2019-12-20')).when(act('2019-12-20')).then('no-op');
  });

  it(`refuses the same ${idField} with other data`, () => {
    given(seatedMembers, act('2019-12-20')).when(act('2019-12-21')).thenRejects('already-exists', idField);
  });

  it('refuses an act of a member never appointed', () => {
    given(seatedMembers)
      .when(act('2019-12-20', { memberId: 'nobody' }))
      .thenRejects('unknown-member', 'memberId');
  });

  it('refuses an act dated before the appointment, after the ending, or after the term', () => {
    given(committee, term5, appoint('wang', { appointedOn: '2020-01-01' }))
      .when(act('2019-12-20'))
      .thenRejects('not-seated', dateField);
    given(
      seatedMembers,
      command('EndMembership', {
        memberId: 'wang',
        committeeId: 'cq',
        reason: 'resigned',
        effectiveOn: '2019-12-20',
      }),
    )
      .when(act('2019-12-20'))
      .thenRejects('not-seated', dateField);
    given(seatedMembers).when(act('2023-01-01')).thenRejects('not-seated', dateField);
  });

  it('refuses an act dated after it was recorded', () => {
    given(seatedMembers).when(act('2024-06-02')).thenRejects('occurs-after-recording', dateField);
  });
});

describe('Given a committee never registered', () => {
  it('refuses a talk or an annual report in a committee never registered', () => {
    given(seatedMembers)
      .when(
        command('RecordTalk', {
          talkId: 't1',
          committeeId: 'nj',
          memberId: 'wang',
          kind: 'warning',
          heldBy: '主席',
          heldOn: '2019-03-01',
        }),
      )
      .thenRejects('unknown-committee', 'committeeId');
    given(seatedMembers)
      .when(
        command('SubmitAnnualReport', {
          reportId: 'r1',
          memberId: 'wang',
          committeeId: 'nj',
          year: 2019,
          submittedOn: '2019-12-20',
        }),
      )
      .thenRejects('unknown-committee', 'committeeId');
  });
});

describe('Given seated members, decided outcomes (an annual grade, a re-nomination)', () => {
  const grade = (data: Readonly<Record<string, unknown>> = {}) =>
    command('RecordAssessmentDecision', {
      memberId: 'wang',
      committeeId: 'cq',
      year: 2019,
      grade: 'excellent',
      policyId: 'jinan-2015',
      policyVersion: '1',
      score: 96.5,
      decidedBy: '主席会议',
      decidedOn: '2020-01-10',
      ...data,
    });
  const renominate = (data: Readonly<Record<string, unknown>> = {}) =>
    command('RecordRenominationDecision', {
      memberId: 'wang',
      committeeId: 'cq',
      term: 5,
      decision: 'renominate',
      decidedBy: '主席会议',
      decidedOn: '2022-11-30',
      reason: '履职优秀',
      ...data,
    });

  it('records the annual grade the chairman’s meeting decided', () => {
    given(seatedMembers)
      .when(grade())
      .then({
        type: 'AssessmentDecisionRecorded',
        streamId: 'member-wang',
        data: { ...grade().data, occurredAt: startOf('2020-01-10') },
      });
  });

  it('records a re-nomination decision for the term', () => {
    given(seatedMembers)
      .when(renominate())
      .then({
        type: 'RenominationDecisionRecorded',
        streamId: 'member-wang',
        data: { ...renominate().data, occurredAt: startOf('2022-11-30') },
      });
  });

  it('treats the same decision recorded again as a no-op, and refuses another for the same year and policy, or term', () => {
    given(seatedMembers, grade()).when(grade()).then('no-op');
    given(seatedMembers, grade())
      .when(grade({ grade: 'good', score: 84 }))
      .thenRejects('already-exists', 'decidedOn');
    given(seatedMembers, renominate()).when(renominate()).then('no-op');
    given(seatedMembers, renominate())
      .when(renominate({ decision: 'do-not-renominate' }))
      .thenRejects('already-exists', 'decidedOn');
  });

  it('records grades of another year or under another policy', () => {
    given(seatedMembers, grade())
      .when(grade({ policyId: 'tongcheng-2019', grade: 'pass', score: 71 }))
      .then({
        type: 'AssessmentDecisionRecorded',
        data: {
          ...grade({ policyId: 'tongcheng-2019', grade: 'pass', score: 71 }).data,
          occurredAt: startOf('2020-01-10'),
        },
      });
  });

  it('refuses decisions about a member never appointed, in a committee never registered, or for a term not served', () => {
    given(seatedMembers)
      .when(grade({ memberId: 'nobody' }))
      .thenRejects('unknown-member', 'memberId');
    given(seatedMembers)
      .when(grade({ committeeId: 'nj' }))
      .thenRejects('unknown-committee', 'committeeId');
    given(seatedMembers)
      .when(renominate({ term: 4 }))
      .thenRejects('not-seated', 'term');
  });

  it('refuses a decision dated after it was recorded', () => {
    given(seatedMembers)
      .when(grade({ decidedOn: '2024-06-02' }))
      .thenRejects('occurs-after-recording', 'decidedOn');
  });
});

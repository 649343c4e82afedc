import { command } from '@lvzhi/testing';
import { describe, it } from 'vitest';
import {
  appoint,
  committee,
  districtCommittee,
  given,
  meeting,
  seatedMembers,
  startOf,
  term5,
} from './background.ts';

const publicity = (publicityId: string, memberId: string, publishedOn: string) =>
  command('RecordPublicity', { publicityId, memberId, kind: 'article', outlet: '重庆日报', publishedOn });

describe('Given a committee with an open term', () => {
  it('appoints a member, filling in no special committee and not standing', () => {
    given(committee, term5)
      .when(appoint('wang', { name: '王芳', party: '民盟' }))
      .then({
        type: 'MemberAppointed',
        streamId: 'member-wang',
        data: {
          memberId: 'wang',
          name: '王芳',
          committeeId: 'cq',
          term: 5,
          sector: '经济界',
          specialCommittees: [],
          standing: false,
          party: '民盟',
          appointedOn: '2018-01-15',
          occurredAt: startOf('2018-01-15'),
        },
      });
  });

  it('refuses an appointment to an unregistered committee', () => {
    given(committee, term5)
      .when(appoint('wang', { committeeId: 'nj' }))
      .thenRejects('unknown-committee', 'committeeId');
  });

  it('refuses an appointment to a term that was never opened', () => {
    given(committee, term5)
      .when(appoint('wang', { term: 6 }))
      .thenRejects('unknown-term', 'term');
  });

  it('refuses an appointment dated before the term starts or after it ends', () => {
    given(committee, term5)
      .when(appoint('wang', { appointedOn: '2018-01-14' }))
      .thenRejects('outside-term', 'appointedOn');
    given(committee, term5)
      .when(appoint('wang', { appointedOn: '2023-01-01' }))
      .thenRejects('outside-term', 'appointedOn');
  });

  it('refuses more than two special committees', () => {
    given(committee, term5)
      .when(appoint('wang', { specialCommittees: ['提案委员会', '经济委员会', '文化文史和学习委员会'] }))
      .thenRejects('invalid-command', 'data.specialCommittees');
  });

  it('refuses to act on a member never appointed', () => {
    given(committee, term5)
      .when(
        command('SetStandingMember', {
          memberId: 'nobody',
          committeeId: 'cq',
          standing: true,
          effectiveOn: '2019-01-01',
        }),
      )
      .thenRejects('unknown-member', 'memberId');
    given(committee, term5)
      .when(
        command('EndMembership', {
          memberId: 'nobody',
          committeeId: 'cq',
          reason: 'resigned',
          effectiveOn: '2019-01-01',
        }),
      )
      .thenRejects('unknown-member', 'memberId');
    given(committee, term5)
      .when(command('DeclareLongLeave', { memberId: 'nobody', from: '2019-01-01', reason: 'illness' }))
      .thenRejects('unknown-member', 'memberId');
  });
});

describe('Given an appointed member', () => {
  it('treats the same appointment recorded again as a no-op', () => {
    given(seatedMembers).when(appoint('wang')).then('no-op');
  });

  it('refuses the same member, committee and term with other data', () => {
    given(seatedMembers)
      .when(appoint('wang', { sector: '教育界' }))
      .thenRejects('already-exists', 'memberId');
  });

  it('appoints the same member to another committee as a separate membership', () => {
    given(seatedMembers, districtCommittee.slice(0, 2))
      .when(appoint('wang', { committeeId: 'yz', appointedOn: '2018-01-10' }))
      .then({
        type: 'MemberAppointed',
        data: {
          memberId: 'wang',
          name: '委员wang',
          committeeId: 'yz',
          term: 5,
          sector: '经济界',
          specialCommittees: [],
          standing: false,
          appointedOn: '2018-01-10',
          occurredAt: startOf('2018-01-10'),
        },
      });
  });

  it('makes the member a standing member (常委) from a date, resolving the term in force', () => {
    given(seatedMembers)
      .when(
        command('SetStandingMember', {
          memberId: 'wang',
          committeeId: 'cq',
          standing: true,
          effectiveOn: '2020-01-16',
        }),
      )
      .then({
        type: 'StandingMemberSet',
        data: {
          memberId: 'wang',
          committeeId: 'cq',
          term: 5,
          standing: true,
          effectiveOn: '2020-01-16',
          occurredAt: startOf('2020-01-16'),
        },
      });
  });

  it('refuses a standing change dated before the appointment', () => {
    given(committee, term5, appoint('wang', { appointedOn: '2019-03-01' }))
      .when(
        command('SetStandingMember', {
          memberId: 'wang',
          committeeId: 'cq',
          standing: true,
          effectiveOn: '2019-02-28',
        }),
      )
      .thenRejects('not-seated', 'effectiveOn');
  });

  it('refuses a standing change dated after the term ends when the term is not named', () => {
    given(seatedMembers)
      .when(
        command('SetStandingMember', {
          memberId: 'wang',
          committeeId: 'cq',
          standing: true,
          effectiveOn: '2023-01-05',
        }),
      )
      .thenRejects('not-seated', 'effectiveOn');
  });

  it('treats the same standing change recorded again as a no-op, and refuses another one on the same date', () => {
    const change = command('SetStandingMember', {
      memberId: 'wang',
      committeeId: 'cq',
      standing: true,
      effectiveOn: '2020-01-16',
    });
    given(seatedMembers, change).when(change).then('no-op');
    given(seatedMembers, change)
      .when(
        command('SetStandingMember', {
          memberId: 'wang',
          committeeId: 'cq',
          standing: false,
          effectiveOn: '2020-01-16',
        }),
      )
      .thenRejects('conflicts-with-recorded', 'effectiveOn');
  });

  it('ends the membership, resolving the term in force on that date', () => {
    given(seatedMembers)
      .when(
        command('EndMembership', {
          memberId: 'wang',
          committeeId: 'cq',
          reason: 'resigned',
          effectiveOn: '2020-07-01',
        }),
      )
      .then({
        type: 'MembershipEnded',
        data: {
          memberId: 'wang',
          committeeId: 'cq',
          term: 5,
          reason: 'resigned',
          effectiveOn: '2020-07-01',
          occurredAt: startOf('2020-07-01'),
        },
      });
  });

  it('refuses to end a membership on a date before the appointment', () => {
    given(committee, term5, appoint('wang', { appointedOn: '2019-03-01' }))
      .when(
        command('EndMembership', {
          memberId: 'wang',
          committeeId: 'cq',
          reason: 'resigned',
          effectiveOn: '2019-01-01',
        }),
      )
      .thenRejects('not-seated', 'effectiveOn');
  });

  it('refuses to end a membership in a committee the member does not sit in', () => {
    given(seatedMembers, districtCommittee.slice(0, 2))
      .when(
        command('EndMembership', {
          memberId: 'wang',
          committeeId: 'yz',
          reason: 'resigned',
          effectiveOn: '2019-01-01',
        }),
      )
      .thenRejects('not-seated', 'effectiveOn');
  });

  it('declares a long leave (长期请假) with its dates', () => {
    given(seatedMembers)
      .when(
        command('DeclareLongLeave', {
          memberId: 'wang',
          from: '2019-03-01',
          to: '2019-08-31',
          reason: 'maternity',
        }),
      )
      .then({
        type: 'LongLeaveDeclared',
        data: {
          memberId: 'wang',
          from: '2019-03-01',
          to: '2019-08-31',
          reason: 'maternity',
          occurredAt: startOf('2019-03-01'),
        },
      });
  });

  it('refuses a long leave that ends before it starts', () => {
    given(seatedMembers)
      .when(
        command('DeclareLongLeave', {
          memberId: 'wang',
          from: '2019-03-01',
          to: '2019-02-28',
          reason: 'illness',
        }),
      )
      .thenRejects('invalid-date-range', 'to');
  });

  it('treats the same long leave recorded again as a no-op, and refuses another one from the same date', () => {
    const leave = command('DeclareLongLeave', { memberId: 'wang', from: '2019-03-01', reason: 'illness' });
    given(seatedMembers, leave).when(leave).then('no-op');
    given(seatedMembers, leave)
      .when(
        command('DeclareLongLeave', {
          memberId: 'wang',
          from: '2019-03-01',
          to: '2019-04-01',
          reason: 'illness',
        }),
      )
      .thenRejects('conflicts-with-recorded', 'from');
  });
});

describe('Given a member whose membership ended (resigned, effective 2020-07-01)', () => {
  const ended = command('EndMembership', {
    memberId: 'wang',
    committeeId: 'cq',
    reason: 'resigned',
    effectiveOn: '2020-07-01',
  });
  const history = [seatedMembers, ended];

  it('treats the same ending recorded again as a no-op, with or without the term', () => {
    given(history).when(ended).then('no-op');
    given(history)
      .when(command('EndMembership', { ...ended.data, term: 5 }))
      .then('no-op');
  });

  it('refuses a second, different ending', () => {
    given(history)
      .when(
        command('EndMembership', {
          memberId: 'wang',
          committeeId: 'cq',
          term: 5,
          reason: 'revoked',
          effectiveOn: '2020-09-01',
        }),
      )
      .thenRejects('already-ended', 'effectiveOn');
  });

  it('records acts of the day before the ending', () => {
    given(history)
      .when(publicity('pub-1', 'wang', '2020-06-30'))
      .then({
        type: 'PublicityRecorded',
        data: {
          publicityId: 'pub-1',
          memberId: 'wang',
          kind: 'article',
          outlet: '重庆日报',
          publishedOn: '2020-06-30',
          occurredAt: startOf('2020-06-30'),
        },
      });
  });

  it('refuses acts from the day the ending takes effect', () => {
    given(history)
      .when(publicity('pub-1', 'wang', '2020-07-01'))
      .thenRejects('not-seated', 'publishedOn');
  });

  it('refuses the attendance of a meeting held after the ending', () => {
    given(history, meeting('m-2020-09', 'plenary', '2020-09-01'))
      .when(command('RecordAttendance', { meetingId: 'm-2020-09', memberId: 'wang', status: 'absent' }))
      .thenRejects('not-seated', 'memberId');
  });
});

describe('Given a member of a term that has ended', () => {
  it('refuses acts dated after the last day of the term', () => {
    given(seatedMembers)
      .when(publicity('pub-1', 'wang', '2023-01-02'))
      .thenRejects('not-seated', 'publishedOn');
  });

  it('records acts of the last day of the term', () => {
    given(seatedMembers)
      .when(publicity('pub-1', 'wang', '2022-12-31'))
      .then({
        type: 'PublicityRecorded',
        data: {
          publicityId: 'pub-1',
          memberId: 'wang',
          kind: 'article',
          outlet: '重庆日报',
          publishedOn: '2022-12-31',
          occurredAt: startOf('2022-12-31'),
        },
      });
  });
});

describe('Given a member appointed mid-term (2019-03-01)', () => {
  it('refuses acts dated before the appointment', () => {
    given(committee, term5, appoint('wang', { appointedOn: '2019-03-01' }))
      .when(publicity('pub-1', 'wang', '2019-02-28'))
      .thenRejects('not-seated', 'publishedOn');
  });
});

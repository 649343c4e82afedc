import { command, type GivenHistory } from '@lvzhi/testing';
import { describe, it } from 'vitest';
import { given, meetings2019, NOW, seatedMembers, startOf } from './background.ts';

const approval = { reason: '录入错误', approvedBy: '秘书长办公会' };
/** The id of the last event of a type that `given` recorded. */
const last = (type: string) => (h: GivenHistory) => h.last(type).eventId;
const retract =
  (target: (h: GivenHistory) => string, extra: Readonly<Record<string, unknown>> = {}) =>
  (h: GivenHistory) =>
    command('RetractRecord', { eventId: target(h), ...approval, ...extra });
const correct =
  (
    target: (h: GivenHistory) => string,
    data: Readonly<Record<string, unknown>>,
    extra: Readonly<Record<string, unknown>> = {},
  ) =>
  (h: GivenHistory) =>
    command('CorrectRecord', { eventId: target(h), data, ...approval, ...extra });
/** The event a correction records, for the last event of `targetType`. */
const corrected =
  (
    targetType: string,
    data: Readonly<Record<string, unknown>>,
    extra: Readonly<Record<string, unknown>> = {},
  ) =>
  (h: GivenHistory) => ({
    type: 'RecordCorrected',
    streamId: h.last(targetType).streamId,
    data: { eventId: h.last(targetType).eventId, data, ...approval, targetType, occurredAt: NOW, ...extra },
  });

const attendance = last('AttendanceRecorded');
const present = command('RecordAttendance', {
  meetingId: 'plenary-2019',
  memberId: 'wang',
  status: 'present',
});
const attended = [seatedMembers, meetings2019, present];
const presentRecorded = {
  type: 'AttendanceRecorded',
  data: {
    meetingId: 'plenary-2019',
    memberId: 'wang',
    status: 'present',
    capacity: 'member',
    channel: 'in-person',
    committeeId: 'cq',
    occurredAt: startOf('2019-01-14'),
  },
};

describe('Given a recorded attendance', () => {
  it('retracts it (撤销) on the same stream, naming the event, the reason and who approved it', () => {
    given(attended)
      .when(retract(attendance))
      .then((h) => ({
        type: 'RecordRetracted',
        streamId: 'member-wang',
        data: { eventId: attendance(h), ...approval, targetType: 'AttendanceRecorded', occurredAt: NOW },
      }));
  });

  it('corrects it (更正), recording only the corrected fields', () => {
    given(attended)
      .when(correct(attendance, { status: 'excused', leaveReason: 'illness' }))
      .then(corrected('AttendanceRecorded', { status: 'excused', leaveReason: 'illness' }));
  });

  it('refuses to amend an event that was never recorded', () => {
    const missing = () => '0190a8f2-0000-7000-8000-000000000000';
    given(attended).when(retract(missing)).thenRejects('unknown-event', 'eventId');
    given(attended)
      .when(correct(missing, { status: 'absent' }))
      .thenRejects('unknown-event', 'eventId');
  });

  it('refuses an amendment without a reason or an approver', () => {
    given(attended)
      .when(retract(attendance, { reason: '' }))
      .thenRejects('invalid-command', 'data.reason');
    given(attended)
      .when((h) => command('RetractRecord', { eventId: attendance(h), reason: '录入错误' }))
      .thenRejects('invalid-command', 'data.approvedBy');
    given(attended)
      .when(correct(attendance, { status: 'absent' }, { approvedBy: '' }))
      .thenRejects('invalid-command', 'data.approvedBy');
  });

  it('refuses a correction that changes which act the record is about', () => {
    given(attended)
      .when(correct(attendance, { memberId: 'li' }))
      .thenRejects('correction-changes-identity', 'data.memberId');
    given(attended)
      .when(correct(attendance, { meetingId: 'standing-2019-06' }))
      .thenRejects('correction-changes-identity', 'data.meetingId');
    given(attended)
      .when(correct(attendance, { committeeId: 'yz' }))
      .thenRejects('correction-changes-identity', 'data.committeeId');
  });

  it('accepts a correction that repeats an identity field unchanged', () => {
    given(attended)
      .when(correct(attendance, { memberId: 'wang', channel: 'video' }))
      .then(corrected('AttendanceRecorded', { memberId: 'wang', channel: 'video' }));
  });

  it('validates the corrected record as a whole', () => {
    given(attended)
      .when(correct(attendance, { status: 'excused' }))
      .thenRejects('leave-reason-required', 'data.leaveReason');
    given(attended)
      .when(correct(attendance, { leaveReason: 'illness' }))
      .thenRejects('leave-reason-not-allowed', 'data.leaveReason');
    given(attended)
      .when(correct(attendance, { fractionAttended: 1.5 }))
      .thenRejects('fraction-out-of-range', 'data.fractionAttended');
    given(attended)
      .when(correct(attendance, { status: 'late' }))
      .thenRejects('invalid-command', 'data.status');
    given(attended)
      .when(correct(attendance, { seat: 'A-12' }))
      .thenRejects('invalid-command', 'data.seat');
  });
});

describe('Given a retracted attendance', () => {
  const retracted = [attended, retract(attendance)];

  it('treats the same retraction recorded again as a no-op', () => {
    given(retracted).when(retract(attendance)).then('no-op');
  });

  it('refuses to retract it again', () => {
    given(retracted)
      .when(retract(attendance, { reason: '重复撤销' }))
      .thenRejects('already-retracted', 'eventId');
  });

  it('refuses to correct it', () => {
    given(retracted)
      .when(correct(attendance, { channel: 'video' }))
      .thenRejects('retracted-event', 'eventId');
  });

  it('frees the act: another record of the same member at the same meeting is accepted', () => {
    given(retracted)
      .when(command('RecordAttendance', { meetingId: 'plenary-2019', memberId: 'wang', status: 'absent' }))
      .then({ type: 'AttendanceRecorded', data: { ...presentRecorded.data, status: 'absent' } });
  });

  it('treats the retracted record re-recorded as a no-op (re-running a file writes nothing)', () => {
    given(retracted).when(present).then('no-op');
  });
});

describe('Given a corrected attendance', () => {
  const correctedOnce = [attended, correct(attendance, { channel: 'video' })];

  it('treats the same correction recorded again as a no-op', () => {
    given(correctedOnce)
      .when(correct(attendance, { channel: 'video' }))
      .then('no-op');
  });

  it('records a further correction', () => {
    given(correctedOnce)
      .when(correct(attendance, { channel: 'online' }))
      .then(corrected('AttendanceRecorded', { channel: 'online' }));
  });

  it('treats the original record re-recorded as a no-op', () => {
    given(correctedOnce).when(present).then('no-op');
  });

  it('refuses a correction as the target of a correction or retraction', () => {
    given(correctedOnce)
      .when(retract(last('RecordCorrected')))
      .thenRejects('not-correctable', 'eventId');
    given(correctedOnce)
      .when(correct(last('RecordCorrected'), { reason: '再更正' }))
      .thenRejects('not-correctable', 'eventId');
  });

  it('retracts it even after the correction', () => {
    given(correctedOnce)
      .when(retract(attendance))
      .then((h) => ({
        type: 'RecordRetracted',
        data: { eventId: attendance(h), ...approval, targetType: 'AttendanceRecorded', occurredAt: NOW },
      }));
  });
});

describe('Given a committee and its term', () => {
  it('refuses to correct or retract the committee’s registration or its term', () => {
    given(seatedMembers)
      .when(correct(last('CommitteeRegistered'), { name: '重庆市政协委员会' }))
      .thenRejects('not-correctable', 'eventId');
    given(seatedMembers)
      .when(retract(last('CommitteeRegistered')))
      .thenRejects('not-correctable', 'eventId');
    given(seatedMembers)
      .when(correct(last('TermOpened'), { endsOn: '2023-01-14' }))
      .thenRejects('not-correctable', 'eventId');
    given(seatedMembers)
      .when(retract(last('TermOpened')))
      .thenRejects('not-correctable', 'eventId');
  });
});

describe('Given records that other acts depend on', () => {
  const plenary = last('MeetingScheduled');
  const history = [seatedMembers, meetings2019.slice(0, 1)];

  it('re-dates a meeting, giving the correction the act’s new occurredAt', () => {
    given(history)
      .when(correct(plenary, { startsOn: '2019-01-15' }))
      .then(
        corrected(
          'MeetingScheduled',
          { startsOn: '2019-01-15' },
          { correctedOccurredAt: startOf('2019-01-15') },
        ),
      );
  });

  it('refuses a correction that moves a meeting to another term', () => {
    given(history)
      .when(correct(plenary, { term: 6 }))
      .thenRejects('correction-changes-identity', 'data.term');
  });

  it('decides later acts against the corrected membership: an ending moved later seats the member again', () => {
    const ended = command('EndMembership', {
      memberId: 'wang',
      committeeId: 'cq',
      reason: 'resigned',
      effectiveOn: '2019-01-01',
    });
    given(history, ended).when(present).thenRejects('not-seated', 'memberId');
    given(history, ended, correct(last('MembershipEnded'), { effectiveOn: '2019-02-01' }))
      .when(present)
      .then(presentRecorded);
  });

  it('refuses acts of a member whose appointment was retracted', () => {
    given(
      history,
      retract((h) => h.last('MemberAppointed', 'member-wang').eventId),
    )
      .when(present)
      .thenRejects('not-seated', 'memberId');
  });

  it('refuses acts at a meeting that was retracted', () => {
    given(history, retract(plenary)).when(present).thenRejects('unknown-meeting', 'meetingId');
  });

  it('adds an optional field the record lacked (a publicity’s level), and refuses to change it once recorded', () => {
    const publicity = command('RecordPublicity', {
      publicityId: 'x1',
      memberId: 'wang',
      kind: 'article',
      outlet: '重庆日报',
      publishedOn: '2019-03-01',
    });
    given(seatedMembers, publicity)
      .when(correct(last('PublicityRecorded'), { level: 'city' }))
      .then(corrected('PublicityRecorded', { level: 'city' }));
    given(seatedMembers, command('RecordPublicity', { ...publicity.data, level: 'city' }))
      .when(correct(last('PublicityRecorded'), { level: 'national' }))
      .thenRejects('correction-changes-identity', 'data.level');
  });

  it('refuses a correction of a proposal that breaks the rules of its proposer type', () => {
    const proposal = command('SubmitProposal', {
      proposalId: 'p1',
      committeeId: 'cq',
      title: '关于加强农村养老服务的提案',
      category: 'social',
      submittedOn: '2019-01-14',
      proposerType: 'individual',
      leadMemberId: 'wang',
    });
    const submitted = last('ProposalSubmitted');
    given(seatedMembers, proposal)
      .when(correct(submitted, { proposerType: 'joint' }))
      .thenRejects('cosigner-required', 'data.coSignerIds');
    given(seatedMembers, proposal)
      .when(correct(submitted, { proposerType: 'joint', coSignerIds: ['wang'] }))
      .thenRejects('proposers-not-distinct', 'data.coSignerIds.0');
    given(seatedMembers, proposal)
      .when(correct(submitted, { proposerType: 'joint', coSignerIds: ['li'] }))
      .then(corrected('ProposalSubmitted', { proposerType: 'joint', coSignerIds: ['li'] }));
  });

  it('refuses a correction of a review into a merge without its target', () => {
    given(
      seatedMembers,
      command('SubmitProposal', {
        proposalId: 'p1',
        committeeId: 'cq',
        title: '提案',
        category: 'social',
        submittedOn: '2019-01-14',
        proposerType: 'individual',
        leadMemberId: 'wang',
      }),
      command('ReviewProposal', { proposalId: 'p1', decision: 'filed', decidedOn: '2019-02-20' }),
    )
      .when(correct(last('ProposalReviewed'), { decision: 'merged' }))
      .thenRejects('merge-target-required', 'data.mergedInto');
  });
});

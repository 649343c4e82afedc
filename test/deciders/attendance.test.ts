import { command } from '@lvzhi/testing';
import { describe, it } from 'vitest';
import {
  appoint,
  committee,
  given,
  meeting,
  meetings2019,
  seatedMembers,
  startOf,
  term5,
} from './background.ts';

const attend = (
  memberId: string,
  meetingId: string,
  data: Readonly<Record<string, unknown>> = { status: 'present' },
) => command('RecordAttendance', { meetingId, memberId, ...data });
const speak = (memberId: string, meetingId: string, data: Readonly<Record<string, unknown>>) =>
  command('RecordSpeech', { meetingId, memberId, ...data });
const recordedAt = (meta: string) => ({ recordedBy: '秘书处', recordedAt: meta });

describe('Given a committee with an open term', () => {
  it('schedules a meeting, occurring at the start of its first day', () => {
    given(committee, term5)
      .when(meeting('plenary-2019', 'plenary', '2019-01-14', { endsOn: '2019-01-17', session: 2 }))
      .then({
        type: 'MeetingScheduled',
        streamId: 'meeting-plenary-2019',
        data: {
          meetingId: 'plenary-2019',
          committeeId: 'cq',
          kind: 'plenary',
          title: '会议plenary-2019',
          startsOn: '2019-01-14',
          endsOn: '2019-01-17',
          term: 5,
          session: 2,
          occurredAt: startOf('2019-01-14'),
        },
      });
  });

  it('refuses a meeting of an unregistered committee or of a term never opened', () => {
    given(committee, term5)
      .when(meeting('m', 'plenary', '2019-01-14', { committeeId: 'nj' }))
      .thenRejects('unknown-committee', 'committeeId');
    given(committee, term5)
      .when(meeting('m', 'plenary', '2019-01-14', { term: 4 }))
      .thenRejects('unknown-term', 'term');
  });

  it('refuses a meeting that starts outside its term', () => {
    given(committee, term5)
      .when(meeting('m', 'plenary', '2023-01-14'))
      .thenRejects('outside-term', 'startsOn');
  });

  it('refuses a meeting that ends before it starts', () => {
    given(committee, term5)
      .when(meeting('m', 'plenary', '2019-01-14', { endsOn: '2019-01-13' }))
      .thenRejects('invalid-date-range', 'endsOn');
  });

  it('refuses a kind of meeting it does not know', () => {
    given(committee, term5)
      .when(meeting('m', 'banquet', '2019-01-14'))
      .thenRejects('invalid-command', 'data.kind');
  });

  it('treats the same meeting scheduled again as a no-op, and refuses its id with other data', () => {
    const plenary = meeting('m', 'plenary', '2019-01-14');
    given(committee, term5, plenary).when(plenary).then('no-op');
    given(committee, term5, plenary)
      .when(meeting('m', 'plenary', '2019-01-15'))
      .thenRejects('already-exists', 'meetingId');
  });
});

describe('Given seated members and the 2019 meetings', () => {
  const history = [seatedMembers, meetings2019];

  it('records a member present at the plenary, with the meeting’s committee and start', () => {
    given(history)
      .when(attend('wang', 'plenary-2019'))
      .then({
        type: 'AttendanceRecorded',
        streamId: 'member-wang',
        data: {
          meetingId: 'plenary-2019',
          memberId: 'wang',
          status: 'present',
          capacity: 'member',
          channel: 'in-person',
          committeeId: 'cq',
          occurredAt: startOf('2019-01-14'),
        },
      });
  });

  it('refuses an attendance at a meeting never scheduled', () => {
    given(history).when(attend('wang', 'plenary-2020')).thenRejects('unknown-meeting', 'meetingId');
  });

  it('refuses an attendance of a member never appointed', () => {
    given(history).when(attend('nobody', 'plenary-2019')).thenRejects('unknown-member', 'memberId');
  });

  it('refuses an attendance of a member appointed after the meeting', () => {
    given(history, appoint('sun', { appointedOn: '2019-03-01' }))
      .when(attend('sun', 'plenary-2019'))
      .thenRejects('not-seated', 'memberId');
  });

  it('refuses an attendance at a meeting held on or after the day the membership ended', () => {
    const ended = command('EndMembership', {
      memberId: 'wang',
      committeeId: 'cq',
      reason: 'deceased',
      effectiveOn: '2019-01-14',
    });
    given(history, ended)
      .when(attend('wang', 'plenary-2019', { status: 'absent' }))
      .thenRejects('not-seated', 'memberId');
  });

  it('records an attendance at a meeting held the day before the membership ended', () => {
    const ended = command('EndMembership', {
      memberId: 'wang',
      committeeId: 'cq',
      reason: 'resigned',
      effectiveOn: '2019-01-15',
    });
    given(history, ended)
      .when(attend('wang', 'plenary-2019', { status: 'absent' }))
      .then({
        type: 'AttendanceRecorded',
        data: {
          meetingId: 'plenary-2019',
          memberId: 'wang',
          status: 'absent',
          capacity: 'member',
          channel: 'in-person',
          committeeId: 'cq',
          occurredAt: startOf('2019-01-14'),
        },
      });
  });

  it('refuses an attendance recorded before the meeting took place', () => {
    given(history)
      .when(
        command(
          'RecordAttendance',
          { meetingId: 'plenary-2019', memberId: 'wang', status: 'present' },
          recordedAt('2019-01-13T23:59:59+08:00'),
        ),
      )
      .thenRejects('occurs-after-recording', 'meetingId');
  });

  it('records an attendance recorded on the day of the meeting', () => {
    given(history)
      .when(
        command(
          'RecordAttendance',
          { meetingId: 'plenary-2019', memberId: 'wang', status: 'present' },
          recordedAt('2019-01-14T09:00:00+08:00'),
        ),
      )
      .then({
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
      });
  });

  describe('one record per member per meeting', () => {
    const present = attend('wang', 'plenary-2019', { status: 'present', channel: 'video' });

    it('treats the same attendance recorded again as a no-op', () => {
      given(history, present).when(present).then('no-op');
    });

    it('treats a record spelling out the defaults as the same record', () => {
      given(history, attend('wang', 'plenary-2019'))
        .when(attend('wang', 'plenary-2019', { status: 'present', capacity: 'member', channel: 'in-person' }))
        .then('no-op');
    });

    it('refuses a conflicting record of the same member at the same meeting', () => {
      given(history, present)
        .when(attend('wang', 'plenary-2019', { status: 'absent' }))
        .thenRejects('conflicts-with-recorded', 'status');
      given(history, present)
        .when(attend('wang', 'plenary-2019', { status: 'present', channel: 'online' }))
        .thenRejects('conflicts-with-recorded', 'status');
    });

    it('records another member at the same meeting', () => {
      given(history, present)
        .when(attend('li', 'plenary-2019', { status: 'absent' }))
        .then({
          type: 'AttendanceRecorded',
          data: {
            meetingId: 'plenary-2019',
            memberId: 'li',
            status: 'absent',
            capacity: 'member',
            channel: 'in-person',
            committeeId: 'cq',
            occurredAt: startOf('2019-01-14'),
          },
        });
    });
  });

  describe('leave (请假) and fraction attended', () => {
    it('refuses an excused attendance without a leave reason', () => {
      given(history)
        .when(attend('wang', 'plenary-2019', { status: 'excused' }))
        .thenRejects('leave-reason-required', 'leaveReason');
    });

    it('records an excused attendance with its leave reason', () => {
      given(history)
        .when(attend('wang', 'plenary-2019', { status: 'excused', leaveReason: 'higher-level-meeting' }))
        .then({
          type: 'AttendanceRecorded',
          data: {
            meetingId: 'plenary-2019',
            memberId: 'wang',
            status: 'excused',
            capacity: 'member',
            channel: 'in-person',
            leaveReason: 'higher-level-meeting',
            committeeId: 'cq',
            occurredAt: startOf('2019-01-14'),
          },
        });
    });

    it('refuses a leave reason unless the status is excused', () => {
      given(history)
        .when(attend('wang', 'plenary-2019', { status: 'present', leaveReason: 'illness' }))
        .thenRejects('leave-reason-not-allowed', 'leaveReason');
      given(history)
        .when(attend('wang', 'plenary-2019', { status: 'absent', leaveReason: 'work' }))
        .thenRejects('leave-reason-not-allowed', 'leaveReason');
    });

    it('refuses a leave reason it does not know', () => {
      given(history)
        .when(attend('wang', 'plenary-2019', { status: 'excused', leaveReason: 'holiday' }))
        .thenRejects('invalid-command', 'data.leaveReason');
    });

    it('refuses a fraction attended outside 0..1', () => {
      given(history)
        .when(attend('wang', 'plenary-2019', { status: 'present', fractionAttended: 1.01 }))
        .thenRejects('fraction-out-of-range', 'fractionAttended');
      given(history)
        .when(attend('wang', 'plenary-2019', { status: 'present', fractionAttended: -0.5 }))
        .thenRejects('fraction-out-of-range', 'fractionAttended');
    });

    it.each([0, 2 / 3, 1])('records a fraction attended of %s', (fractionAttended) => {
      given(history)
        .when(attend('wang', 'plenary-2019', { status: 'present', fractionAttended }))
        .then({
          type: 'AttendanceRecorded',
          data: {
            meetingId: 'plenary-2019',
            memberId: 'wang',
            status: 'present',
            capacity: 'member',
            channel: 'in-person',
            fractionAttended,
            committeeId: 'cq',
            occurredAt: startOf('2019-01-14'),
          },
        });
    });
  });

  describe('standing meetings (常委会议): standing members attend, others only as observers (列席)', () => {
    it('records a standing member attending as a member', () => {
      given(history)
        .when(attend('chen', 'standing-2019-06'))
        .then({
          type: 'AttendanceRecorded',
          data: {
            meetingId: 'standing-2019-06',
            memberId: 'chen',
            status: 'present',
            capacity: 'member',
            channel: 'in-person',
            committeeId: 'cq',
            occurredAt: startOf('2019-06-20'),
          },
        });
    });

    it('refuses an ordinary member attending as a member or as a speaker', () => {
      given(history).when(attend('wang', 'standing-2019-06')).thenRejects('not-standing-member', 'capacity');
      given(history)
        .when(attend('wang', 'standing-2019-06', { status: 'present', capacity: 'speaker' }))
        .thenRejects('not-standing-member', 'capacity');
    });

    it('records an ordinary member attending as an observer', () => {
      given(history)
        .when(attend('wang', 'standing-2019-06', { status: 'present', capacity: 'observer' }))
        .then({
          type: 'AttendanceRecorded',
          data: {
            meetingId: 'standing-2019-06',
            memberId: 'wang',
            status: 'present',
            capacity: 'observer',
            channel: 'in-person',
            committeeId: 'cq',
            occurredAt: startOf('2019-06-20'),
          },
        });
    });

    it('refuses even an absence recorded in the capacity of member for an ordinary member', () => {
      given(history)
        .when(attend('wang', 'standing-2019-06', { status: 'absent' }))
        .thenRejects('not-standing-member', 'capacity');
    });

    describe('when a member becomes a standing member mid-term (effective 2019-06-01)', () => {
      const promoted = [
        history,
        meeting('standing-2019-05', 'standing', '2019-05-20'),
        command('SetStandingMember', {
          memberId: 'wang',
          committeeId: 'cq',
          standing: true,
          effectiveOn: '2019-06-01',
        }),
      ];

      it('records them as a member of the standing meetings held from that date', () => {
        given(promoted)
          .when(attend('wang', 'standing-2019-06'))
          .then({
            type: 'AttendanceRecorded',
            data: {
              meetingId: 'standing-2019-06',
              memberId: 'wang',
              status: 'present',
              capacity: 'member',
              channel: 'in-person',
              committeeId: 'cq',
              occurredAt: startOf('2019-06-20'),
            },
          });
      });

      it('still refuses them as a member of a standing meeting held before that date', () => {
        given(promoted)
          .when(attend('wang', 'standing-2019-05'))
          .thenRejects('not-standing-member', 'capacity');
      });
    });

    it('refuses a member who stopped being a standing member before the meeting', () => {
      given(
        history,
        command('SetStandingMember', {
          memberId: 'chen',
          committeeId: 'cq',
          standing: false,
          effectiveOn: '2019-06-20',
        }),
      )
        .when(attend('chen', 'standing-2019-06'))
        .thenRejects('not-standing-member', 'capacity');
    });
  });

  describe('long leave (长期请假: illness, 2019-01-01 – 2019-02-28)', () => {
    const onLeave = [
      history,
      command('DeclareLongLeave', {
        memberId: 'wang',
        from: '2019-01-01',
        to: '2019-02-28',
        reason: 'illness',
      }),
    ];

    it('refuses a present attendance during the leave', () => {
      given(onLeave).when(attend('wang', 'plenary-2019')).thenRejects('on-long-leave', 'status');
    });

    it('records an excused or absent attendance during the leave', () => {
      given(onLeave)
        .when(attend('wang', 'plenary-2019', { status: 'excused', leaveReason: 'illness' }))
        .then({
          type: 'AttendanceRecorded',
          data: {
            meetingId: 'plenary-2019',
            memberId: 'wang',
            status: 'excused',
            capacity: 'member',
            channel: 'in-person',
            leaveReason: 'illness',
            committeeId: 'cq',
            occurredAt: startOf('2019-01-14'),
          },
        });
    });

    it('records a present attendance after the leave ended', () => {
      given(onLeave, meeting('study-2019-03', 'study', '2019-03-01'))
        .when(attend('wang', 'study-2019-03'))
        .then({
          type: 'AttendanceRecorded',
          data: {
            meetingId: 'study-2019-03',
            memberId: 'wang',
            status: 'present',
            capacity: 'member',
            channel: 'in-person',
            committeeId: 'cq',
            occurredAt: startOf('2019-03-01'),
          },
        });
    });

    it('refuses an oral speech during the leave, and records a written one', () => {
      given(onLeave)
        .when(speak('wang', 'plenary-2019', { mode: 'oral' }))
        .thenRejects('on-long-leave', 'mode');
      given(onLeave)
        .when(speak('wang', 'plenary-2019', { mode: 'written' }))
        .then({
          type: 'SpeechRecorded',
          data: {
            meetingId: 'plenary-2019',
            memberId: 'wang',
            mode: 'written',
            listed: false,
            committeeId: 'cq',
            occurredAt: startOf('2019-01-14'),
          },
        });
    });
  });

  describe('speeches (发言)', () => {
    it('records a written speech listed in the proceedings of the plenary', () => {
      given(history)
        .when(speak('wang', 'plenary-2019', { mode: 'written', listed: true }))
        .then({
          type: 'SpeechRecorded',
          streamId: 'member-wang',
          data: {
            meetingId: 'plenary-2019',
            memberId: 'wang',
            mode: 'written',
            listed: true,
            committeeId: 'cq',
            occurredAt: startOf('2019-01-14'),
          },
        });
    });

    it('refuses a listed oral speech', () => {
      given(history)
        .when(speak('wang', 'plenary-2019', { mode: 'oral', listed: true }))
        .thenRejects('field-not-allowed', 'listed');
    });

    it('refuses a listed speech at a meeting whose proceedings list none (an inspection)', () => {
      given(history, meeting('inspection-2019', 'inspection', '2019-04-02'))
        .when(speak('wang', 'inspection-2019', { mode: 'written', listed: true }))
        .thenRejects('field-not-allowed', 'listed');
    });

    it('refuses a speech at an unknown meeting or by a member not seated at it', () => {
      given(history)
        .when(speak('wang', 'plenary-2020', { mode: 'oral' }))
        .thenRejects('unknown-meeting', 'meetingId');
      given(history, appoint('sun', { appointedOn: '2019-03-01' }))
        .when(speak('sun', 'plenary-2019', { mode: 'oral' }))
        .thenRejects('not-seated', 'memberId');
    });

    it('treats the same speech recorded again as a no-op, and refuses another of the same mode', () => {
      const written = speak('wang', 'plenary-2019', { mode: 'written', listed: true });
      given(history, written).when(written).then('no-op');
      given(history, written)
        .when(speak('wang', 'plenary-2019', { mode: 'written' }))
        .thenRejects('conflicts-with-recorded', 'mode');
    });

    it('records an oral and a written speech of the same member at the same meeting', () => {
      given(history, speak('wang', 'plenary-2019', { mode: 'written' }))
        .when(speak('wang', 'plenary-2019', { mode: 'oral' }))
        .then({
          type: 'SpeechRecorded',
          data: {
            meetingId: 'plenary-2019',
            memberId: 'wang',
            mode: 'oral',
            listed: false,
            committeeId: 'cq',
            occurredAt: startOf('2019-01-14'),
          },
        });
    });
  });
});

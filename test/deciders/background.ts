import { command, deciderSpecification, type SpecCommand } from '@lvzhi/testing';

/** When the specifications record their commands. */
export const NOW = '2024-06-01T00:00:00.000Z';

/** Every specification of these files records at `NOW`. */
export const given = deciderSpecification({ now: NOW, recordedBy: '秘书处' });

/** The first instant of a bare date in Asia/Shanghai (the default zone), as an event's `occurredAt`. */
export const startOf = (date: string): string => new Date(`${date}T00:00:00+08:00`).toISOString();

/** The Chongqing city committee (重庆市政协), its 5th term (2018-01-15 – 2022-12-31). */
export const committee = command('RegisterCommittee', {
  committeeId: 'cq',
  name: '重庆市政协',
  level: 'prefectural',
});
export const term5 = command('OpenTerm', {
  committeeId: 'cq',
  term: 5,
  startsOn: '2018-01-15',
  endsOn: '2022-12-31',
});

/** A district committee (渝中区政协) with its own term, for members of another committee. */
export const districtCommittee = [
  command('RegisterCommittee', { committeeId: 'yz', name: '渝中区政协', level: 'county' }),
  command('OpenTerm', { committeeId: 'yz', term: 5, startsOn: '2018-01-10', endsOn: '2022-12-31' }),
  command('AppointMember', {
    memberId: 'zhou',
    name: '周洁',
    committeeId: 'yz',
    term: 5,
    sector: '教育界',
    appointedOn: '2018-01-10',
  }),
];

/** Appoints a member to the 5th term of `cq` at its start (overrides change any field). */
export function appoint(memberId: string, overrides: Readonly<Record<string, unknown>> = {}): SpecCommand {
  return command('AppointMember', {
    memberId,
    name: `委员${memberId}`,
    committeeId: 'cq',
    term: 5,
    sector: '经济界',
    appointedOn: '2018-01-15',
    ...overrides,
  });
}

/** Schedules a meeting of `cq` in its 5th term. */
export function meeting(
  meetingId: string,
  kind: string,
  startsOn: string,
  overrides: Readonly<Record<string, unknown>> = {},
) {
  return command('ScheduleMeeting', {
    meetingId,
    committeeId: 'cq',
    kind,
    title: `会议${meetingId}`,
    startsOn,
    term: 5,
    ...overrides,
  });
}

/** The committee, its term, and three seated members: wang and li (ordinary), chen (standing, 常委). */
export const seatedMembers = [
  committee,
  term5,
  appoint('wang'),
  appoint('li'),
  appoint('chen', { standing: true }),
];

/** The January 2019 plenary (全体会议) and a standing meeting (常委会议) in June 2019. */
export const meetings2019 = [
  meeting('plenary-2019', 'plenary', '2019-01-14', { session: 2 }),
  meeting('standing-2019-06', 'standing', '2019-06-20'),
];

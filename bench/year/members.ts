import { SECTORS, SPECIAL } from './vocabulary.ts';
import { type Committee, day, type Member, type YearWriter } from './yearWriter.ts';

/** The city committee and three district committees, about 2,500 members. */
export function chongqingCommittees(): Committee[] {
  return [
    { id: 'cq', name: '政协重庆市委员会', level: 'provincial', size: 860, members: [] },
    { id: 'cq-yz', name: '政协重庆市渝中区委员会', level: 'county', size: 560, members: [] },
    { id: 'cq-jb', name: '政协重庆市江北区委员会', level: 'county', size: 540, members: [] },
    { id: 'cq-sp', name: '政协重庆市沙坪坝区委员会', level: 'county', size: 540, members: [] },
  ];
}

/** Registers the committees, opens the 5th term, appoints every member (12% standing) and declares long leaves. */
export async function seatMembers(w: YearWriter, committees: readonly Committee[]): Promise<void> {
  const { rng } = w;
  for (const c of committees) {
    await w.emit('RegisterCommittee', { committeeId: c.id, name: c.name, level: c.level }, -400);
    await w.emit(
      'OpenTerm',
      { committeeId: c.id, term: 5, startsOn: '2018-01-25', endsOn: '2023-01-12' },
      -340,
    );
  }
  for (const c of committees) {
    for (let i = 1; i <= c.size; i++) {
      const standing = rng.chance(0.12);
      const leaveStart = rng.int(60, 250);
      const member: Member = {
        id: `${c.id}-m${String(i).padStart(4, '0')}`,
        committeeId: c.id,
        standing,
        ...(rng.chance(0.015) ? { leave: [leaveStart, leaveStart + rng.int(30, 120)] as const } : {}),
      };
      c.members.push(member);
      await w.emit(
        'AppointMember',
        {
          memberId: member.id,
          name: `委员${c.id}${i}`,
          committeeId: c.id,
          term: 5,
          sector: rng.pick(SECTORS),
          specialCommittees: rng.sample(SPECIAL, rng.int(0, 2)),
          standing,
          appointedOn: '2018-01-25',
        },
        -340,
      );
    }
  }
  for (const c of committees) {
    for (const m of c.members) {
      if (!m.leave) continue;
      const leave = { memberId: m.id, from: day(m.leave[0]), to: day(m.leave[1]), reason: 'illness' };
      await w.emit('DeclareLongLeave', leave, m.leave[0] - 1);
    }
  }
}

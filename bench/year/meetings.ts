import { ACTIVITY_KINDS, LEAVE_REASONS } from './vocabulary.ts';
import { type Committee, day, type Member, onLeave, type YearWriter } from './yearWriter.ts';

/** Records one attendance (excused with a reason when on long leave); true when present. */
async function attend(
  w: YearWriter,
  meetingId: string,
  m: Member,
  d: number,
  pPresent: number,
): Promise<boolean> {
  const { rng } = w;
  if (onLeave(m, d)) {
    await w.emit(
      'RecordAttendance',
      { meetingId, memberId: m.id, status: 'excused', leaveReason: 'illness' },
      d,
    );
    return false;
  }
  const r = rng.next();
  if (r < pPresent) {
    const channel = rng.chance(0.08) ? 'video' : 'in-person';
    await w.emit('RecordAttendance', { meetingId, memberId: m.id, status: 'present', channel }, d);
    return true;
  }
  if (r < pPresent + (1 - pPresent) * 0.8) {
    const leaveReason = rng.pick(LEAVE_REASONS);
    await w.emit('RecordAttendance', { meetingId, memberId: m.id, status: 'excused', leaveReason }, d);
  } else {
    await w.emit('RecordAttendance', { meetingId, memberId: m.id, status: 'absent' }, d);
  }
  return false;
}

/** The plenary: an attendance record for every member, oral and written speeches; returns its first day. */
export async function plenary(w: YearWriter, c: Committee): Promise<number> {
  const { rng } = w;
  const first = c.level === 'provincial' ? 12 : rng.int(5, 20);
  const meetingId = `${c.id}-plenary-2019`;
  await w.emit(
    'ScheduleMeeting',
    {
      meetingId,
      committeeId: c.id,
      kind: 'plenary',
      title: `${c.name}第五届第二次会议`,
      startsOn: day(first),
      endsOn: day(first + 4),
      term: 5,
      session: 2,
    },
    first - 7,
  );
  for (const m of c.members) {
    const present = await attend(w, meetingId, m, first, 0.94);
    if (present && rng.chance(0.06))
      await w.emit('RecordSpeech', { meetingId, memberId: m.id, mode: 'oral' }, first);
    if (rng.chance(0.15)) {
      await w.emit(
        'RecordSpeech',
        { meetingId, memberId: m.id, mode: 'written', listed: rng.chance(0.3) },
        first,
      );
    }
  }
  return first;
}

/** Six standing meetings per committee, attended by its standing members. */
export async function standingMeetings(w: YearWriter, committees: readonly Committee[]): Promise<void> {
  for (const c of committees) {
    const standing = c.members.filter((m) => m.standing);
    for (let k = 1; k <= 6; k++) {
      const d = 30 + k * 50;
      const meetingId = `${c.id}-standing-2019-${k}`;
      const title = `常委会第${k}次会议`;
      await w.emit(
        'ScheduleMeeting',
        { meetingId, committeeId: c.id, kind: 'standing', title, startsOn: day(d), term: 5 },
        d - 7,
      );
      for (const m of standing) await attend(w, meetingId, m, d, 0.9);
    }
  }
}

/**
 * Activities until the writer's budget is spent: inspections, research, consultations… attended by 30–150
 * members, and study sessions where half the time every member has a record; a few speeches.
 */
export async function activities(w: YearWriter, committees: readonly Committee[]): Promise<void> {
  const { rng } = w;
  let n = 0;
  while (w.budget > 0) {
    const c = committees[n % committees.length]!;
    n += 1;
    const d = rng.int(20, 345);
    const kind = rng.pick(ACTIVITY_KINDS);
    const meetingId = `${c.id}-act-2019-${n}`;
    const meeting = {
      meetingId,
      committeeId: c.id,
      kind,
      title: `${kind} 活动 ${n}`,
      startsOn: day(d),
      term: 5,
    };
    await w.emit('ScheduleMeeting', meeting, d - 3);
    const everyone = kind === 'study' && rng.chance(0.5);
    const invited = everyone ? c.members : rng.sample(c.members, rng.int(30, 150));
    for (const m of invited) {
      if (w.budget <= 0) break;
      const present = await attend(w, meetingId, m, d, 0.85);
      if (present && w.budget > 0 && rng.chance(0.04)) {
        await w.emit('RecordSpeech', { meetingId, memberId: m.id, mode: rng.pick(['oral', 'written']) }, d);
      }
    }
  }
}

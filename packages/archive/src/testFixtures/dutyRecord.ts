import {
  CommandHandler,
  type DutyRecordState,
  dutyRecordProjection,
  InMemoryEventStore,
  projectLog,
} from '@lvzhi/core';

/** A duty record built by recording commands, for specifications: every command must be accepted. */
export class RecordFixture {
  readonly store = new InMemoryEventStore();
  readonly #handler = new CommandHandler(this.store, { clock: () => Date.parse('2024-06-01T00:00:00Z') });

  /** Records a command and returns its event id; throws with the rejection when refused. */
  async run(command: string, data: Record<string, unknown>, recordedAt?: string): Promise<string> {
    const meta =
      recordedAt === undefined ? { recordedBy: 'secretariat' } : { recordedBy: 'secretariat', recordedAt };
    const outcome = await this.#handler.handle({ command, data, meta });
    if (outcome.status !== 'recorded') {
      throw new Error(`${command} ${JSON.stringify(data)}: ${JSON.stringify(outcome)}`);
    }
    return outcome.events[0]!.eventId;
  }

  /** The refusal code of a command, or its status when not refused. */
  async refusal(command: string, data: Record<string, unknown>): Promise<string> {
    const outcome = await this.#handler.handle({ command, data, meta: { recordedBy: 'secretariat' } });
    return outcome.status === 'rejected' ? outcome.rejection.code : outcome.status;
  }

  /** The duty-record state of everything recorded so far. */
  async state(): Promise<DutyRecordState> {
    const { states } = await projectLog(this.store, [dutyRecordProjection]);
    return states.get('duty-record') as DutyRecordState;
  }
}

/**
 * The 重庆市政协 of the specifications: terms 5 (2018-01-15 – 2023-01-14) and 6, five members of term 5
 * (m1 张三 a standing member), a plenary on 2019-01-14, a consultation on 2019-05-10 and a plenary on 2020-01-13.
 */
export async function chongqing(): Promise<RecordFixture> {
  const r = new RecordFixture();
  await r.run('RegisterCommittee', { committeeId: 'cq', name: '重庆市政协', level: 'prefectural' });
  await r.run('OpenTerm', { committeeId: 'cq', term: 5, startsOn: '2018-01-15', endsOn: '2023-01-14' });
  await r.run('OpenTerm', { committeeId: 'cq', term: 6, startsOn: '2023-01-15', endsOn: '2028-01-14' });
  const names = ['张三', '李四', '王五', '赵六', '钱七'];
  for (const [i, name] of names.entries()) {
    await r.run('AppointMember', {
      memberId: `m${i + 1}`,
      name,
      committeeId: 'cq',
      term: 5,
      sector: i === 0 ? '经济界' : '教育界',
      ...(i === 0 ? { standing: true, specialCommittees: ['提案委员会'], party: '民建' } : {}),
      appointedOn: '2018-01-15',
    });
  }
  const meeting = (meetingId: string, kind: string, title: string, startsOn: string, session?: number) =>
    r.run('ScheduleMeeting', {
      meetingId,
      committeeId: 'cq',
      kind,
      title,
      startsOn,
      term: 5,
      ...(session === undefined ? {} : { session }),
    });
  await meeting('p2019', 'plenary', '五届二次会议', '2019-01-14', 2);
  await meeting('c2019', 'consultation', '专题协商会', '2019-05-10');
  await meeting('p2020', 'plenary', '五届三次会议', '2020-01-13', 3);
  return r;
}

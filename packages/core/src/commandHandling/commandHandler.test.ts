import { describe, expect, it } from 'vitest';
import { InMemoryEventStore } from '../eventStore/inMemoryEventStore.ts';
import { CommandHandler } from './commandHandler.ts';

const meta = { recordedBy: 'clerk', recordedAt: '2019-03-01T12:00:00+08:00' };
const registerCommittee = {
  command: 'RegisterCommittee',
  data: { committeeId: 'c1', name: 'c1', level: 'county' },
  meta,
};
const openTerm = {
  command: 'OpenTerm',
  data: { committeeId: 'c1', term: 1, startsOn: '2019-01-01', endsOn: '2023-12-31' },
  meta,
};
const appoint = (memberId: string) => ({
  command: 'AppointMember',
  data: {
    memberId,
    name: memberId,
    committeeId: 'c1',
    term: 1,
    sector: 'economy',
    appointedOn: '2019-01-02',
  },
  meta,
});
const speech = (memberId: string) => ({
  command: 'RecordSpeech',
  data: { meetingId: 'm1', memberId, mode: 'written' },
  meta,
});
const schedule = {
  command: 'ScheduleMeeting',
  data: { meetingId: 'm1', committeeId: 'c1', kind: 'study', title: 't', startsOn: '2019-02-01', term: 1 },
  meta,
};

/** An in-memory store that counts the streams read from it. */
class CountingStore extends InMemoryEventStore {
  streamsRead = 0;
  override readStream(...args: Parameters<InMemoryEventStore['readStream']>) {
    this.streamsRead += 1;
    return super.readStream(...args);
  }
}

async function submitAll(handler: CommandHandler, commands: readonly unknown[]) {
  const outcomes = [];
  for (const c of commands) outcomes.push(await handler.submit(c, 0));
  for (const { outcome } of await handler.flush()) outcomes.push(outcome);
  return outcomes.map((o) => (typeof o === 'string' ? o : o.status));
}

describe('Given a command handler', () => {
  it('on an empty log, decides without reading a stream, synchronously once it knows the log', async () => {
    const store = new CountingStore();
    const handler = new CommandHandler(store);
    expect(await submitAll(handler, [registerCommittee, openTerm])).toEqual([
      'pending',
      'pending',
      'recorded',
      'recorded',
    ]);
    const outcome = handler.trySubmit(appoint('a1'), 0);
    expect(outcome).toBe('pending');
    expect(handler.trySubmit(appoint('a1'), 0)).toEqual({ status: 'no-op' });
    await handler.flush();
    expect(store.streamsRead).toBe(0);
  });

  it('on a log it did not write alone, reads each stream once and sees what is recorded there', async () => {
    const store = new CountingStore();
    await submitAll(new CommandHandler(store), [registerCommittee, openTerm, appoint('a1')]);
    const handler = new CommandHandler(store);
    expect(await submitAll(handler, [appoint('a1'), appoint('a2'), appoint('a2')])).toEqual([
      'no-op',
      'pending',
      'no-op',
      'recorded',
    ]);
    expect(store.streamsRead).toBe(3);
  });

  it('sees streams another writer created after it started, whether it only reads them or also writes them', async () => {
    const store = new CountingStore();
    const handler = new CommandHandler(store);
    const other = new CommandHandler(store);
    await submitAll(handler, [registerCommittee, openTerm]);
    // Another writer appoints a1 and schedules m1 while this handler still takes the log for its own.
    expect(await submitAll(other, [appoint('a1'), schedule])).toEqual([
      'pending',
      'pending',
      'recorded',
      'recorded',
    ]);
    // Reading: a1's and m1's streams are found (after a refusal that might be stale, it catches up).
    expect(await handler.submit(speech('a1'), 0)).toBe('pending');
    // Writing: appointing a1 again is recognised as the same act.
    expect(await handler.submit(appoint('a1'), 0)).toEqual({ status: 'no-op' });
    expect((await handler.flush()).map((r) => r.outcome.status)).toEqual(['recorded']);
    expect(store.streamsRead).toBeGreaterThan(0);
  });

  it('retries a buffered act on a stream another writer created meanwhile, and records it once', async () => {
    const store = new CountingStore();
    const handler = new CommandHandler(store);
    await submitAll(handler, [registerCommittee, openTerm]);
    expect(await handler.submit(appoint('a1'), 0)).toBe('pending');
    await submitAll(new CommandHandler(store), [appoint('a1')]);
    // The buffered appointment expected a new stream: the conflict is resolved command by command.
    expect((await handler.flush()).map((r) => r.outcome.status)).toEqual(['no-op']);
    const appointments = [];
    for await (const e of store.readStream('member-a1')) appointments.push(e.type);
    expect(appointments).toEqual(['MemberAppointed']);
  });
});

/** An in-memory store whose appends wait until `release()`: an append in flight, as on a writer thread. */
class HeldStore extends InMemoryEventStore {
  #held: (() => void)[] = [];
  hold = false;
  failWith: Error | undefined;
  override async appendMany(...args: Parameters<InMemoryEventStore['appendMany']>) {
    if (this.hold) await new Promise<void>((resolve) => this.#held.push(resolve));
    if (this.failWith) throw this.failWith;
    return super.appendMany(...args);
  }
  get waiting(): number {
    return this.#held.length;
  }
  /** Stops holding, and lets every held append through. */
  release(): void {
    this.hold = false;
    for (const go of this.#held.splice(0)) go();
  }
}

async function typesIn(store: InMemoryEventStore, streamId: string) {
  const types = [];
  for await (const e of store.readStream(streamId)) types.push(e.type);
  return types;
}

describe('Given a command handler that flushes ahead (writing one batch while deciding the next)', () => {
  async function started() {
    const store = new HeldStore();
    const handler = new CommandHandler(store);
    await submitAll(handler, [registerCommittee, openTerm]);
    store.hold = true;
    return { store, handler };
  }

  it('decides the next commands on the state of the batch in flight, and settles them all in order', async () => {
    const { store, handler } = await started();
    expect(handler.trySubmit(appoint('a1'), 1)).toBe('pending');
    expect(handler.trySubmit(schedule, 2)).toBe('pending');
    expect(await handler.flushAhead()).toEqual([]);
    expect(store.waiting).toBe(1);
    // Not written yet, yet known: a1 is seated and m1 scheduled.
    expect(handler.trySubmit(speech('a1'), 3)).toBe('pending');
    const flushed = handler.flush();
    store.release();
    expect((await flushed).map((r) => [r.tag, r.outcome.status])).toEqual([
      [1, 'recorded'],
      [2, 'recorded'],
      [3, 'recorded'],
    ]);
    expect(await typesIn(store, 'member-a1')).toEqual(['MemberAppointed', 'SpeechRecorded']);
  });

  it('when the batch in flight conflicts with another writer, records it one by one and decides the next again', async () => {
    const { store, handler } = await started();
    handler.trySubmit(appoint('a1'), 1);
    handler.trySubmit(schedule, 2);
    await handler.flushAhead();
    handler.trySubmit(speech('a1'), 3);
    // Another writer appoints a1 before the batch in flight lands: that batch expected a new stream.
    store.hold = false;
    await submitAll(new CommandHandler(store), [appoint('a1')]);
    const flushed = handler.flush();
    store.release();
    expect((await flushed).map((r) => [r.tag, r.outcome.status])).toEqual([
      [1, 'no-op'],
      [2, 'recorded'],
      [3, 'recorded'],
    ]);
    expect(await typesIn(store, 'member-a1')).toEqual(['MemberAppointed', 'SpeechRecorded']);
    expect(await typesIn(store, 'meeting-m1')).toEqual(['MeetingScheduled']);
  });

  it('when the batch in flight fails otherwise, the failure surfaces and the commands decided on it are dropped', async () => {
    const { store, handler } = await started();
    handler.trySubmit(appoint('a1'), 1);
    await handler.flushAhead();
    handler.trySubmit(appoint('a2'), 2);
    store.failWith = new Error('disk full');
    const flushed = handler.flush();
    store.release();
    await expect(flushed).rejects.toThrow('disk full');
    expect(handler.pendingCount).toBe(0);
    expect(await store.headPosition()).toBe(2);
  });
});

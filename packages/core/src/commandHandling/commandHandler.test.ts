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

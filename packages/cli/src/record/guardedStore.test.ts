import { CommandHandler, InMemoryEventStore } from '@lvzhi/core';
import { describe, expect, it } from 'vitest';
import { AtomicGuardedStore, AtomicRecordInterrupted } from './guardedStore.ts';
import type { InputLine } from './jsonLines.ts';
import { type LineTag, recordLines } from './recordLines.ts';

const meta = { recordedBy: 'clerk', recordedAt: '2019-02-01T12:00:00+08:00' };
const committee = (committeeId: string) =>
  JSON.stringify({
    command: 'RegisterCommittee',
    data: { committeeId, name: committeeId, level: 'county' },
    meta,
  });
const term = (committeeId: string) =>
  JSON.stringify({
    command: 'OpenTerm',
    data: { committeeId, term: 1, startsOn: '2019-01-01', endsOn: '2023-12-31' },
    meta,
  });

describe('an --atomic record', () => {
  it('stops and writes nothing of the file when another writer appends to one of its streams meanwhile', async () => {
    const store = new InMemoryEventStore();
    const other = new CommandHandler(store);
    async function* lines(): AsyncGenerator<InputLine> {
      yield { number: 1, text: committee('c1'), bytesRead: 0 };
      yield { number: 2, text: committee('c2'), bytesRead: 0 };
      // Before the final transaction, another writer records on committee-c1's stream.
      await other.handle(JSON.parse(committee('c1')));
    }
    const guarded = new AtomicGuardedStore(store);
    const run = recordLines(lines(), new CommandHandler<LineTag>(guarded), {
      source: 'test',
      atomic: true,
      beforeAtomicCommit: () => guarded.allowOneAppend(),
    });
    // Retrying command by command (the handler's way after a conflict) would write committee-c2 alone.
    await expect(run).rejects.toBeInstanceOf(AtomicRecordInterrupted);
    const written = [];
    for await (const e of store.readAll()) written.push(e.streamId);
    expect(written).toEqual(['committee-c1']);
  });

  it('writes the whole file in one append when every line is accepted', async () => {
    const store = new InMemoryEventStore();
    const guarded = new AtomicGuardedStore(store);
    async function* lines(): AsyncGenerator<InputLine> {
      yield { number: 1, text: committee('c1'), bytesRead: 0 };
      yield { number: 2, text: term('c1'), bytesRead: 0 };
    }
    const summary = await recordLines(lines(), new CommandHandler<LineTag>(guarded), {
      source: 'test',
      atomic: true,
      beforeAtomicCommit: () => guarded.allowOneAppend(),
    });
    expect(summary).toMatchObject({ recorded: 2, rejected: 0, written: 2 });
    expect(await store.headPosition()).toBe(2);
  });
});

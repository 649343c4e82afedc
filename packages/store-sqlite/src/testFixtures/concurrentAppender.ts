// A worker for the two-process test: appends to shared and own streams, with optimistic retries or with
// 'any', then prints the ids it wrote. Usage: node --import tsx concurrentAppender.ts <db> <worker> <rounds>
import { createInterface } from 'node:readline';
import { type AppendRequest, ConcurrencyError, newEventId, type ProposedEvent } from '@lvzhi/core';
import { SqliteEventStore } from '../sqliteEventStore.ts';

const [path, workerArg, roundsText] = process.argv.slice(2);
if (!path || !workerArg || !roundsText) throw new Error('usage: concurrentAppender <db> <worker> <rounds>');
const worker: string = workerArg;

function event(round: number): ProposedEvent {
  return {
    eventId: newEventId(),
    type: 'AttendanceRecorded',
    schemaVersion: 1,
    data: { worker, round },
    metadata: { recordedAt: new Date(0).toISOString(), recordedBy: worker },
  };
}

const store = SqliteEventStore.open(path, { busyTimeoutMs: 10_000 });
const written: string[] = [];
let conflicts = 0;

/** Appends with the versions read just before, retrying the same events after a conflict. */
async function appendWithRetry(
  plan: readonly { streamId: string; events: ProposedEvent[] }[],
): Promise<void> {
  while (true) {
    const requests: AppendRequest[] = [];
    for (const p of plan) requests.push({ ...p, expectedVersion: await store.streamVersion(p.streamId) });
    // Widen the window between reading a version and appending, so that the workers really conflict.
    await new Promise((resolve) => setTimeout(resolve, Math.random() < 0.5 ? 0 : 1));
    try {
      const results = await store.appendMany(requests);
      for (const r of results) written.push(...r.events.map((e) => e.eventId));
      return;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      conflicts += 1;
    }
  }
}

// Wait for the parent's "go" so that both workers start appending at the same moment.
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line === 'go') break;
lines.close();

for (let round = 0; round < Number(roundsText); round++) {
  const shared = `shared-${round % 2}`;
  const own = `own-${worker}`;
  if (round % 3 === 0) {
    await appendWithRetry([
      { streamId: shared, events: [event(round), event(round)] },
      { streamId: own, events: [event(round)] },
    ]);
  } else if (round % 3 === 1) {
    await appendWithRetry([{ streamId: shared, events: [event(round)] }]);
  } else {
    // No version check: the store alone must chain it onto whatever the other process wrote.
    const result = await store.append(shared, [event(round)], { expectedVersion: 'any' });
    written.push(...result.events.map((e) => e.eventId));
  }
}
await store.close();
process.stdout.write(`${JSON.stringify({ worker, written, conflicts })}\n`);

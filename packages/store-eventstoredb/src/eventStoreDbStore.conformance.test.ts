import { describeEventStoreConformance } from '@lvzhi/testing';
import { describe, it } from 'vitest';
import { EventStoreDbStore, type InternalStoreOptions } from './eventStoreDbStore.ts';
import { redactConnectionString } from './storeErrors.ts';

// The conformance suite against a real EventStoreDB/KurrentDB server, e.g.
//   docker run -d -p 2113:2113 -e EVENTSTORE_INSECURE=true -e EVENTSTORE_MEM_DB=true eventstore/eventstore:23.10.0-bookworm-slim
//   LVZHI_ESDB_URL='esdb://localhost:2113?tls=false' npx vitest run packages/store-eventstoredb
const url = process.env.LVZHI_ESDB_URL;
const SKIPPED =
  'EventStoreDB conformance suite SKIPPED: set LVZHI_ESDB_URL=esdb://host:2113?tls=false to run it';

if (!url) {
  console.warn(SKIPPED);
  describe.skip(SKIPPED, () => {
    it('runs the EventStore conformance suite against a real server', () => undefined);
  });
} else {
  // Every test gets streams of its own (a fresh prefix) and reads $all only from where it began.
  const run = `lvzhi-conformance-${Date.now().toString(36)}`;
  let count = 0;
  describeEventStoreConformance(
    `EventStoreDbStore (real server ${redactConnectionString(url)}, a fresh stream prefix per test)`,
    async () => {
      const options: InternalStoreOptions = { streamPrefix: `${run}-${++count}.`, logStartsNow: true };
      return { store: await EventStoreDbStore.connect(url, options) };
    },
  );
}

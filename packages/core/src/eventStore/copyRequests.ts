import type { ProposedEvent, RecordedEvent } from '../envelope/envelope.ts';
import type { AppendRequest, ExpectedVersion } from './eventStore.ts';

/**
 * The `appendMany` requests that write recorded events again, as they are (same ids, so the same hashes), into
 * another store: one request per run of consecutive events of a stream, in the given (global) order, each
 * expecting the stream at the version before its first event.
 */
export function copyRequests(events: readonly RecordedEvent[]): AppendRequest[] {
  const requests: { streamId: string; events: ProposedEvent[]; expectedVersion: ExpectedVersion }[] = [];
  for (const e of events) {
    const { eventId, type, schemaVersion, data, metadata } = e;
    const proposed: ProposedEvent = { eventId, type, schemaVersion, data, metadata };
    const run = requests.at(-1);
    if (run?.streamId === e.streamId) run.events.push(proposed);
    else {
      const expectedVersion = e.streamVersion === 1 ? 'no-stream' : e.streamVersion - 1;
      requests.push({ streamId: e.streamId, events: [proposed], expectedVersion });
    }
  }
  return requests;
}

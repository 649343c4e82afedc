import {
  type AppendRequest,
  type AppendResult,
  type ChainedEvent,
  chainEventsEncoded,
  EMPTY_HEAD,
  type ExpectedVersion,
  type RecordedEvent,
  type StreamHead,
} from '@lvzhi/core';

/** True when a stream at `actual` satisfies the expected version. */
export function meetsExpectedVersion(expected: ExpectedVersion, actual: number): boolean {
  return (
    expected === 'any' ||
    (expected === 'no-stream' && actual === 0) ||
    (expected === 'exists' && actual > 0) ||
    expected === actual
  );
}

/** An `appendMany` worked out on the store's thread, for the writer thread to insert as it is. */
export interface ThreadAppendPlan {
  /** The insert's parameters, `ROW_COLUMNS` per event, in order. */
  readonly rows: (string | number)[];
  /** Per request: its stream and chained events, positions still to come. */
  readonly requests: readonly {
    readonly streamId: string;
    readonly events: readonly ChainedEvent[];
    /** The stream's version after this request. */
    readonly version: number;
  }[];
  /** The heads the streams reach once the rows are in. */
  readonly heads: ReadonlyMap<string, StreamHead>;
}

/**
 * Plans `requests` on heads known without writing: `cached` (exact while no other connection wrote since this
 * store's last append, which the writer thread checks inside its transaction), `readHead` for the others,
 * and a new stream assumed empty when `'no-stream'` is expected (the insert's UNIQUE constraint says
 * otherwise). Returns undefined when a request needs the exact path: an event id given twice, or an expected
 * version not met (a conflict, or the retry of an append that landed).
 */
export function planThreadAppend(
  requests: readonly AppendRequest[],
  cached: ReadonlyMap<string, StreamHead>,
  readHead: (streamId: string) => StreamHead | undefined,
): ThreadAppendPlan | undefined {
  const heads = new Map<string, StreamHead>();
  const ids = new Set<string>();
  const rows: (string | number)[] = [];
  const planned: { streamId: string; events: ChainedEvent[]; version: number }[] = [];
  for (const { streamId, events, expectedVersion } of requests) {
    const expected = expectedVersion ?? 'any';
    const head =
      heads.get(streamId) ??
      cached.get(streamId) ??
      (expected === 'no-stream' && events.length > 0 ? EMPTY_HEAD : readHead(streamId)) ??
      EMPTY_HEAD;
    if (!meetsExpectedVersion(expected, head.version)) return undefined;
    const chained: ChainedEvent[] = new Array(events.length);
    const encoded = chainEventsEncoded(streamId, head, events);
    for (let i = 0; i < encoded.length; i++) {
      const { event: e, dataJson, metadataJson } = encoded[i]!;
      if (ids.has(e.eventId)) return undefined;
      ids.add(e.eventId);
      rows.push(
        e.eventId,
        streamId,
        e.streamVersion,
        e.type,
        e.schemaVersion,
        dataJson,
        metadataJson,
        e.metadata.recordedAt,
        e.prevHash,
        e.hash,
      );
      chained[i] = e;
    }
    const tail = chained.at(-1);
    if (tail) heads.set(streamId, { version: tail.streamVersion, hash: tail.hash });
    planned.push({ streamId, events: chained, version: tail?.streamVersion ?? head.version });
  }
  return { rows, requests: planned, heads };
}

/** The results of a plan whose rows were inserted at `positions` (one per event, in order). */
export function planResults(plan: ThreadAppendPlan, positions: Float64Array): AppendResult[] {
  let next = 0;
  return plan.requests.map(({ streamId, events, version }) => {
    const recorded: RecordedEvent[] = new Array(events.length);
    for (let i = 0; i < events.length; i++) {
      recorded[i] = { ...events[i]!, globalPosition: positions[next++]! };
    }
    return { streamId, nextExpectedVersion: version, events: recorded };
  });
}

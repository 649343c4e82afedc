import {
  type AppendRequest,
  type AppendResult,
  canonicalJson,
  EMPTY_HEAD,
  type ExpectedVersion,
  type ProposedEvent,
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

/**
 * Values per row handed to the writer thread: event id, stream id, version, type, schema version, data JSON,
 * metadata JSON, recorded at, and the previous hash, or '' for "the hash of this stream's row before".
 */
export const ROW_COLUMNS = 9;

/** An `appendMany` worked out on the store's thread, for the writer thread to chain and insert as it is. */
export interface ThreadAppendPlan {
  /** `ROW_COLUMNS` values per event, in order. */
  readonly rows: (string | number)[];
  /** Per request: its stream, its events with their versions, and the head it starts from. */
  readonly requests: readonly {
    readonly streamId: string;
    readonly head: StreamHead;
    readonly events: readonly ProposedEvent[];
  }[];
}

/**
 * Plans `requests` on heads known without writing: `cached` (exact while no other connection wrote since this
 * store's last append, which the writer thread checks inside its transaction), `readHead` for the others,
 * and a new stream assumed empty when `'no-stream'` is expected (the insert's UNIQUE constraint says
 * otherwise). Returns undefined when a request needs the exact path: an event id given twice, a schema
 * version that is not an integer, or an expected version not met (a conflict, or the retry of an append
 * that landed).
 */
export function planThreadAppend(
  requests: readonly AppendRequest[],
  cached: ReadonlyMap<string, StreamHead>,
  readHead: (streamId: string) => StreamHead | undefined,
): ThreadAppendPlan | undefined {
  /** Versions reached by earlier requests of this call (their hashes are the thread's to compute). */
  const reached = new Map<string, number>();
  const ids = new Set<string>();
  const rows: (string | number)[] = [];
  const planned: ThreadAppendPlan['requests'][number][] = [];
  for (const { streamId, events, expectedVersion } of requests) {
    const expected = expectedVersion ?? 'any';
    const inCall = reached.get(streamId);
    const head =
      inCall !== undefined
        ? { version: inCall, hash: '' }
        : (cached.get(streamId) ??
          (expected === 'no-stream' && events.length > 0 ? EMPTY_HEAD : readHead(streamId)) ??
          EMPTY_HEAD);
    if (!meetsExpectedVersion(expected, head.version)) return undefined;
    let version = head.version;
    let prevHash = head.hash;
    for (const e of events) {
      if (ids.has(e.eventId) || !Number.isInteger(e.schemaVersion)) return undefined;
      ids.add(e.eventId);
      version += 1;
      rows.push(
        e.eventId,
        streamId,
        version,
        e.type,
        e.schemaVersion,
        canonicalJson(e.data),
        canonicalJson(e.metadata),
        e.metadata.recordedAt,
        prevHash,
      );
      prevHash = '';
    }
    reached.set(streamId, version);
    planned.push({ streamId, head, events });
  }
  return { rows, requests: planned };
}

/** The results of a plan whose rows were inserted at `positions` with `hashes` (one each per event, in order). */
export function planResults(
  plan: ThreadAppendPlan,
  positions: Float64Array,
  hashes: readonly string[],
): { readonly results: AppendResult[]; readonly heads: ReadonlyMap<string, StreamHead> } {
  const heads = new Map<string, StreamHead>();
  let next = 0;
  const results = plan.requests.map(({ streamId, head, events }) => {
    let { version, hash: prevHash } = heads.get(streamId) ?? head;
    const recorded: RecordedEvent[] = new Array(events.length);
    for (let i = 0; i < events.length; i++) {
      const { eventId, type, schemaVersion, data, metadata } = events[i]!;
      const hash = hashes[next]!;
      version += 1;
      recorded[i] = {
        eventId,
        streamId,
        streamVersion: version,
        type,
        schemaVersion,
        data,
        metadata,
        prevHash,
        hash,
        globalPosition: positions[next++]!,
      };
      prevHash = hash;
    }
    heads.set(streamId, { version, hash: prevHash });
    return { streamId, nextExpectedVersion: version, events: recorded };
  });
  return { results, heads };
}

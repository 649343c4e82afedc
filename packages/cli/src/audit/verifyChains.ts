import { CorruptEventError, type EventStore, findChainBreak, type RecordedEvent } from '@lvzhi/core';

/** Where a stream fails verification. */
export interface StreamBreak {
  readonly streamId: string;
  readonly kind:
    | 'hash-mismatch'
    | 'prev-hash-mismatch'
    | 'version-gap'
    | 'missing-tail'
    | 'wrong-stream'
    | 'corrupt';
  /** The version of the first broken event (for a gap or a missing tail: the first missing version). */
  readonly streamVersion: number;
  readonly eventId?: string;
  readonly globalPosition?: number;
  readonly detail?: string;
}

/** The outcome of verifying every stream. */
export interface VerifyReport {
  readonly streams: number;
  readonly events: number;
  /** The first break of each broken stream, in the store's order of streams. */
  readonly breaks: readonly StreamBreak[];
}

/**
 * Recomputes every stream's hash chain (`listStreams`, `readStream`, `findChainBreak`) and checks that each
 * stream's versions run from 1 to the version the store lists, without a gap.
 */
export async function verifyChains(store: EventStore): Promise<VerifyReport> {
  const listed: { streamId: string; version: number }[] = [];
  for await (const s of store.listStreams()) listed.push({ streamId: s.streamId, version: s.version });
  let events = 0;
  const breaks: StreamBreak[] = [];
  for (const { streamId, version } of listed) {
    const stream: RecordedEvent[] = [];
    try {
      for await (const e of store.readStream(streamId)) stream.push(e);
    } catch (error) {
      if (!(error instanceof CorruptEventError)) throw error;
      breaks.push({
        streamId,
        kind: 'corrupt',
        streamVersion: stream.length + 1,
        globalPosition: error.position,
        detail: error.message,
      });
      continue;
    }
    events += stream.length;
    const found = checkStream(streamId, version, stream);
    if (found) breaks.push(found);
  }
  return { streams: listed.length, events, breaks };
}

function checkStream(
  streamId: string,
  listedVersion: number,
  stream: readonly RecordedEvent[],
): StreamBreak | undefined {
  const foreign = stream.find((e) => e.streamId !== streamId);
  const chainBreak = findChainBreak(stream);
  if (chainBreak) {
    const event = stream.find((e) => e.streamVersion === chainBreak.streamVersion);
    if (foreign && foreign.streamVersion <= chainBreak.streamVersion) return wrongStream(streamId, foreign);
    if (chainBreak.kind === 'version-gap') {
      return { streamId, kind: 'version-gap', streamVersion: chainBreak.expectedVersion };
    }
    return {
      streamId,
      kind: chainBreak.kind,
      streamVersion: chainBreak.streamVersion,
      eventId: chainBreak.eventId,
      ...(event ? { globalPosition: event.globalPosition } : {}),
    };
  }
  if (foreign) return wrongStream(streamId, foreign);
  const last = stream.at(-1)?.streamVersion ?? 0;
  if (last < listedVersion) return { streamId, kind: 'missing-tail', streamVersion: last + 1 };
  return undefined;
}

function wrongStream(streamId: string, e: RecordedEvent): StreamBreak {
  return {
    streamId,
    kind: 'wrong-stream',
    streamVersion: e.streamVersion,
    eventId: e.eventId,
    globalPosition: e.globalPosition,
    detail: `chained in ${e.streamId}`,
  };
}

import type { FoldedEvent } from '../envelope/envelope.ts';
import type { EventStore } from '../eventStore/eventStore.ts';
import { readPages } from '../eventStore/readPages.ts';
import { type DutyRecordState, dutyRecordProjection } from './dutyRecord.ts';
import type { Anomaly } from './projection.ts';
import { foldPages, type LogFilter } from './projectionRuntime.ts';
import { type RecordIndexState, type RecordScope, streamsInScope } from './recordIndex.ts';

/** Above this many streams, one pass over the log (keeping the scope's streams) beats a read per stream. */
const MAX_STREAM_READS = 5_000;

/** The events of some streams (or of all), in global order, up to a position, in pages. */
async function* pagesOf(
  store: EventStore,
  streams: readonly string[] | 'all',
  toPosition: number | undefined,
): AsyncGenerator<readonly FoldedEvent[]> {
  const options = toPosition === undefined ? {} : { to: toPosition };
  if (streams === 'all') {
    yield* readPages(store, options);
    return;
  }
  if (streams.length > MAX_STREAM_READS) {
    const wanted = new Set(streams);
    for await (const page of readPages(store, options)) yield page.filter((e) => wanted.has(e.streamId));
    return;
  }
  const events: FoldedEvent[] = [];
  for (const streamId of streams) {
    for await (const event of store.readStream(streamId)) {
      if (toPosition !== undefined && event.globalPosition > toPosition) break;
      events.push(event);
    }
  }
  events.sort((a, b) => a.globalPosition - b.globalPosition);
  yield events;
}

/** The duty record of a scope, folded from the log, with what could not be applied. */
export interface LoadedDutyRecord {
  readonly state: DutyRecordState;
  readonly anomalies: readonly Anomaly[];
  /** The position of the last event folded (0 when none). */
  readonly checkpoint: number;
}

/**
 * The duty record of a scope (everything, one member, one committee), folded from the streams the record
 * index names for it, in global order, keeping what a filter keeps (as of a position or an instant; acts that
 * occurred in a window). Every query of a member or a committee answers from it exactly as from the whole
 * record, while reading only the streams that concern it.
 */
export async function loadDutyRecord(
  store: EventStore,
  index: RecordIndexState,
  scope: RecordScope,
  filter: LogFilter = {},
): Promise<LoadedDutyRecord> {
  const streams = streamsInScope(index, scope);
  const folded = await foldPages(pagesOf(store, streams, filter.toPosition), [dutyRecordProjection], filter);
  return {
    state: folded.states.get(dutyRecordProjection.name) as DutyRecordState,
    anomalies: folded.anomalies.get(dutyRecordProjection.name) ?? [],
    checkpoint: folded.checkpoint,
  };
}

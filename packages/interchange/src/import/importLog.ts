import {
  type AppendRequest,
  ConcurrencyError,
  DuplicateEventIdError,
  type EventStore,
  type ProposedEvent,
  type RecordedEvent,
} from '@lvzhi/core';
import { parseExportedEvent } from '../jsonl/exportedEvent.ts';
import { ExportChecker, type ExportDecoder, type ExportLine } from './exportChecker.ts';
import { type ImportRefusal, importRefusal } from './importRefusal.ts';

/** Options of `importLog` and `checkExport`. */
export interface ImportOptions {
  /** How to read a decoded line: `parseExportedEvent` (the `jsonl` export, the default) or `fromCloudEvent`. */
  readonly decode?: ExportDecoder;
  /** Events per transaction (default 1,000). */
  readonly batchSize?: number;
}

/** What an import did (or, refused, had done before it stopped). */
export interface ImportSummary {
  /** Lines read, blank ones included. */
  readonly lines: number;
  /** Events of the export read and checked. */
  readonly events: number;
  /** Events written to the target now. */
  readonly imported: number;
  /** Events already in the target from an earlier, interrupted run of the same import (skipped). */
  readonly alreadyPresent: number;
  readonly streams: number;
}

/** The outcome of an import: done, or refused with the first offending line. */
export type ImportOutcome =
  | { readonly status: 'imported'; readonly summary: ImportSummary }
  | { readonly status: 'refused'; readonly refusal: ImportRefusal; readonly summary: ImportSummary };

interface Pending {
  readonly line: number;
  readonly event: RecordedEvent;
}

/**
 * Imports an export into an empty store, reproducing every hash: each event is appended to its stream in
 * global order with its own id, type, data and metadata, the store chains it again, and the hash it computes
 * must equal the exported one. A target holding exactly the beginning of the same export (an interrupted
 * import) is resumed: those events are skipped. Anything else in the target is refused, as is the first line
 * that is not a valid, correctly chained event (nothing of its batch is written).
 *
 * @example
 * const outcome = await importLog(store, lines);
 * if (outcome.status === 'refused') console.error(outcome.refusal.message);
 */
export async function importLog(
  store: EventStore,
  lines: AsyncIterable<ExportLine>,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const checker = new ExportChecker(options.decode ?? parseExportedEvent);
  const batchSize = options.batchSize ?? 1000;
  const existing = store.readAll()[Symbol.asyncIterator]();
  let resuming = true;
  let lineCount = 0;
  let imported = 0;
  let alreadyPresent = 0;
  let batch: Pending[] = [];
  const summary = (): ImportSummary => ({
    lines: lineCount,
    events: checker.events,
    imported,
    alreadyPresent,
    streams: checker.streams,
  });
  const refuse = async (refusal: ImportRefusal): Promise<ImportOutcome> => {
    await existing.return?.();
    return { status: 'refused', refusal, summary: summary() };
  };
  const flush = async (): Promise<ImportRefusal | undefined> => {
    if (batch.length === 0) return undefined;
    const written = await appendBatch(store, batch);
    if (written.refusal) return written.refusal;
    imported += batch.length;
    batch = [];
    return undefined;
  };

  for await (const line of lines) {
    lineCount += 1;
    const checked = checker.check(line);
    if (checked.kind === 'blank') continue;
    if (checked.kind === 'refused') return refuse(checked.refusal);
    const { event } = checked;
    if (resuming) {
      const next = await existing.next();
      if (!next.done) {
        const stored = next.value;
        if (stored.eventId !== event.eventId || stored.hash !== event.hash) {
          return refuse(notThisExport(line.number, event, stored));
        }
        alreadyPresent += 1;
        continue;
      }
      resuming = false;
    }
    batch.push({ line: line.number, event });
    if (batch.length >= batchSize) {
      const refusal = await flush();
      if (refusal) return refuse(refusal);
    }
  }
  const refusal = await flush();
  if (refusal) return refuse(refusal);
  if (resuming) {
    const next = await existing.next();
    if (!next.done) return refuse(notThisExport(undefined, undefined, next.value));
  }
  return { status: 'imported', summary: summary() };
}

/**
 * Checks an export without a store: every line a valid envelope, in order, every chain and hash intact.
 * Returns the first refusal, or none.
 */
export async function checkExport(
  lines: AsyncIterable<ExportLine>,
  options: Pick<ImportOptions, 'decode'> = {},
): Promise<{
  readonly refusal: ImportRefusal | undefined;
  readonly events: number;
  readonly streams: number;
}> {
  const checker = new ExportChecker(options.decode ?? parseExportedEvent);
  for await (const line of lines) {
    const checked = checker.check(line);
    if (checked.kind === 'refused') {
      return { refusal: checked.refusal, events: checker.events, streams: checker.streams };
    }
  }
  return { refusal: undefined, events: checker.events, streams: checker.streams };
}

/** The target holds an event where the export has another (or none). */
function notThisExport(
  line: number | undefined,
  event: RecordedEvent | undefined,
  stored: RecordedEvent,
): ImportRefusal {
  const where = `position ${stored.globalPosition} (${stored.streamId} version ${stored.streamVersion}, event ${stored.eventId})`;
  const whereZh = `位置 ${stored.globalPosition}（流 ${stored.streamId} 第 ${stored.streamVersion} 版，事件 ${stored.eventId}）`;
  return importRefusal(
    'target-not-empty',
    {
      line,
      eventId: stored.eventId,
      streamId: stored.streamId,
      streamVersion: stored.streamVersion,
      expected: event?.eventId,
      actual: stored.eventId,
    },
    line === undefined
      ? `the target store is not empty: it holds ${where} beyond the end of this export; import into an empty store`
      : `the target store is not empty: at line ${line} it holds ${where} instead of event ${event?.eventId}; import into an empty store (or resume an import of this same file)`,
    line === undefined
      ? `目标存储不为空：其中 ${whereZh} 超出本导出文件的范围；请导入到空存储`
      : `目标存储不为空：第 ${line} 行处存有 ${whereZh}，而非事件 ${event?.eventId}；请导入到空存储（或续传同一文件的导入）`,
  );
}

/** Appends a batch in one transaction, stream runs in global order, and compares the hashes the store computed. */
async function appendBatch(
  store: EventStore,
  batch: readonly Pending[],
): Promise<{ readonly refusal?: ImportRefusal }> {
  const requests: (AppendRequest & { readonly events: ProposedEvent[] })[] = [];
  for (const { event } of batch) {
    const last = requests.at(-1);
    const proposed: ProposedEvent = {
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata: event.metadata,
    };
    if (last?.streamId === event.streamId) last.events.push(proposed);
    else
      requests.push({
        streamId: event.streamId,
        events: [proposed],
        expectedVersion: event.streamVersion - 1,
      });
  }
  let results: Awaited<ReturnType<EventStore['appendMany']>>;
  try {
    results = await store.appendMany(requests);
  } catch (error) {
    if (error instanceof ConcurrencyError || error instanceof DuplicateEventIdError) {
      const first = batch[0]!;
      return {
        refusal: importRefusal(
          'conflict',
          { line: first.line, eventId: first.event.eventId, streamId: first.event.streamId },
          `the batch from line ${first.line} could not be written: ${error.message} (another writer, or an event id used twice); nothing of it was written`,
          `自第 ${first.line} 行起的一批记录无法写入：${error.message}（另有写入者，或事件编号重复）；该批未写入任何内容`,
        ),
      };
    }
    throw error;
  }
  const stored = results.flatMap((r) => r.events);
  for (const [i, { line, event }] of batch.entries()) {
    const got = stored[i];
    if (got?.hash === event.hash && got.streamVersion === event.streamVersion) continue;
    return {
      refusal: importRefusal(
        'hash-mismatch',
        {
          line,
          eventId: event.eventId,
          streamId: event.streamId,
          streamVersion: event.streamVersion,
          expected: event.hash,
          actual: got?.hash,
        },
        `line ${line}: the target store chained ${event.streamId} version ${event.streamVersion} (event ${event.eventId}) to hash ${got?.hash}, not the exported ${event.hash}; the target is not a faithful copy, discard it`,
        `第 ${line} 行：目标存储为流 ${event.streamId} 第 ${event.streamVersion} 版（事件 ${event.eventId}）算出的哈希为 ${got?.hash}，而非导出的 ${event.hash}；目标不是忠实副本，请弃用`,
      ),
    };
  }
  return {};
}

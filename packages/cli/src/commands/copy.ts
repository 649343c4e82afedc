import {
  type AuditReport,
  copyRequests,
  type EventStore,
  type RecordedEvent,
  SEAL_STREAM,
  verifyLog,
} from '@lvzhi/core';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { CommandContext } from '../context.ts';
import { ExitCode } from '../exitCodes.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Messages } from '../i18n/messages.ts';
import { type CliIo, write } from '../io.ts';
import { wantsProgress } from '../record/progress.ts';
import { openStore } from '../stores/storeUrl.ts';
import {
  auditFailure,
  CopyFailure,
  describe,
  describeZh,
  foreignTarget,
  hashMismatch,
} from './copyFailures.ts';
import { formatOption, type OutputFormat } from './formatOption.ts';
import { positiveInteger } from './positiveInteger.ts';

interface CopyOptions {
  readonly from: string;
  readonly to: string;
  readonly batchSize: number;
  readonly format: OutputFormat;
}

/** Events per read page and per append transaction, unless `--batch-size` says otherwise. */
const DEFAULT_BATCH_SIZE = 1_000;

/** What a finished copy reports. */
export interface CopySummary {
  /** Events appended by this run. */
  readonly copied: number;
  /** Events the target already held (a prefix of the source: an earlier, interrupted copy). */
  readonly alreadyPresent: number;
  /** The source's highest position when the copy started. */
  readonly sourceHead: number;
  /** The source position the target now holds everything up to. */
  readonly copiedThrough: number;
  readonly audit: AuditReport;
}

/** `lvzhi copy --from URL --to URL`: the whole log into another store, with ids, order and hashes kept. */
export function registerCopy(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('copy')
    .description(t.copyDescription)
    .requiredOption('--from <url>', t.copyOptFrom)
    .requiredOption('--to <url>', t.copyOptTo)
    .option('--batch-size <n>', t.copyOptBatch, positiveInteger, DEFAULT_BATCH_SIZE)
    .addOption(formatOption(t))
    .addHelpText('after', t.copyHelpAfter)
    .action(async (options: CopyOptions) => {
      const source = await openStore(options.from, { cwd: ctx.io.cwd, readOnly: true });
      try {
        const target = await openStore(options.to, { cwd: ctx.io.cwd });
        try {
          const started = performance.now();
          const summary = await copyLog(source, target, {
            batchSize: options.batchSize,
            progress: copyProgress(ctx.io, t),
          });
          await report(summary, options, ctx, (performance.now() - started) / 1000);
          ctx.setExitCode(ExitCode.ok);
        } catch (error) {
          if (!(error instanceof CopyFailure)) throw error;
          await reportFailure(error, options, ctx);
          ctx.setExitCode(ExitCode.rejected);
        } finally {
          await target.close();
        }
      } finally {
        await source.close();
      }
    });
}

/** The phases of a copy, as the progress bar names them. */
export type CopyPhase = 'check' | 'copy' | 'compare' | 'audit';

/** How a copy reports its progress (a bar on a terminal, nothing otherwise). */
export interface CopyProgress {
  /** A new phase: `total` source positions (or streams, for the audit). */
  phase(phase: CopyPhase, total: number): void;
  /** `value` reached (a source position, or streams audited), `count` items done in this phase. */
  update(value: number, count: number): void;
  stop(): void;
}

const QUIET: CopyProgress = { phase: () => {}, update: () => {}, stop: () => {} };

/**
 * Copies the whole log of `source` into `target`, event by event in global order, with the same ids,
 * versions, data and metadata, so that the target chains the same hashes. A target that holds events already
 * must hold a prefix of the source (the same ids and hashes in the same order): an interrupted copy then
 * goes on from where it stopped; any other target is refused before anything is written. Each batch is one
 * `appendMany` (all or nothing). At the end every target event is compared with the source's and the target
 * is audited (`verifyLog`); a difference is a `CopyFailure` naming the first one.
 */
export async function copyLog(
  source: EventStore,
  target: EventStore,
  options: { readonly batchSize?: number; readonly progress?: CopyProgress } = {},
): Promise<CopySummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const progress = options.progress ?? QUIET;
  try {
    // Up to the head as it stands now (a store that only shows settled events, as PostgreSQL does, may stop
    // short of it: a later run takes the rest).
    const sourceHead = await source.headPosition();
    const events = source.readAll({ to: sourceHead, batchSize })[Symbol.asyncIterator]();
    try {
      progress.phase('check', sourceHead);
      const alreadyPresent = await checkPrefix(events, target, progress);
      progress.phase('copy', sourceHead);
      const { copied, last } = await copyRest(events, target, batchSize, progress, alreadyPresent);
      const copiedThrough = last ?? alreadyPresent.last;
      progress.phase('compare', copiedThrough);
      const streams = await compareLogs(source, target, copiedThrough, batchSize, progress);
      progress.phase('audit', streams);
      const audit = await verifyLog(target, { onProgress: (n) => progress.update(n, n) });
      if (!audit.ok) throw auditFailure(audit);
      return { copied, alreadyPresent: alreadyPresent.count, sourceHead, copiedThrough, audit };
    } finally {
      await events.return?.();
    }
  } finally {
    progress.stop();
  }
}

/** Whether two events are the same event, chained the same way (the hash covers stream, version and payload). */
const sameEvent = (a: RecordedEvent, b: RecordedEvent) => a.eventId === b.eventId && a.hash === b.hash;

/**
 * Reads the target from the start against the source's first events: every target event must be the
 * source's event at the same index. Returns how many there are and the source position of the last.
 */
async function checkPrefix(
  events: AsyncIterator<RecordedEvent>,
  target: EventStore,
  progress: CopyProgress,
): Promise<{ count: number; last: number }> {
  let count = 0;
  let last = 0;
  for await (const held of target.readAll()) {
    const next = await events.next();
    const index = count + 1;
    if (next.done) {
      throw new CopyFailure(
        'foreign-target',
        `the target holds more events than the source: its event #${index}, ${describe(held)}, is not in the source. Copy into an empty store, or one an earlier copy of this source left.`,
        `目标存储中的记录多于源存储：其第 ${index} 条记录 ${describeZh(held)} 不在源存储中。请复制到空存储，或此前从同一源存储复制（中断）的存储。`,
        { eventId: held.eventId, index },
      );
    }
    if (!sameEvent(next.value, held)) throw foreignTarget(index, next.value, held);
    count = index;
    last = next.value.globalPosition;
    progress.update(last, count);
  }
  return { count, last };
}
/** Appends the rest of the source in batches of consecutive events; each batch is one transaction. */
async function copyRest(
  events: AsyncIterator<RecordedEvent>,
  target: EventStore,
  batchSize: number,
  progress: CopyProgress,
  before: { readonly count: number },
): Promise<{ copied: number; last: number | undefined }> {
  let copied = 0;
  let last: number | undefined;
  let batch: RecordedEvent[] = [];
  const flush = async () => {
    await appendBatch(target, batch, before.count + copied);
    copied += batch.length;
    last = batch.at(-1)!.globalPosition;
    progress.update(last, copied);
    batch = [];
  };
  for (let next = await events.next(); !next.done; next = await events.next()) {
    batch.push(next.value);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return { copied, last };
}

/**
 * One `appendMany` for a batch: one request per run of consecutive events of a stream, in global order, each
 * expecting the stream at the version before its first event; the stored events must be the originals.
 */
async function appendBatch(
  target: EventStore,
  batch: readonly RecordedEvent[],
  before: number,
): Promise<void> {
  const stored = (await target.appendMany(copyRequests(batch))).flatMap((r) => r.events);
  batch.forEach((original, i) => {
    const copy = stored[i];
    if (!copy || !sameEvent(original, copy) || copy.streamVersion !== original.streamVersion)
      throw hashMismatch(before + i + 1, original, copy);
  });
}

/**
 * Reads both logs side by side: the target must hold exactly the source's events up to `through`, with the
 * same ids, in the same order, with the same hashes. Returns the number of streams an audit goes through
 * (events at version 1, the seals' stream aside).
 */
async function compareLogs(
  source: EventStore,
  target: EventStore,
  through: number,
  batchSize: number,
  progress: CopyProgress,
): Promise<number> {
  const copies = target.readAll({ batchSize })[Symbol.asyncIterator]();
  let index = 0;
  let streams = 0;
  try {
    for await (const original of source.readAll({ to: through, batchSize })) {
      index += 1;
      const copy = await copies.next();
      if (copy.done || !sameEvent(original, copy.value))
        throw hashMismatch(index, original, copy.done ? undefined : copy.value);
      if (original.streamVersion === 1 && original.streamId !== SEAL_STREAM) streams += 1;
      if (index % 1_000 === 0) progress.update(original.globalPosition, index);
    }
    const extra = await copies.next();
    if (!extra.done) {
      throw new CopyFailure(
        'hash-mismatch',
        `the target holds more than the copy: its event #${index + 1}, ${describe(extra.value)}, is not in the source (another process wrote to it?)`,
        `目标存储中的记录多于所复制的：其第 ${index + 1} 条记录 ${describeZh(extra.value)} 不在源存储中（有其他进程写入？）`,
        { eventId: extra.value.eventId, index: index + 1 },
      );
    }
  } finally {
    await copies.return?.();
  }
  return streams;
}

/** The progress bar on stderr (a terminal, `CI` not set), or none. */
function copyProgress(io: CliIo, t: Messages): CopyProgress {
  if (!wantsProgress(io)) return QUIET;
  const bar = new cliProgress.SingleBar(
    { stream: io.stderr, format: t.copyProgressFormat, hideCursor: true, clearOnComplete: true, fps: 10 },
    cliProgress.Presets.shades_classic,
  );
  let started = performance.now();
  let running = false;
  let unit = t.copyUnitEvents;
  return {
    phase: (phase, total) => {
      started = performance.now();
      unit = phase === 'audit' ? t.copyUnitStreams : t.copyUnitEvents;
      const payload = { phase: t.copyPhases[phase], count: 0, rate: 0, unit };
      if (running) {
        bar.setTotal(Math.max(total, 1));
        bar.update(0, payload);
      } else {
        bar.start(Math.max(total, 1), 0, payload);
        running = true;
      }
    },
    update: (value, count) => {
      const seconds = (performance.now() - started) / 1000;
      bar.update(value, { count, rate: seconds > 0 ? Math.round(count / seconds) : 0, unit });
    },
    stop: () => {
      if (running) bar.stop();
      running = false;
    },
  };
}

/** A store URL as it may be shown: a password in it is masked. */
export function shownUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):[^@/]*@/i, '$1:***@');
}

async function report(summary: CopySummary, options: CopyOptions, ctx: CommandContext, seconds: number) {
  const { io, t } = ctx;
  const { audit } = summary;
  const from = shownUrl(options.from);
  const to = shownUrl(options.to);
  const events = summary.alreadyPresent + summary.copied;
  if (options.format === 'json') {
    const json = {
      ok: true,
      from,
      to,
      copied: summary.copied,
      alreadyPresent: summary.alreadyPresent,
      events,
      sourceHead: summary.sourceHead,
      copiedThrough: summary.copiedThrough,
      hashesEqual: true,
      audit: { intact: audit.ok, streams: audit.streams, events: audit.events, seal: audit.seal ?? null },
    };
    await write(io.stdout, `${JSON.stringify(json)}\n`);
    return;
  }
  const lines = [
    t.copyDone(summary.copied, summary.alreadyPresent, from, to),
    t.copyHeld(events, summary.copiedThrough),
    t.copyVerified(audit.streams, audit.events),
  ];
  if (summary.copiedThrough < summary.sourceHead) lines.push(t.copyUnsettled(summary.sourceHead));
  lines.push(t.copySeconds(seconds));
  await write(io.stdout, `${lines.join('\n')}\n`);
}

async function reportFailure(failure: CopyFailure, options: CopyOptions, ctx: CommandContext) {
  const { io, t, lang } = ctx;
  const message = messageIn(failure, lang);
  if (options.format === 'json') {
    const error = {
      kind: failure.kind,
      message: failure.message,
      messageZh: failure.messageZh,
      ...failure.where,
    };
    await write(
      io.stdout,
      `${JSON.stringify({ ok: false, from: shownUrl(options.from), to: shownUrl(options.to), error })}\n`,
    );
  }
  await write(io.stderr, `${t.failurePrefix}${message}\n`);
}

const messageIn = (failure: CopyFailure, lang: Lang) => (lang === 'zh' ? failure.messageZh : failure.message);

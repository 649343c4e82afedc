import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { CommandHandler, DEFAULT_RECORDER_POLICY, type EventStore } from '@lvzhi/core';
import type { Command } from 'commander';
import { type CommandContext, globalOptions } from '../context.ts';
import { ExitCode, UsageError } from '../exitCodes.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Messages } from '../i18n/messages.ts';
import { write } from '../io.ts';
import { shortValue } from '../output/table.ts';
import { AtomicGuardedStore } from '../record/guardedStore.ts';
import { MAX_LINE_BYTES, readLines } from '../record/jsonLines.ts';
import type { RejectedLine } from '../record/lineRejection.ts';
import { recordProgress } from '../record/progress.ts';
import { type LineTag, type RecordSummary, recordLines } from '../record/recordLines.ts';
import { openStore } from '../stores/storeUrl.ts';
import { formatOption, type OutputFormat } from './formatOption.ts';
import { positiveInteger } from './positiveInteger.ts';

interface RecordOptions {
  readonly atomic?: boolean;
  readonly format: OutputFormat;
  readonly batchSize: number;
  /** Refuse commands whose `recordedBy` is not a registered recorder allowed by the default policy. */
  readonly enforceRecorders?: boolean;
}

/** `lvzhi record FILE|-`: the main job. */
export function registerRecord(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('record')
    .description(t.recordDescription)
    .argument('<file>', t.recordFile)
    .option('--atomic', t.recordAtomic)
    .option('--enforce-recorders', t.recordEnforceRecorders)
    .addOption(formatOption(t))
    .option('--batch-size <n>', t.recordBatch, positiveInteger, 1000)
    .action(async (file: string, options: RecordOptions, command: Command) => {
      const { store: url } = globalOptions(command);
      const input = await openInput(file, ctx);
      const store = await openStore(url, { cwd: ctx.io.cwd });
      try {
        ctx.setExitCode(await record(input, store, options, ctx));
      } finally {
        await store.close();
      }
    });
}

interface Input {
  readonly name: string;
  readonly source: string;
  readonly stream: Readable;
  readonly size: number | undefined;
}

async function openInput(file: string, ctx: CommandContext): Promise<Input> {
  if (file === '-') return { name: '-', source: 'stdin', stream: ctx.io.stdin, size: undefined };
  const path = resolve(ctx.io.cwd, file);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(ctx.t.recordNoFile(file));
  if (info.isDirectory()) throw new UsageError(ctx.t.recordIsDirectory(file));
  return {
    name: file,
    source: basename(path),
    stream: createReadStream(path, { highWaterMark: 256 * 1024 }),
    size: info.isFile() ? info.size : undefined,
  };
}

async function record(
  input: Input,
  store: EventStore,
  options: RecordOptions,
  ctx: CommandContext,
): Promise<ExitCode> {
  const { io, t, lang } = ctx;
  const json = options.format === 'json';
  const atomic = options.atomic === true;
  const guarded = atomic ? new AtomicGuardedStore(store) : undefined;
  const handler = new CommandHandler<LineTag>(
    guarded ?? store,
    options.enforceRecorders === true ? { recorderPolicy: DEFAULT_RECORDER_POLICY } : {},
  );
  const progress = recordProgress(io, t, input.size);
  const rejections: RejectedLine[] = [];
  let summary: RecordSummary;
  try {
    summary = await recordLines(readLines(input.stream), handler, {
      source: input.source,
      atomic,
      batchSize: options.batchSize,
      onProgress: (p) => progress.update(p),
      onRejected: async (r) => {
        if (json) rejections.push(r);
        else {
          if (rejections.length === 0) await progress.print(`${t.rejectedHeading}\n`);
          rejections.push(r);
          await progress.print(describeRejection(r, t, lang));
        }
      },
      ...(guarded ? { beforeAtomicCommit: () => guarded.allowOneAppend() } : {}),
    });
  } finally {
    progress.stop();
    input.stream.destroy();
  }
  if (json) {
    await write(io.stdout, `${JSON.stringify(jsonReport(input, summary, rejections))}\n`);
  } else {
    await write(io.stdout, `${t.summary(summary)}\n`);
    if (atomic)
      await write(
        io.stdout,
        `${summary.rejected > 0 ? t.atomicDiscarded(summary.discarded) : t.atomicCommitted}\n`,
      );
  }
  return summary.rejected > 0 ? ExitCode.rejected : ExitCode.ok;
}

/** The field at fault as a path in the line (`data.status`, `meta.recordedBy`, `command`). */
export function fieldPath(r: RejectedLine): string | undefined {
  const field = r.reason.field;
  if (field === undefined) return undefined;
  // Schema rejections name the path in the whole line; decisions name a field of `data`.
  const inLine =
    r.reason.code === 'invalid-command' ||
    r.reason.code === 'unknown-command' ||
    field.startsWith('meta.') ||
    field.startsWith('data.');
  return inLine ? field : `data.${field}`;
}

function describeRejection(r: RejectedLine, t: Messages, lang: Lang): string {
  const field = fieldPath(r);
  const value = 'value' in r.reason && r.reason.value !== undefined ? shortValue(r.reason.value) : undefined;
  const rule = lang === 'zh' ? r.reason.messageZh : r.reason.message;
  const parts = [
    t.rejectedLine(r.line),
    r.command ?? t.noValue,
    field === undefined ? t.noValue : value === undefined ? field : `${field} = ${value}`,
    `${r.reason.code}: ${rule}${r.reason.detail ? ` (${r.reason.detail})` : ''}`,
  ];
  return `  ${parts.join(' · ')}\n`;
}

function jsonReport(input: Input, summary: RecordSummary, rejections: readonly RejectedLine[]) {
  return {
    file: input.name,
    ...summary,
    maxLineBytes: MAX_LINE_BYTES,
    rejections: rejections.map((r) => ({
      line: r.line,
      command: r.command ?? null,
      code: r.reason.code,
      field: fieldPath(r) ?? null,
      value: r.reason.value ?? null,
      message: r.reason.message,
      messageZh: r.reason.messageZh,
      ...(r.reason.detail === undefined ? {} : { detail: r.reason.detail }),
    })),
  };
}

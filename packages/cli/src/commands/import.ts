import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { ExportLine, ImportRefusal, ImportSummary } from '@lvzhi/interchange';
import { type Command, Option } from 'commander';
import { type CommandContext, globalOptions } from '../context.ts';
import { ExitCode, UsageError } from '../exitCodes.ts';
import type { Messages } from '../i18n/messages.ts';
import { write } from '../io.ts';
import { readLines } from '../record/jsonLines.ts';
import { type RecordProgress, recordProgress } from '../record/progress.ts';
import { openStore } from '../stores/storeUrl.ts';
import { formatOption, type OutputFormat } from './formatOption.ts';
import { positiveInteger } from './positiveInteger.ts';

/** A seal holds every stream head, so an export line can be far longer than a command line. */
const MAX_EXPORT_LINE_BYTES = 256 * 1024 * 1024;

const INPUT_FORMATS = ['jsonl', 'cloudevents'] as const;

interface ImportCommandOptions {
  readonly from: (typeof INPUT_FORMATS)[number];
  readonly check?: boolean;
  readonly batchSize: number;
  readonly format: OutputFormat;
}

/** The interchange package, loaded when an import runs. */
type Interchange = typeof import('@lvzhi/interchange');

interface Input {
  readonly name: string;
  /** Opens the input from its start; a file can be opened twice (checked, then imported), stdin once. */
  readonly open: () => Readable;
  readonly rereadable: boolean;
  readonly size: number | undefined;
}

/** `lvzhi import FILE|-`: a `jsonl` (or CloudEvents JSON Lines) export into an empty store, every hash reproduced. */
export function registerImport(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('import')
    .description(t.importDescription)
    .argument('<file>', t.importFile)
    .addOption(new Option('--from <format>', t.importFrom).choices(INPUT_FORMATS).default('jsonl'))
    .option('--check', t.importCheck)
    .option('--batch-size <n>', t.importBatch, positiveInteger, 1000)
    .addOption(formatOption(t))
    .action(async (file: string, options: ImportCommandOptions, command: Command) => {
      const input = await openInput(file, ctx);
      const interchange = await import('@lvzhi/interchange');
      if (options.check) {
        ctx.setExitCode(await check(interchange, input, options, ctx));
        return;
      }
      if (input.rereadable) {
        // Check the whole file first, so that a damaged export writes nothing at all.
        const code = await check(interchange, input, options, ctx, true);
        if (code !== ExitCode.ok) {
          ctx.setExitCode(code);
          return;
        }
      }
      const store = await openStore(globalOptions(command).store, { cwd: ctx.io.cwd });
      try {
        const progress = recordProgress(ctx.io, t, input.size);
        const lines = exportLines(input, progress, t);
        const decode = decoder(interchange, options);
        const outcome = await interchange
          .importLog(store, lines, { decode, batchSize: options.batchSize })
          .finally(() => progress.stop());
        const refusal = outcome.status === 'refused' ? outcome.refusal : undefined;
        await report(input, outcome.summary, refusal, options, ctx);
        ctx.setExitCode(refusal ? ExitCode.rejected : ExitCode.ok);
      } finally {
        await store.close();
      }
    });
}

async function openInput(file: string, ctx: CommandContext): Promise<Input> {
  if (file === '-') return { name: '-', open: () => ctx.io.stdin, rereadable: false, size: undefined };
  const path = resolve(ctx.io.cwd, file);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(ctx.t.recordNoFile(file));
  if (info.isDirectory()) throw new UsageError(ctx.t.recordIsDirectory(file));
  return {
    name: file,
    open: () => createReadStream(path, { highWaterMark: 256 * 1024 }),
    rereadable: info.isFile(),
    size: info.isFile() ? info.size : undefined,
  };
}

const decoder = ({ fromCloudEvent, parseExportedEvent }: Interchange, options: ImportCommandOptions) =>
  options.from === 'cloudevents' ? fromCloudEvent : parseExportedEvent;

/** The lines of the input, reporting progress; a line too long to hold stops the import. */
async function* exportLines(input: Input, progress: RecordProgress, t: Messages): AsyncGenerator<ExportLine> {
  const stream = input.open();
  try {
    for await (const line of readLines(stream, { maxLineBytes: MAX_EXPORT_LINE_BYTES })) {
      if ('tooLong' in line) throw new Error(t.importLineTooLong(line.number, line.bytes));
      progress.update({ lines: line.number, bytesRead: line.bytesRead });
      yield line;
    }
  } finally {
    stream.destroy();
  }
}

/** Checks the export without a store; reports only a failure unless `--check` asked for the check itself. */
async function check(
  interchange: Interchange,
  input: Input,
  options: ImportCommandOptions,
  ctx: CommandContext,
  quiet = false,
): Promise<ExitCode> {
  const progress = recordProgress(ctx.io, ctx.t, input.size);
  const lines = exportLines(input, progress, ctx.t);
  const result = await interchange
    .checkExport(lines, { decode: decoder(interchange, options) })
    .finally(() => progress.stop());
  if (quiet && !result.refusal) return ExitCode.ok;
  if (options.format === 'json') {
    await write(
      ctx.io.stdout,
      `${JSON.stringify({ file: input.name, intact: !result.refusal, events: result.events, streams: result.streams, ...(result.refusal ? { refusal: result.refusal } : {}) })}\n`,
    );
  } else if (result.refusal) {
    await write(ctx.io.stderr, `${ctx.t.failurePrefix}${refusalText(result.refusal, ctx)}\n`);
  } else {
    await write(ctx.io.stdout, `${ctx.t.importChecked(result.events, result.streams)}\n`);
  }
  return result.refusal ? ExitCode.rejected : ExitCode.ok;
}

async function report(
  input: Input,
  summary: ImportSummary,
  refusal: ImportRefusal | undefined,
  options: ImportCommandOptions,
  ctx: CommandContext,
): Promise<void> {
  const { io, t } = ctx;
  if (options.format === 'json') {
    await write(
      io.stdout,
      `${JSON.stringify({ file: input.name, status: refusal ? 'refused' : 'imported', ...summary, ...(refusal ? { refusal } : {}) })}\n`,
    );
    return;
  }
  await write(io.stdout, `${t.importSummary(summary)}\n`);
  if (refusal) await write(io.stderr, `${t.failurePrefix}${refusalText(refusal, ctx)}\n`);
  else await write(io.stdout, `${t.importHashesMatch}\n`);
}

function refusalText(refusal: ImportRefusal, { lang }: CommandContext): string {
  return `${refusal.code}: ${lang === 'zh' ? refusal.messageZh : refusal.message}`;
}

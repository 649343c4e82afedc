import type { EventStore, RecordedEvent } from '@lvzhi/core';
import type { Command } from 'commander';
import { type CommandContext, globalOptions } from '../context.ts';
import { ExitCode } from '../exitCodes.ts';
import { write } from '../io.ts';
import { formatRows } from '../output/table.ts';
import { openStore } from '../stores/storeUrl.ts';
import { formatOption, type OutputFormat } from './formatOption.ts';
import { positiveInteger } from './positiveInteger.ts';

interface LogOptions {
  readonly stream?: string;
  readonly fromPosition?: number;
  readonly limit?: number;
  readonly format: OutputFormat;
}

const PAGE = 500;
const RIGHT = new Set([0, 2]);

/** `lvzhi log`: recorded events with their envelope. */
export function registerLog(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('log')
    .description(t.logDescription)
    .option('--stream <streamId>', t.logStream)
    .option('--from-position <n>', t.logFrom, positiveInteger)
    .option('--limit <n>', t.logLimit, positiveInteger)
    .addOption(formatOption(t))
    .action(async (options: LogOptions, command: Command) => {
      const store = await openStore(globalOptions(command).store, { cwd: ctx.io.cwd, readOnly: true });
      try {
        await printLog(store, options, ctx);
        ctx.setExitCode(ExitCode.ok);
      } finally {
        await store.close();
      }
    });
}

async function* selectEvents(store: EventStore, options: LogOptions): AsyncGenerator<RecordedEvent> {
  const from = options.fromPosition ?? 1;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (limit <= 0) return;
  const events =
    options.stream === undefined ? store.readAll({ after: from - 1 }) : store.readStream(options.stream);
  let n = 0;
  for await (const e of events) {
    if (e.globalPosition < from) continue;
    yield e;
    if (++n >= limit) return;
  }
}

async function printLog(store: EventStore, options: LogOptions, ctx: CommandContext): Promise<void> {
  const { io, t } = ctx;
  if (options.format === 'json') {
    for await (const e of selectEvents(store, options)) await write(io.stdout, `${JSON.stringify(e)}\n`);
    return;
  }
  const widths: number[] = [];
  let page: string[][] = [t.logHeaders];
  let count = 0;
  let first: number | undefined;
  let last: number | undefined;
  for await (const e of selectEvents(store, options)) {
    first ??= e.globalPosition;
    last = e.globalPosition;
    count += 1;
    page.push([
      String(e.globalPosition),
      e.streamId,
      String(e.streamVersion),
      e.type,
      e.metadata.recordedAt,
      e.metadata.recordedBy,
      e.hash.slice(0, 12),
    ]);
    if (page.length >= PAGE) {
      await write(io.stdout, formatRows(page, widths, RIGHT));
      page = [];
    }
  }
  if (count === 0) page = [];
  if (page.length > 0) await write(io.stdout, formatRows(page, widths, RIGHT));
  await write(io.stdout, `${t.logFooter(count, first, last)}\n`);
}

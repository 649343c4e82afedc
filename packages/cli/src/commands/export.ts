import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import {
  type DutyRecordState,
  dutyRecordProjection,
  type EventStore,
  projectLog,
  type RecordedEvent,
} from '@lvzhi/core';
import cliProgress from 'cli-progress';
import { type Command, Option } from 'commander';
import { type CommandContext, globalOptions } from '../context.ts';
import { ExitCode, UsageError } from '../exitCodes.ts';
import { write } from '../io.ts';
import { wantsProgress } from '../record/progress.ts';
import { openStore } from '../stores/storeUrl.ts';

/** The formats of `lvzhi export`. */
const EXPORT_FORMATS = ['jsonl', 'cloudevents', 'popolo'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The interchange package, loaded when an export runs. */
type Interchange = typeof import('@lvzhi/interchange');

interface ExportOptions {
  readonly format: ExportFormat;
  readonly out: string;
  readonly array?: boolean;
  readonly sourcePrefix?: string;
}

/** `lvzhi export --format jsonl|cloudevents|popolo [--out FILE|-]`: the log or the record in a standard format. */
export function registerExport(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('export')
    .description(t.exportDescription)
    .addOption(new Option('--format <format>', t.exportFormat).choices(EXPORT_FORMATS).default('jsonl'))
    .option('--out <file>', t.exportOut, '-')
    .option('--array', t.exportArray)
    .option('--source-prefix <uri>', t.exportSourcePrefix)
    .action(async (options: ExportOptions, command: Command) => {
      if (options.format !== 'cloudevents' && (options.array || options.sourcePrefix !== undefined)) {
        throw new UsageError(t.exportCloudEventsOnly);
      }
      const interchange = await import('@lvzhi/interchange');
      const store = await openStore(globalOptions(command).store, { cwd: ctx.io.cwd, readOnly: true });
      try {
        const count = await toOutput(options.out, ctx, (out) =>
          exportTo(interchange, out, store, options, ctx),
        );
        if (options.out !== '-')
          await write(ctx.io.stdout, `${t.exported(count, options.format, options.out)}\n`);
        ctx.setExitCode(ExitCode.ok);
      } finally {
        await store.close();
      }
    });
}

/** Writes to standard output, or to a temporary file renamed to FILE once complete (never a partial FILE). */
async function toOutput(
  out: string,
  ctx: CommandContext,
  produce: (stream: Writable) => Promise<number>,
): Promise<number> {
  if (out === '-') return produce(ctx.io.stdout);
  const path = resolve(ctx.io.cwd, out);
  const partial = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  const file = createWriteStream(partial);
  try {
    const count = await produce(file);
    file.end();
    await finished(file);
    await rename(partial, path);
    return count;
  } catch (error) {
    file.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** Writes the export; returns how many events (jsonl, cloudevents) or log events read (popolo). */
async function exportTo(
  { DEFAULT_SOURCE_PREFIX, toCloudEvent, toExportedEvent, toPopolo }: Interchange,
  out: Writable,
  store: EventStore,
  options: ExportOptions,
  ctx: CommandContext,
): Promise<number> {
  const progress = exportProgress(ctx, await store.headPosition());
  let count = 0;
  const events = async function* (): AsyncGenerator<RecordedEvent> {
    for await (const e of store.readAll()) {
      count += 1;
      progress.update(e.globalPosition, count);
      yield e;
    }
  };
  try {
    if (options.format === 'jsonl') {
      for await (const e of events()) await write(out, `${JSON.stringify(toExportedEvent(e))}\n`);
    } else if (options.format === 'cloudevents') {
      const sourcePrefix = options.sourcePrefix ?? DEFAULT_SOURCE_PREFIX;
      const [open, separator, close] = options.array ? ['[\n', ',\n', '\n]\n'] : ['', '\n', '\n'];
      for await (const e of events()) {
        await write(
          out,
          `${count === 1 ? open : separator}${JSON.stringify(toCloudEvent(e, { sourcePrefix }))}`,
        );
      }
      await write(out, count === 0 ? (options.array ? '[]\n' : '') : close);
    } else {
      // The store as projectLog reads it, counting events for the progress bar.
      const reading = new Proxy(store, {
        get: (target, key) => {
          if (key === 'readAll') return events;
          // Pages would bypass the count: read event by event.
          if (key === 'readPages') return undefined;
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const { states } = await projectLog(reading, [dutyRecordProjection]);
      const state = states.get(dutyRecordProjection.name) as DutyRecordState;
      await write(out, `${JSON.stringify(toPopolo(state), null, 2)}\n`);
    }
  } finally {
    progress.stop();
  }
  return count;
}

/** A progress bar on stderr over the log's positions (on a terminal, without CI), or nothing. */
function exportProgress(ctx: CommandContext, head: number) {
  if (!wantsProgress(ctx.io) || head === 0) return { update: () => {}, stop: () => {} };
  const started = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      stream: ctx.io.stderr,
      format: ctx.t.exportProgressFormat,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(head, 0, { events: 0, rate: 0 });
  return {
    update: (position: number, events: number) => {
      const seconds = (performance.now() - started) / 1000;
      bar.update(position, { events, rate: seconds > 0 ? Math.round(events / seconds) : 0 });
    },
    stop: () => bar.stop(),
  };
}

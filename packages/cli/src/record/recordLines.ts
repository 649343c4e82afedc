import type { CommandHandler, CommandOutcome } from '@lvzhi/core';
import type { InputLine } from './jsonLines.ts';
import { MAX_LINE_BYTES } from './jsonLines.ts';
import { invalidJson, lineTooLong, type RejectedLine } from './lineRejection.ts';

/** Which line a buffered command came from (the command handler's tag). */
export interface LineTag {
  readonly line: number;
  readonly command: string;
}

/** How to record a JSON Lines input. */
export interface RecordLinesOptions {
  /** Put in each event's metadata as `source`, followed by `:<line>` (e.g. the file's base name). */
  readonly source: string;
  /** All or nothing: buffer every command and write them in one transaction only if no line was rejected. */
  readonly atomic?: boolean;
  /** Commands per transaction when not atomic (default 1,000). */
  readonly batchSize?: number;
  readonly maxLineBytes?: number;
  /** Called once per rejected line, in order of discovery. */
  readonly onRejected?: (rejected: RejectedLine) => void | Promise<void>;
  /** Called every few hundred lines and at the end. */
  readonly onProgress?: (progress: { readonly lines: number; readonly bytesRead: number }) => void;
  /**
   * Called just before the single transaction of an atomic record; an atomic record writes nothing else.
   */
  readonly beforeAtomicCommit?: () => void;
}

/** What a record did. */
export interface RecordSummary {
  /** Lines read, blank ones included. */
  readonly lines: number;
  readonly blank: number;
  /** Commands that recorded an event (for an atomic record that wrote nothing: none). */
  readonly recorded: number;
  /** Commands identical to ones already recorded: accepted, nothing written. */
  readonly noop: number;
  readonly rejected: number;
  /** Events written to the store. */
  readonly written: number;
  readonly atomic: boolean;
  /** For an atomic record: commands that would have been recorded had no line been rejected. */
  readonly discarded: number;
}

/**
 * Records a JSON Lines input through a command handler: decides each line in order, flushes every
 * `batchSize` decided commands in one transaction (or, atomic, once at the end), and reports every rejected
 * line. Reads one line at a time.
 */
export async function recordLines(
  lines: AsyncIterable<InputLine>,
  handler: CommandHandler<LineTag>,
  options: RecordLinesOptions,
): Promise<RecordSummary> {
  const atomic = options.atomic ?? false;
  const batchSize = options.batchSize ?? 1000;
  const maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  let count = 0;
  let blank = 0;
  let recorded = 0;
  let noop = 0;
  let rejected = 0;
  let written = 0;
  let discarded = 0;
  let bytesRead = 0;

  // Synchronous unless `onRejected` returns a promise: settling a recorded command awaits nothing.
  const reject = (line: number, command: string | undefined, reason: RejectedLine['reason']) => {
    rejected += 1;
    return options.onRejected?.({ line, command, reason });
  };
  const settle = (line: number, command: string, outcome: CommandOutcome) => {
    if (outcome.status === 'recorded') {
      recorded += 1;
      written += outcome.events.length;
    } else if (outcome.status === 'no-op') noop += 1;
    else return reject(line, command, outcome.rejection);
    return undefined;
  };
  // Not atomic: each batch is written while the next one is decided (`flushAhead`); `flush` ends it.
  const flush = async (ahead: boolean) => {
    for (const { tag, outcome } of await (ahead ? handler.flushAhead() : handler.flush())) {
      const settled = settle(tag.line, tag.command, outcome);
      if (settled) await settled;
    }
  };

  for await (const input of lines) {
    count = input.number;
    bytesRead = input.bytesRead;
    if ((count & 0x1ff) === 0) options.onProgress?.({ lines: count, bytesRead });
    if ('tooLong' in input) {
      await reject(input.number, undefined, lineTooLong(input.bytes, maxLineBytes));
      continue;
    }
    const text = input.text;
    if (isBlank(text)) {
      blank += 1;
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      await reject(input.number, undefined, invalidJson((error as Error).message));
      continue;
    }
    const command = commandName(json);
    const tag: LineTag = { line: input.number, command: command ?? '' };
    let outcome = handler.trySubmit(json, tag, `${options.source}:${input.number}`);
    if (outcome instanceof Promise) outcome = await outcome;
    if (outcome !== 'pending') {
      const settled = settle(input.number, tag.command, outcome);
      if (settled) await settled;
    } else if (!atomic && handler.pendingCount >= batchSize) await flush(true);
  }

  if (!atomic) await flush(false);
  else if (rejected === 0) {
    options.beforeAtomicCommit?.();
    await flush(false);
  } else {
    discarded = handler.pendingCount;
    handler.discard();
  }
  options.onProgress?.({ lines: count, bytesRead });
  return { lines: count, blank, recorded, noop, rejected, written, atomic, discarded };
}

function isBlank(text: string): boolean {
  return text.length === 0 || text.trim().length === 0;
}

function commandName(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const name = (json as { command?: unknown }).command;
  return typeof name === 'string' ? name : undefined;
}

import { computeEventHash, EMPTY_HEAD, type RecordedEvent, type Result, type StreamHead } from '@lvzhi/core';
import type { LineIssue } from '../jsonl/exportedEvent.ts';
import { type ImportRefusal, importRefusal } from './importRefusal.ts';

/** One line of an export file as read: its 1-based number and its text. */
export interface ExportLine {
  readonly number: number;
  readonly text: string;
}

/** Turns one decoded line into an event envelope: `parseExportedEvent` (jsonl) or `fromCloudEvent`. */
export type ExportDecoder = (json: unknown) => Result<RecordedEvent, LineIssue>;

/** What a line of an export turned out to be. */
export type CheckedLine =
  | { readonly kind: 'event'; readonly line: number; readonly event: RecordedEvent }
  | { readonly kind: 'blank' }
  | { readonly kind: 'refused'; readonly refusal: ImportRefusal };

/**
 * Checks an export line by line, as a store would have written it: each line a valid envelope, global
 * positions increasing, each stream's versions consecutive, each `prevHash` the stream's previous hash, and
 * each `hash` the hash of the content. Keeps one head per stream, never the events.
 */
export class ExportChecker {
  readonly #decode: ExportDecoder;
  readonly #heads = new Map<string, StreamHead>();
  #position = 0;
  #events = 0;

  constructor(decode: ExportDecoder) {
    this.#decode = decode;
  }

  /** Events accepted so far. */
  get events(): number {
    return this.#events;
  }

  /** Streams seen so far. */
  get streams(): number {
    return this.#heads.size;
  }

  /** Checks the next line of the export. */
  check({ number: line, text }: ExportLine): CheckedLine {
    if (text.trim() === '') return { kind: 'blank' };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return refused(
        importRefusal(
          'invalid-line',
          { line },
          `line ${line} is not JSON: ${reason}`,
          `第 ${line} 行不是 JSON：${reason}`,
        ),
      );
    }
    const decoded = this.#decode(json);
    if (!decoded.ok) {
      const { field, message } = decoded.error;
      const where = field === undefined ? '' : ` ${field}`;
      return refused(
        importRefusal(
          'invalid-line',
          { line, field },
          `line ${line}${where}: ${message}`,
          `第 ${line} 行${where}：${message}`,
        ),
      );
    }
    const event = decoded.value;
    const at = { line, eventId: event.eventId, streamId: event.streamId, streamVersion: event.streamVersion };
    if (event.globalPosition <= this.#position) {
      return refused(
        importRefusal(
          'out-of-order',
          { ...at, expected: `> ${this.#position}`, actual: String(event.globalPosition) },
          `line ${line}: global position ${event.globalPosition} does not follow ${this.#position} (the export is not in global order)`,
          `第 ${line} 行：全局位置 ${event.globalPosition} 未排在 ${this.#position} 之后（导出文件未按全局顺序排列）`,
        ),
      );
    }
    const head = this.#heads.get(event.streamId) ?? EMPTY_HEAD;
    if (event.streamVersion !== head.version + 1) {
      return refused(
        importRefusal(
          'out-of-order',
          { ...at, expected: String(head.version + 1), actual: String(event.streamVersion) },
          `line ${line}: stream ${event.streamId} jumps from version ${head.version} to ${event.streamVersion}`,
          `第 ${line} 行：流 ${event.streamId} 由第 ${head.version} 版跳到第 ${event.streamVersion} 版`,
        ),
      );
    }
    if (event.prevHash !== head.hash) {
      return refused(
        importRefusal(
          'broken-chain',
          { ...at, expected: head.hash, actual: event.prevHash },
          `line ${line}: prevHash of ${event.streamId} version ${event.streamVersion} is not the hash of version ${head.version}`,
          `第 ${line} 行：流 ${event.streamId} 第 ${event.streamVersion} 版的前序哈希与第 ${head.version} 版的哈希不符`,
        ),
      );
    }
    const hash = computeEventHash(event);
    if (hash !== event.hash) {
      return refused(
        importRefusal(
          'hash-mismatch',
          { ...at, expected: event.hash, actual: hash },
          `line ${line}: ${event.streamId} version ${event.streamVersion} (event ${event.eventId}) does not match its hash (edited after export?)`,
          `第 ${line} 行：流 ${event.streamId} 第 ${event.streamVersion} 版（事件 ${event.eventId}）与其哈希不符（导出后被改动？）`,
        ),
      );
    }
    this.#heads.set(event.streamId, { version: event.streamVersion, hash });
    this.#position = event.globalPosition;
    this.#events += 1;
    return { kind: 'event', line, event };
  }
}

const refused = (refusal: ImportRefusal): CheckedLine => ({ kind: 'refused', refusal });

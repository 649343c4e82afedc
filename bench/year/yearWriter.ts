import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { Prng } from '../prng.ts';
import { RECORDERS } from './vocabulary.ts';

/** A member of a generated committee. */
export interface Member {
  readonly id: string;
  readonly committeeId: string;
  readonly standing: boolean;
  /** Days of 2019 (0-based, inclusive) of a long leave, if any. */
  readonly leave?: readonly [number, number];
}

/** A generated committee and its members. */
export interface Committee {
  readonly id: string;
  readonly name: string;
  readonly level: 'provincial' | 'county';
  readonly size: number;
  readonly members: Member[];
}

/** The local date of day `d` (0-based) of 2019. */
export function day(d: number): string {
  return new Date(Date.UTC(2019, 0, 1 + d)).toISOString().slice(0, 10);
}

/** Whether a member is on long leave on day `d`. */
export function onLeave(m: Member, d: number): boolean {
  return m.leave !== undefined && d >= m.leave[0] && d <= m.leave[1];
}

/** Writes commands of the record format to a file, each recorded the afternoon after its act. */
export class YearWriter {
  readonly rng: Prng;
  readonly #out: WriteStream;
  readonly #target: number;
  #lines = 0;

  constructor(path: string, target: number, seed: number) {
    this.rng = new Prng(seed);
    this.#out = createWriteStream(path, { highWaterMark: 1 << 20 });
    this.#target = target;
  }

  get lines(): number {
    return this.#lines;
  }

  /** Commands still to write to reach the target. */
  get budget(): number {
    return this.#target - this.#lines;
  }

  /** Writes one command whose act happens on day `d`. */
  async emit(command: string, data: Record<string, unknown>, d: number): Promise<void> {
    const meta = { recordedBy: this.rng.pick(RECORDERS), recordedAt: `${day(d + 1)}T17:30:00+08:00` };
    this.#lines += 1;
    if (!this.#out.write(`${JSON.stringify({ command, data, meta })}\n`)) await once(this.#out, 'drain');
  }

  async close(): Promise<void> {
    this.#out.end();
    await once(this.#out, 'finish');
  }
}

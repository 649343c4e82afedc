import { Worker } from 'node:worker_threads';
import { ROW_COLUMNS } from './threadAppendPlan.ts';

/** What the writer thread answers for one batch of rows. */
export type ThreadReply =
  | { readonly ok: true; readonly positions: Float64Array; readonly hashes: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** What the writer thread needs to open its own connection to the store's file. */
export interface AppendThreadOptions {
  readonly path: string;
  readonly busyTimeoutMs: number;
  readonly walAutocheckpointPages: number;
  readonly insertSql: string;
  readonly headPositionSql: string;
  readonly file: { readonly dev: number; readonly ino: number } | null;
}

/**
 * A worker thread with its own connection to the store's file that chains (hashes) and inserts rows planned
 * by `planThreadAppend`, so that the caller's thread can decide the next batch while this one is written. One batch at a time;
 * the thread keeps the process alive only while a batch is in flight.
 */
export class AppendThread {
  readonly #worker: Worker;
  #nextId = 1;
  #inFlight: { readonly id: number; readonly resolve: (reply: ThreadReply) => void } | undefined;
  /** Why the thread stopped, once it has: every later batch is answered `ok: false` at once. */
  #stopped: string | undefined;

  constructor(options: AppendThreadOptions) {
    this.#worker = new Worker(new URL('./appendWorker.mjs', import.meta.url), {
      workerData: { ...options, columns: ROW_COLUMNS },
    });
    this.#worker.unref();
    this.#worker.on('message', (reply: { id: number } & ThreadReply) => {
      const waiting = this.#inFlight;
      if (waiting?.id !== reply.id) return;
      this.#settle(reply);
    });
    this.#worker.on('error', (error) => this.#stop(`the writer thread failed: ${error.message}`));
    this.#worker.on('exit', (code) => this.#stop(`the writer thread exited (code ${code})`));
  }

  /** True once the thread has ended (every batch would be answered `ok: false`). */
  get stopped(): boolean {
    return this.#stopped !== undefined;
  }

  /**
   * Chains and inserts `rows` (`ROW_COLUMNS` values each) in one transaction if the log's last position is
   * still `expectedTop`; answers the positions and hashes given, or why nothing was written.
   */
  append(expectedTop: number, rows: readonly (string | number)[]): Promise<ThreadReply> {
    if (this.#stopped !== undefined) return Promise.resolve({ ok: false, reason: this.#stopped });
    if (this.#inFlight) throw new Error('AppendThread.append: one batch at a time');
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#inFlight = { id, resolve };
      this.#worker.ref();
      this.#worker.postMessage({ kind: 'append', id, expectedTop, rows });
    });
  }

  /** Closes the thread's connection and ends it (after the batch in flight, which the caller awaits first). */
  async close(): Promise<void> {
    if (this.#stopped !== undefined) return;
    this.#stopped = 'the store is closed';
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    this.#worker.ref();
    this.#worker.postMessage({ kind: 'close' });
    await exited;
  }

  #settle(reply: ThreadReply): void {
    const waiting = this.#inFlight;
    this.#inFlight = undefined;
    this.#worker.unref();
    waiting?.resolve(reply);
  }

  #stop(reason: string): void {
    this.#stopped ??= reason;
    if (this.#inFlight) this.#settle({ ok: false, reason });
  }
}

import pg from 'pg';

const LISTEN_RETRY_MS = 5_000;

/**
 * Wakes waiting subscriptions when events may have been appended: on a NOTIFY from any process (one LISTEN
 * connection per store, opened on first use and reopened after a failure), on an append through this
 * instance, on a poll timer, on abort and on close.
 */
export class LiveWakeups {
  readonly #config: pg.ClientConfig;
  readonly #channel: string;
  readonly #waiters = new Set<() => void>();
  #listener: Promise<pg.Client | undefined> | undefined;
  #signals = 0;
  #closed = false;
  /** After a failed LISTEN, when to try again (ms since epoch); waits poll meanwhile. */
  #retryAt = 0;

  constructor(config: pg.ClientConfig, channel: string) {
    this.#config = config;
    this.#channel = channel;
  }

  /** A counter that changes on every wake-up; read it before a query, pass it to `wait` after. */
  get count(): number {
    return this.#signals;
  }

  /** Wakes every waiter (an append was committed). */
  signal(): void {
    this.#signals += 1;
    for (const wake of [...this.#waiters]) wake();
  }

  /**
   * Resolves on the next wake-up after `seen` (at once if one already happened), after `pollIntervalMs`, on
   * abort or on close.
   */
  async wait(seen: number, pollIntervalMs: number, signal: AbortSignal | undefined): Promise<void> {
    await this.#listen();
    if (this.#signals !== seen || signal?.aborted || this.#closed) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, pollIntervalMs);
      this.#waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** Ends every wait and the LISTEN connection. */
  async close(): Promise<void> {
    this.#closed = true;
    this.signal();
    const client = await this.#listener;
    this.#listener = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Opens the LISTEN connection if none is open; without one, waits fall back to polling. */
  #listen(): Promise<pg.Client | undefined> {
    if (this.#closed || (!this.#listener && Date.now() < this.#retryAt)) return Promise.resolve(undefined);
    this.#listener ??= (async () => {
      const client = new pg.Client(this.#config);
      const drop = () => {
        this.#listener = undefined;
        client.end().catch(() => undefined);
      };
      client.on('error', drop);
      client.on('end', drop);
      client.on('notification', () => this.signal());
      try {
        await client.connect();
        await client.query(`LISTEN "${this.#channel}"`);
        if (this.#closed) await client.end();
        return client;
      } catch {
        this.#retryAt = Date.now() + LISTEN_RETRY_MS;
        drop();
        return undefined;
      }
    })();
    return this.#listener;
  }
}

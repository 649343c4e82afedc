import type { EsdbClient, ServerEvent, ServerEventStream, ServerResolvedEvent } from './client.ts';
import { closedError, toStoreError } from './storeErrors.ts';
import type { StreamNames } from './streamNames.ts';

/**
 * One store's use of a client: it tracks the server calls in flight so that `close` ends them, and turns the
 * client's failures into the port's errors (a call cut short by `close` fails as closed).
 */
export class ServerSession {
  readonly client: EsdbClient;
  /** The connection string, password masked, for messages. */
  readonly server: string;
  readonly names: StreamNames;
  readonly #open = new Set<ServerEventStream>();
  readonly #closeListeners = new Set<() => void>();
  #closed = false;

  constructor(client: EsdbClient, server: string, names: StreamNames) {
    this.client = client;
    this.server = server;
    this.names = names;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Calls `listener` when the session closes; returns the unregistration. */
  onClose(listener: () => void): () => void {
    this.#closeListeners.add(listener);
    return () => this.#closeListeners.delete(listener);
  }

  assertOpen(): void {
    if (this.#closed) throw closedError(this.server);
  }

  /** Registers a long-running call (a subscription) so that `close` ends it. */
  track(stream: ServerEventStream): ServerEventStream {
    this.#open.add(stream);
    return stream;
  }

  /** Runs work against the server, translating its failures. */
  async guard<T>(work: () => Promise<T>): Promise<T> {
    this.assertOpen();
    try {
      return await work();
    } catch (error) {
      throw this.#translate(error);
    }
  }

  /** The events of a bounded read (links resolved when it asked for them). */
  async collect(stream: ServerEventStream): Promise<ServerEvent[]> {
    const resolved = await this.collectResolved(stream);
    return resolved.flatMap((r) => (r.event ? [r.event] : []));
  }

  /** Every item of a bounded read. */
  async collectResolved(stream: ServerEventStream): Promise<ServerResolvedEvent[]> {
    this.assertOpen();
    this.track(stream);
    try {
      const items: ServerResolvedEvent[] = [];
      for await (const item of stream) items.push(item);
      return items;
    } catch (error) {
      throw this.#translate(error);
    } finally {
      this.#open.delete(stream);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const listener of [...this.#closeListeners]) listener();
    for (const stream of [...this.#open]) stream.cancel();
    await this.client.dispose().catch(() => undefined);
  }

  #translate(error: unknown): unknown {
    return this.#closed ? closedError(this.server) : toStoreError(error, this.server);
  }
}

import { type RecordedEvent, StoreUnavailableError, type SubscribeOptions } from '@lvzhi/core';
import type { ServerEvent, ServerEventStream } from './client.ts';
import { isAfterCheckpoint, startAfter } from './positions.ts';

/** How a subscription comes back after its connection drops. */
export interface ResubscribeOptions {
  /** Consecutive failed attempts, with no event in between, before the subscription fails; default 10. */
  readonly maxAttempts?: number;
  /** Wait before the first new attempt (ms), doubled after each failure; default 100. */
  readonly initialDelayMs?: number;
  /** Longest wait between attempts (ms); default 5000. */
  readonly maxDelayMs?: number;
}

/** What a resubscribing subscription needs from the store. */
export interface SubscriptionSource {
  isClosed(): boolean;
  /** Calls `listener` when the store closes; returns the unregistration. */
  onClose(listener: () => void): () => void;
  /** A catch-up subscription to `$all` delivering events after the checkpoint, then live ones. */
  open(after: number): ServerEventStream;
  /** The decoded event when a server event is one of the store's, else undefined. */
  decode(event: ServerEvent | undefined): RecordedEvent | undefined;
  toStoreError(error: unknown): unknown;
}

/** Resolves after `ms`, or at once when the signal aborts or the store closes. */
function pause(ms: number, signal: AbortSignal | undefined, source: SubscriptionSource): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      offClose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    const offClose = source.onClose(done);
  });
}

/**
 * Catch-up then live events after a checkpoint (exclusive), until the signal aborts or the store closes. When
 * the connection drops, it subscribes again from the last event it delivered, waiting longer after each failed
 * attempt; after `maxAttempts` failures in a row it throws the `StoreUnavailableError`.
 */
export async function* subscribeWithResubscription(
  source: SubscriptionSource,
  options: SubscribeOptions,
  resubscribe: ResubscribeOptions,
): AsyncIterable<RecordedEvent> {
  const { signal } = options;
  const maxAttempts = resubscribe.maxAttempts ?? 10;
  const initialDelayMs = resubscribe.initialDelayMs ?? 100;
  const maxDelayMs = resubscribe.maxDelayMs ?? 5000;
  let after = options.after ?? 0;
  startAfter(after);
  let failures = 0;
  const stopped = () => signal?.aborted === true || source.isClosed();
  while (!stopped()) {
    const stream = source.open(after);
    const stop = () => stream.cancel();
    signal?.addEventListener('abort', stop, { once: true });
    const offClose = source.onClose(stop);
    const openedAt = Date.now();
    let failure: unknown;
    try {
      for await (const resolved of stream) {
        const event = source.decode(resolved.event);
        if (!event || !isAfterCheckpoint(event.globalPosition, after)) continue;
        failures = 0;
        after = event.globalPosition;
        yield event;
        if (stopped()) return;
      }
      failure = new StoreUnavailableError('EventStoreDB ended the subscription');
    } catch (error) {
      failure = source.toStoreError(error);
    } finally {
      signal?.removeEventListener('abort', stop);
      offClose();
      stream.cancel();
    }
    if (stopped()) return;
    if (!(failure instanceof StoreUnavailableError)) throw failure;
    // A subscription that stayed up for a while before dropping starts the count again.
    if (Date.now() - openedAt > maxDelayMs) failures = 0;
    failures += 1;
    if (failures >= maxAttempts) throw failure;
    await pause(Math.min(initialDelayMs * 2 ** (failures - 1), maxDelayMs), signal, source);
  }
}

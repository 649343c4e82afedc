import { CorruptEventError, type RecordedEvent, StoreUnavailableError } from '@lvzhi/core';
import { describe, expect, it } from 'vitest';
import type { ServerEvent, ServerEventStream, ServerResolvedEvent } from './client.ts';
import { type SubscriptionSource, subscribeWithResubscription } from './subscription.ts';

function serverEvent(position: number, streamName = 'member-1'): ServerEvent {
  return {
    streamName,
    eventId: `e-${position}`,
    revision: 0n,
    type: streamName.startsWith('$') ? '$statsCollected' : 'AttendanceRecorded',
    isJson: true,
    data: {},
    metadata: {},
    position: { commit: BigInt(position), prepare: BigInt(position) },
  };
}

type Script = readonly (ServerEvent | Error)[];

/** A source whose n-th subscription plays the n-th script, then waits until cancelled. */
class ScriptedSource implements SubscriptionSource {
  readonly opened: number[] = [];
  readonly #scripts: Script[];
  #closed = false;
  readonly #closeListeners = new Set<() => void>();

  constructor(scripts: Script[]) {
    this.#scripts = scripts;
  }

  isClosed(): boolean {
    return this.#closed;
  }

  close(): void {
    this.#closed = true;
    for (const listener of [...this.#closeListeners]) listener();
  }

  onClose(listener: () => void): () => void {
    this.#closeListeners.add(listener);
    return () => this.#closeListeners.delete(listener);
  }

  open(after: number): ServerEventStream {
    this.opened.push(after);
    const script = this.#scripts.shift() ?? [];
    let cancel: () => void = () => undefined;
    const cancelled = new Promise<void>((resolve) => {
      cancel = resolve;
    });
    return {
      cancel: () => cancel(),
      async *[Symbol.asyncIterator](): AsyncGenerator<ServerResolvedEvent> {
        for (const step of script) {
          if (step instanceof Error) throw step;
          yield { event: step, link: undefined };
        }
        await cancelled;
      },
    };
  }

  decode(event: ServerEvent | undefined): RecordedEvent | undefined {
    if (!event || event.streamName.startsWith('$')) return undefined;
    if (event.eventId === 'corrupt') throw new CorruptEventError(Number(event.position?.commit), 'bad');
    return { globalPosition: Number(event.position?.commit), eventId: event.eventId } as RecordedEvent;
  }

  toStoreError(error: unknown): unknown {
    return error instanceof Error && error.message === 'drop' ? new StoreUnavailableError('dropped') : error;
  }
}

const FAST = { initialDelayMs: 1, maxDelayMs: 5 };

async function take(iterable: AsyncIterable<RecordedEvent>, count: number): Promise<number[]> {
  const positions: number[] = [];
  for await (const event of iterable) {
    positions.push(event.globalPosition);
    if (positions.length === count) break;
  }
  return positions;
}

describe('Given a subscription whose connection drops', () => {
  it('subscribes again from the last event it delivered, skipping anything it already gave and system events', async () => {
    const source = new ScriptedSource([
      [serverEvent(100), serverEvent(150, '$stats-1'), serverEvent(230), new Error('drop')],
      [serverEvent(230), serverEvent(310), serverEvent(400)],
    ]);
    expect(await take(subscribeWithResubscription(source, { after: 50 }, FAST), 4)).toEqual([
      100, 230, 310, 400,
    ]);
    expect(source.opened).toEqual([50, 230]);
  });

  it('fails with StoreUnavailableError after maxAttempts drops in a row without an event', async () => {
    const source = new ScriptedSource([[new Error('drop')], [new Error('drop')], [new Error('drop')]]);
    const outcome = take(subscribeWithResubscription(source, {}, { ...FAST, maxAttempts: 3 }), 1);
    await expect(outcome).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(source.opened).toEqual([0, 0, 0]);
  });

  it('does not retry errors that are not about reaching the server', async () => {
    const corrupt = { ...serverEvent(100), eventId: 'corrupt' };
    const source = new ScriptedSource([[corrupt]]);
    await expect(take(subscribeWithResubscription(source, {}, FAST), 1)).rejects.toBeInstanceOf(
      CorruptEventError,
    );
    expect(source.opened).toHaveLength(1);
  });

  it('ends quietly when the signal aborts while it waits to retry', async () => {
    const controller = new AbortController();
    const source = new ScriptedSource([[new Error('drop')]]);
    const iterator = subscribeWithResubscription(
      source,
      { signal: controller.signal },
      { initialDelayMs: 60_000 },
    )[Symbol.asyncIterator]();
    const next = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    expect(await next).toEqual({ done: true, value: undefined });
  });

  it('ends quietly when the store closes while it waits for events', async () => {
    const source = new ScriptedSource([[]]);
    const iterator = subscribeWithResubscription(source, {}, FAST)[Symbol.asyncIterator]();
    const next = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    source.close();
    expect(await next).toEqual({ done: true, value: undefined });
  });
});

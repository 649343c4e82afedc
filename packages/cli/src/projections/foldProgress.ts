import {
  type EventStore,
  type FoldedEvent,
  readPages as pagesOf,
  type ReadAllOptions,
  type ReadPagesOptions,
  type RecordedEvent,
} from '@lvzhi/core';
import cliProgress from 'cli-progress';
import type { Messages } from '../i18n/messages.ts';
import type { CliIo } from '../io.ts';
import { wantsProgress } from '../record/progress.ts';

/** Who is told, now and then, the position a `readAll` of a watched store has reached. */
export interface ReadWatch {
  onPosition: ((position: number) => void) | undefined;
}

/** Events read between two reports. */
const EVERY = 1_000;

/**
 * The store, with every `readAll` reporting its position to `watch` now and then: a progress bar follows a
 * fold (catch-up, rebuild, replay) this way, smoothly between the runtime's checkpoint saves.
 */
export function watchReads(store: EventStore): { readonly store: EventStore; readonly watch: ReadWatch } {
  const watch: ReadWatch = { onPosition: undefined };
  async function* readAll(options?: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    let n = 0;
    for await (const event of store.readAll(options)) {
      if (++n % EVERY === 0) watch.onPosition?.(event.globalPosition);
      yield event;
    }
  }
  async function* readPages(options?: ReadPagesOptions): AsyncGenerator<readonly FoldedEvent[]> {
    for await (const page of pagesOf(store, options)) {
      const last = page.at(-1);
      if (last !== undefined) watch.onPosition?.(last.globalPosition);
      yield page;
    }
  }
  const watched = new Proxy(store, {
    get(target, property) {
      if (property === 'readAll') return readAll;
      if (property === 'readPages') return readPages;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: watched, watch };
}

/**
 * Runs a fold with a bar of events read against the head of the log, drawn on stderr when it is a terminal and
 * `CI` is not set (quiet otherwise).
 */
export async function withFoldProgress<T>(
  store: EventStore,
  watch: ReadWatch,
  io: CliIo,
  t: Messages,
  work: () => Promise<T>,
): Promise<T> {
  if (!wantsProgress(io)) return work();
  const head = await store.headPosition();
  const started = performance.now();
  const bar = new cliProgress.SingleBar(
    { stream: io.stderr, format: t.projProgressFormat, hideCursor: true, clearOnComplete: true, fps: 10 },
    cliProgress.Presets.shades_classic,
  );
  let first: number | undefined;
  watch.onPosition = (position) => {
    if (first === undefined) {
      first = position;
      bar.start(head, position, { rate: 0 });
    }
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round((position - first) / seconds) : 0;
    bar.update(Math.min(position, head), { rate });
  };
  try {
    return await work();
  } finally {
    watch.onPosition = undefined;
    if (first !== undefined) bar.stop();
  }
}

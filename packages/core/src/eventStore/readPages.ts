import type { FoldedEvent } from '../envelope/envelope.ts';
import type { EventStore, ReadPagesOptions } from './eventStore.ts';

const DEFAULT_PAGE = 2_000;

/**
 * The log in pages, in global order: the store's own `readPages` where it has one, else `readAll` gathered
 * into pages of `batchSize` events.
 */
export async function* readPages(
  store: EventStore,
  options: ReadPagesOptions = {},
): AsyncGenerator<readonly FoldedEvent[]> {
  if (store.readPages) {
    yield* store.readPages(options);
    return;
  }
  const size = options.batchSize ?? DEFAULT_PAGE;
  let page: FoldedEvent[] = [];
  for await (const event of store.readAll(options)) {
    page.push(event);
    if (page.length >= size) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

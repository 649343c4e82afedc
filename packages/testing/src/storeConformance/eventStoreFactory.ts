import type { EventStore } from '@lvzhi/core';
import { afterEach, beforeEach } from 'vitest';

/** Opens a fresh, empty store for one test; `cleanup` runs after the store is closed. */
export type EventStoreFactory = () => Promise<{
  readonly store: EventStore;
  readonly cleanup?: () => Promise<void>;
}>;

/** Opens a fresh store before each test of the enclosing `describe` and closes it after; returns a getter. */
export function useFreshStore(factory: EventStoreFactory): () => EventStore {
  let current: Awaited<ReturnType<EventStoreFactory>> | undefined;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    const opened = current;
    current = undefined;
    if (!opened) return;
    try {
      await opened.store.close();
    } finally {
      await opened.cleanup?.();
    }
  });
  return () => {
    if (!current) throw new Error('the conformance store is only available inside a test');
    return current.store;
  };
}

/** Opens a store outside the per-test hooks (for property runs), closes it and cleans up after `use`. */
export async function withFreshStore<T>(
  factory: EventStoreFactory,
  use: (store: EventStore) => Promise<T>,
): Promise<T> {
  const opened = await factory();
  try {
    return await use(opened.store);
  } finally {
    try {
      await opened.store.close();
    } finally {
      await opened.cleanup?.();
    }
  }
}

import {
  type DutyRecordState,
  type EventStore,
  InMemoryProjectionStore,
  loadDutyRecord,
  ProjectionRuntime,
  type ProjectionStore,
  type RecordIndexState,
  recordIndexProjection,
  type StoredProjection,
} from '@lvzhi/core';
import { SqliteEventStore, SqliteProjectionStore } from '@lvzhi/store-sqlite';

/** Loads saved states from a store it never writes to; what a catch-up saves stays in memory. */
class ReadThroughStates implements ProjectionStore {
  readonly #saved: ProjectionStore;
  readonly #memory = new InMemoryProjectionStore();

  constructor(saved: ProjectionStore) {
    this.#saved = saved;
  }

  async load(name: string, slot: 'active' | 'rebuild' = 'active'): Promise<StoredProjection | undefined> {
    return (await this.#memory.load(name, slot)) ?? (await this.#saved.load(name, slot));
  }

  save(projections: readonly StoredProjection[], slot?: 'active' | 'rebuild'): Promise<void> {
    return this.#memory.save(projections, slot);
  }

  promote(name: string): Promise<void> {
    return this.#memory.promote(name);
  }
}

/**
 * The whole duty record of a store, folded from the log after catching up the record index: with SQLite the
 * index and its checkpoint are kept in the same file (`writable`) or read from it and caught up in memory
 * (read-only); other stores fold in memory.
 */
export async function dutyRecordOf(
  store: EventStore,
  options: { readonly writable: boolean },
): Promise<{ readonly state: DutyRecordState; readonly runtime: ProjectionRuntime }> {
  let states: ProjectionStore = new InMemoryProjectionStore();
  if (store instanceof SqliteEventStore) {
    const own = new SqliteProjectionStore(store);
    states = options.writable ? own : new ReadThroughStates(own);
  }
  const runtime = new ProjectionRuntime(store, states, [recordIndexProjection]);
  await runtime.catchUp();
  const index = runtime.state<RecordIndexState>(recordIndexProjection.name);
  return { state: (await loadDutyRecord(store, index, 'all')).state, runtime };
}

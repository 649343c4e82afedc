import {
  type EventStore,
  InMemoryProjectionStore,
  type ProjectionStore,
  type StoredProjection,
} from '@lvzhi/core';
import { POSTGRES_PROJECTION_STORE_KINDS } from '../stores/postgresScheme.ts';

/** How the event stores of one URL scheme keep projection states beside the log. */
export interface ProjectionStoreKind {
  /** The store URL scheme with its colon, e.g. `sqlite:`. */
  readonly scheme: string;
  /**
   * A projection store in the event store's own database (so a state and its checkpoint commit together), or
   * undefined when this event store cannot hold one.
   */
  readonly open: (store: EventStore) => Promise<ProjectionStore | undefined>;
}

/** Where a command's projection states live. */
export interface ProjectionStates {
  readonly states: ProjectionStore;
  /** The event store keeps projection states between runs. */
  readonly durable: boolean;
  /** This run saves what it applies (false for a store opened read-only, or one without saved states). */
  readonly saving: boolean;
}

const kinds = new Map<string, ProjectionStoreKind>();

/** Adds the projection store of a store scheme (e.g. `postgres:` once its package has one). */
export function registerProjectionStoreKind(kind: ProjectionStoreKind): void {
  kinds.set(kind.scheme, kind);
}

/**
 * The projection store for an event store opened from a URL of `scheme`: the scheme's own when it has one,
 * else states held in memory for this run only.
 */
export async function projectionStatesFor(
  scheme: string,
  store: EventStore,
  options: { readonly writable: boolean },
): Promise<ProjectionStates> {
  const own = await kinds.get(scheme)?.open(store);
  if (own && options.writable) return { states: own, durable: true, saving: true };
  // Opened read-only: start from the saved states, but keep whatever a catch-up applies in memory.
  if (own) return { states: new ReadThroughProjectionStore(own), durable: true, saving: false };
  return { states: new InMemoryProjectionStore(), durable: false, saving: false };
}

/** Loads saved states from a store it never writes to; saves and promotions stay in memory. */
class ReadThroughProjectionStore implements ProjectionStore {
  readonly #saved: ProjectionStore;
  readonly #memory = new InMemoryProjectionStore();

  constructor(saved: ProjectionStore) {
    this.#saved = saved;
  }

  async load(name: string, slot: 'active' | 'rebuild' = 'active'): Promise<StoredProjection | undefined> {
    return (await this.#memory.load(name, slot)) ?? (await this.#saved.load(name, slot));
  }

  save(projections: readonly StoredProjection[], slot: 'active' | 'rebuild' = 'active'): Promise<void> {
    return this.#memory.save(projections, slot);
  }

  promote(name: string): Promise<void> {
    return this.#memory.promote(name);
  }
}

registerProjectionStoreKind({
  scheme: 'sqlite:',
  open: async (store) => {
    const { SqliteEventStore, SqliteProjectionStore } = await import('@lvzhi/store-sqlite');
    return store instanceof SqliteEventStore ? new SqliteProjectionStore(store) : undefined;
  },
});

for (const kind of POSTGRES_PROJECTION_STORE_KINDS) registerProjectionStoreKind(kind);

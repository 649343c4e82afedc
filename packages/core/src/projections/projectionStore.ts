import type { Anomaly } from './projection.ts';

/** A projection's persisted state: its version, the position it has applied up to, and its anomalies. */
export interface StoredProjection {
  readonly name: string;
  readonly version: number;
  /** The global position of the last event applied (0 before any). */
  readonly checkpoint: number;
  readonly state: unknown;
  readonly anomalies: readonly Anomaly[];
}

/**
 * Where projection states live. `save` writes states and checkpoints together, atomically (one SQLite
 * transaction for the embedded store), so a crash never leaves a state ahead of or behind its checkpoint.
 * A `slot` separates a rebuild in progress (`'rebuild'`) from the state being served (`'active'`).
 */
export interface ProjectionStore {
  load(name: string, slot?: 'active' | 'rebuild'): Promise<StoredProjection | undefined>;
  save(projections: readonly StoredProjection[], slot?: 'active' | 'rebuild'): Promise<void>;
  /** Makes a finished rebuild the active state, in one step. */
  promote(name: string): Promise<void>;
}

/** A projection store held in memory. */
export class InMemoryProjectionStore implements ProjectionStore {
  readonly #rows = new Map<string, string>();

  async load(name: string, slot: 'active' | 'rebuild' = 'active'): Promise<StoredProjection | undefined> {
    const text = this.#rows.get(`${slot}:${name}`);
    return text === undefined ? undefined : (JSON.parse(text) as StoredProjection);
  }

  async save(projections: readonly StoredProjection[], slot: 'active' | 'rebuild' = 'active'): Promise<void> {
    const encoded = projections.map((p) => [`${slot}:${p.name}`, JSON.stringify(p)] as const);
    for (const [key, text] of encoded) this.#rows.set(key, text);
  }

  async promote(name: string): Promise<void> {
    const text = this.#rows.get(`rebuild:${name}`);
    if (text === undefined) return;
    this.#rows.set(`active:${name}`, text);
    this.#rows.delete(`rebuild:${name}`);
  }
}

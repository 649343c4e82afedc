import type { Anomaly, ProjectionStore, StoredProjection } from '@lvzhi/core';
import type { SqliteEventStore } from './sqliteEventStore.ts';

type Slot = 'active' | 'rebuild';

/** Entries per stored part of a large record-valued field, so no single JSON text grows without bound. */
const ENTRIES_PER_PART = 20_000;

interface HeaderRow {
  version: number;
  checkpoint: number;
  anomalies: string;
}

interface PartRow {
  key: string;
  part: number;
  json: string;
}

/**
 * Projection states kept in the event store's own SQLite file: a state, its checkpoint and its anomalies are
 * written in ONE transaction, so they never disagree after a crash. A state is stored field by field, and a
 * field holding a large record (e.g. every fact by event id) in parts of 20,000 entries, so that a
 * million-event state never becomes one giant JSON string.
 */
export class SqliteProjectionStore implements ProjectionStore {
  readonly #store: SqliteEventStore;

  constructor(store: SqliteEventStore) {
    this.#store = store;
  }

  async load(name: string, slot: Slot = 'active'): Promise<StoredProjection | undefined> {
    const db = this.#store.database;
    const header = db
      .prepare('SELECT version, checkpoint, anomalies FROM projection_state WHERE slot = ? AND name = ?')
      .get(slot, name) as HeaderRow | undefined;
    if (!header) return undefined;
    const parts = db
      .prepare(
        'SELECT key, part, json FROM projection_state_parts WHERE slot = ? AND name = ? ORDER BY key, part',
      )
      .iterate(slot, name) as IterableIterator<PartRow>;
    let state: unknown;
    const fields: Record<string, unknown> = {};
    for (const row of parts) {
      if (row.key === '') {
        state = JSON.parse(row.json);
        continue;
      }
      const value = JSON.parse(row.json) as unknown;
      if (row.part < 0) fields[row.key] = value;
      else {
        const merged = (fields[row.key] ?? {}) as Record<string, unknown>;
        fields[row.key] = Object.assign(merged, value);
      }
    }
    if (state === undefined) state = fields;
    return {
      name,
      version: header.version,
      checkpoint: header.checkpoint,
      state,
      anomalies: JSON.parse(header.anomalies) as Anomaly[],
    };
  }

  async save(projections: readonly StoredProjection[], slot: Slot = 'active'): Promise<void> {
    const db = this.#store.database;
    const putHeader = db.prepare(
      `INSERT INTO projection_state (slot, name, version, checkpoint, anomalies, saved_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (slot, name) DO UPDATE SET version = excluded.version, checkpoint = excluded.checkpoint,
         anomalies = excluded.anomalies, saved_at = excluded.saved_at`,
    );
    const clear = db.prepare('DELETE FROM projection_state_parts WHERE slot = ? AND name = ?');
    const putPart = db.prepare(
      'INSERT INTO projection_state_parts (slot, name, key, part, json) VALUES (?, ?, ?, ?, ?)',
    );
    this.#store.transaction(() => {
      for (const p of projections) {
        putHeader.run(
          slot,
          p.name,
          p.version,
          p.checkpoint,
          JSON.stringify(p.anomalies),
          new Date().toISOString(),
        );
        clear.run(slot, p.name);
        const state = p.state;
        if (state === null || typeof state !== 'object' || Array.isArray(state)) {
          putPart.run(slot, p.name, '', -1, JSON.stringify(state));
          continue;
        }
        for (const [key, value] of Object.entries(state as Record<string, unknown>)) {
          const isRecord = value !== null && typeof value === 'object' && !Array.isArray(value);
          const entries = isRecord ? Object.entries(value as Record<string, unknown>) : [];
          if (!isRecord || entries.length <= ENTRIES_PER_PART) {
            putPart.run(slot, p.name, key, -1, JSON.stringify(value));
            continue;
          }
          for (let part = 0; part * ENTRIES_PER_PART < entries.length; part++) {
            const chunk = Object.fromEntries(
              entries.slice(part * ENTRIES_PER_PART, (part + 1) * ENTRIES_PER_PART),
            );
            putPart.run(slot, p.name, key, part, JSON.stringify(chunk));
          }
        }
      }
    });
  }

  async promote(name: string): Promise<void> {
    const db = this.#store.database;
    this.#store.transaction(() => {
      const exists = db
        .prepare("SELECT 1 FROM projection_state WHERE slot = 'rebuild' AND name = ?")
        .get(name);
      if (!exists) return;
      db.prepare("DELETE FROM projection_state WHERE slot = 'active' AND name = ?").run(name);
      db.prepare("DELETE FROM projection_state_parts WHERE slot = 'active' AND name = ?").run(name);
      db.prepare("UPDATE projection_state SET slot = 'active' WHERE slot = 'rebuild' AND name = ?").run(name);
      db.prepare("UPDATE projection_state_parts SET slot = 'active' WHERE slot = 'rebuild' AND name = ?").run(
        name,
      );
    });
  }
}

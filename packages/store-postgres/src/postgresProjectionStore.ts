import type { Anomaly, ProjectionStore, StoredProjection } from '@lvzhi/core';
import type pg from 'pg';
import type { PostgresEventStore } from './postgresEventStore.ts';
import { type Tables, tablesOf } from './schema.ts';

type Slot = 'active' | 'rebuild';

/** Entries per stored part of a large record-valued field, so no single JSON text grows without bound. */
const ENTRIES_PER_PART = 20_000;
/** Parts per INSERT, and the JSON text per INSERT beyond which a batch is sent early. */
const PARTS_PER_INSERT = 1_000;
const BYTES_PER_INSERT = 8 * 1024 * 1024;

interface HeaderRow {
  version: number;
  checkpoint: string;
  anomalies: string;
}

interface PartRow {
  key: string;
  part: number;
  json: string;
}

/** The parts of one state: the whole state under key '' when it is not an object, else field by field. */
function* partsOf(state: unknown): Generator<[key: string, part: number, json: string]> {
  if (state === null || typeof state !== 'object' || Array.isArray(state)) {
    yield ['', -1, JSON.stringify(state)];
    return;
  }
  for (const [key, value] of Object.entries(state as Record<string, unknown>)) {
    const isRecord = value !== null && typeof value === 'object' && !Array.isArray(value);
    const entries = isRecord ? Object.entries(value as Record<string, unknown>) : [];
    if (!isRecord || entries.length <= ENTRIES_PER_PART) {
      yield [key, -1, JSON.stringify(value)];
      continue;
    }
    for (let part = 0; part * ENTRIES_PER_PART < entries.length; part++) {
      const chunk = Object.fromEntries(entries.slice(part * ENTRIES_PER_PART, (part + 1) * ENTRIES_PER_PART));
      yield [key, part, JSON.stringify(chunk)];
    }
  }
}

/** Collects part rows and sends them in multi-row INSERTs. */
class PartWriter {
  readonly #client: pg.ClientBase;
  readonly #t: Tables;
  readonly #slot: Slot;
  #names: string[] = [];
  #keys: string[] = [];
  #parts: number[] = [];
  #json: string[] = [];
  #bytes = 0;

  constructor(client: pg.ClientBase, t: Tables, slot: Slot) {
    this.#client = client;
    this.#t = t;
    this.#slot = slot;
  }

  async add(name: string, key: string, part: number, json: string): Promise<void> {
    this.#names.push(name);
    this.#keys.push(key);
    this.#parts.push(part);
    this.#json.push(json);
    this.#bytes += json.length;
    if (this.#names.length >= PARTS_PER_INSERT || this.#bytes >= BYTES_PER_INSERT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#names.length === 0) return;
    await this.#client.query(
      `INSERT INTO ${this.#t.projectionStateParts} (slot, name, key, part, json)
        SELECT $1, * FROM unnest($2::text[], $3::text[], $4::integer[], $5::text[])`,
      [this.#slot, this.#names, this.#keys, this.#parts, this.#json],
    );
    this.#names = [];
    this.#keys = [];
    this.#parts = [];
    this.#json = [];
    this.#bytes = 0;
  }
}

/**
 * Projection states kept in the event store's own PostgreSQL schema: a state, its checkpoint and its
 * anomalies are written in ONE transaction, so they never disagree after a crash. A state is stored field by
 * field, and a field holding a large record (e.g. every fact by event id) in parts of 20,000 entries, so
 * that a million-event state never becomes one giant JSON text.
 */
export class PostgresProjectionStore implements ProjectionStore {
  readonly #store: PostgresEventStore;
  readonly #t: Tables;

  constructor(store: PostgresEventStore) {
    this.#store = store;
    this.#t = tablesOf(store.schema);
  }

  async load(name: string, slot: Slot = 'active'): Promise<StoredProjection | undefined> {
    // One transaction, so that the header and the parts come from one snapshot.
    return this.#store.transaction(async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const header = (
        await client.query<HeaderRow>(
          `SELECT version, checkpoint::text AS checkpoint, anomalies FROM ${this.#t.projectionState}
            WHERE slot = $1 AND name = $2`,
          [slot, name],
        )
      ).rows[0];
      if (!header) return undefined;
      const { rows } = await client.query<PartRow>(
        `SELECT key, part, json FROM ${this.#t.projectionStateParts} WHERE slot = $1 AND name = $2
          ORDER BY key, part`,
        [slot, name],
      );
      let state: unknown;
      const fields: Record<string, unknown> = {};
      for (const row of rows) {
        if (row.key === '') {
          state = JSON.parse(row.json);
          continue;
        }
        const value = JSON.parse(row.json) as unknown;
        if (row.part < 0) fields[row.key] = value;
        else fields[row.key] = Object.assign((fields[row.key] ?? {}) as Record<string, unknown>, value);
      }
      return {
        name,
        version: header.version,
        checkpoint: Number(header.checkpoint),
        state: state === undefined ? fields : state,
        anomalies: JSON.parse(header.anomalies) as Anomaly[],
      };
    });
  }

  async save(projections: readonly StoredProjection[], slot: Slot = 'active'): Promise<void> {
    await this.#store.transaction(async (client) => {
      const parts = new PartWriter(client, this.#t, slot);
      for (const p of projections) {
        await client.query(
          `INSERT INTO ${this.#t.projectionState} (slot, name, version, checkpoint, anomalies, saved_at)
            VALUES ($1, $2, $3, $4, $5, now())
            ON CONFLICT (slot, name) DO UPDATE SET version = excluded.version, checkpoint = excluded.checkpoint,
              anomalies = excluded.anomalies, saved_at = excluded.saved_at`,
          [slot, p.name, p.version, p.checkpoint, JSON.stringify(p.anomalies)],
        );
        await client.query(`DELETE FROM ${this.#t.projectionStateParts} WHERE slot = $1 AND name = $2`, [
          slot,
          p.name,
        ]);
        for (const [key, part, json] of partsOf(p.state)) await parts.add(p.name, key, part, json);
      }
      await parts.flush();
    });
  }

  async promote(name: string): Promise<void> {
    await this.#store.transaction(async (client) => {
      const { rows } = await client.query(
        `SELECT 1 FROM ${this.#t.projectionState} WHERE slot = 'rebuild' AND name = $1 FOR UPDATE`,
        [name],
      );
      if (rows.length === 0) return;
      for (const table of [this.#t.projectionState, this.#t.projectionStateParts]) {
        await client.query(`DELETE FROM ${table} WHERE slot = 'active' AND name = $1`, [name]);
        await client.query(`UPDATE ${table} SET slot = 'active' WHERE slot = 'rebuild' AND name = $1`, [
          name,
        ]);
      }
    });
  }
}

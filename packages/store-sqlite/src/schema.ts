import { StoreUnavailableError } from '@lvzhi/core';
import type Database from 'better-sqlite3';

/** One step of the store's schema; applied once, in order, recorded in `event_store_migrations`. */
interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'create events',
    sql: `
      CREATE TABLE events (
        global_position INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id TEXT NOT NULL UNIQUE,
        stream_id TEXT NOT NULL,
        stream_version INTEGER NOT NULL,
        type TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        data TEXT NOT NULL,
        metadata TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        UNIQUE (stream_id, stream_version)
      );`,
  },
  {
    version: 2,
    name: 'create projection state',
    sql: `
      CREATE TABLE projection_state (
        slot TEXT NOT NULL,
        name TEXT NOT NULL,
        version INTEGER NOT NULL,
        checkpoint INTEGER NOT NULL,
        anomalies TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (slot, name)
      );
      CREATE TABLE projection_state_parts (
        slot TEXT NOT NULL,
        name TEXT NOT NULL,
        key TEXT NOT NULL,
        part INTEGER NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (slot, name, key, part)
      );`,
  },
];

/** The schema version this build writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

function appliedVersion(db: Database.Database): number | undefined {
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_store_migrations'")
    .pluck()
    .get();
  if (!hasTable) return undefined;
  return db.prepare('SELECT coalesce(max(version), 0) FROM event_store_migrations').pluck().get() as number;
}

function assertKnown(version: number, path: string): void {
  if (version > SCHEMA_VERSION) {
    throw new StoreUnavailableError(
      `SQLite event store '${path}': the file has schema version ${version}, newer than the ${SCHEMA_VERSION} this build knows`,
    );
  }
}

/** Brings the file's schema up to date in one immediate transaction (safe when several processes open it). */
export function migrate(db: Database.Database, path: string): void {
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS event_store_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const current = appliedVersion(db) ?? 0;
    assertKnown(current, path);
    const record = db.prepare(
      'INSERT INTO event_store_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    );
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }
  }).immediate();
}

/** Checks, without writing, that a file opened read-only already has the current schema. */
export function assertMigrated(db: Database.Database, path: string): void {
  const current = appliedVersion(db);
  assertKnown(current ?? 0, path);
  // Reading the log needs only the events table (version 1); later versions add projection state.
  if (current === undefined || current < 1) {
    throw new StoreUnavailableError(
      `SQLite event store '${path}': opened read-only, but the file has schema version ${current ?? 'none'} instead of ${SCHEMA_VERSION}`,
    );
  }
}

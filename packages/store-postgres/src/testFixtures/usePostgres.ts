import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { InternalStoreOptions } from '../postgresEventStore.ts';
import { PostgresEventStore } from '../postgresEventStore.ts';
import { startPostgres, type TestPostgres } from '../testServer.ts';

/** A server of the test file's own, with a database, and stores each in a fresh schema. */
export interface PostgresFixture {
  readonly server: () => TestPostgres;
  /** The test database's URL. */
  readonly url: () => string;
  /** A fresh, unused schema name. */
  readonly freshSchema: () => string;
  /** A store in a fresh schema (or `options.schema`); `cleanup` drops the schema. */
  readonly openStore: (
    options?: InternalStoreOptions,
  ) => Promise<{ store: PostgresEventStore; schema: string; cleanup: () => Promise<void> }>;
  /** Runs one statement as the superuser on the test database. */
  readonly sql: <R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    params?: unknown[],
  ) => Promise<R[]>;
}

/** Starts a PostgreSQL server before the file's tests and stops it after them. */
export function usePostgres(): PostgresFixture {
  let server: TestPostgres | undefined;
  let url = '';
  let admin: pg.Pool | undefined;
  let counter = 0;
  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase('lvzhi_test');
    admin = new pg.Pool({ connectionString: url, max: 2 });
    admin.on('error', () => undefined);
  });
  afterAll(async () => {
    await admin?.end();
    await server?.stop();
  });
  const sql = async <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) => {
    if (!admin) throw new Error('the PostgreSQL fixture is only available inside tests');
    return (await admin.query<R>(text, params)).rows;
  };
  const freshSchema = () => `t${process.pid}_${++counter}`;
  return {
    server: () => {
      if (!server) throw new Error('the PostgreSQL fixture is only available inside tests');
      return server;
    },
    url: () => url,
    freshSchema,
    sql,
    openStore: async (options = {}) => {
      const schema = options.schema ?? freshSchema();
      const store = await PostgresEventStore.connect(url, { ...options, schema });
      return {
        store,
        schema,
        cleanup: async () => void (await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)),
      };
    },
  };
}

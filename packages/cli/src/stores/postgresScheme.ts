import type { EventStore, ProjectionStore } from '@lvzhi/core';
import { UsageError } from '../exitCodes.ts';
import type { ProjectionStoreKind } from '../projections/projectionStores.ts';
import type { StoreScheme } from './storeUrl.ts';

/**
 * `postgres://USER:PASSWORD@HOST:PORT/DB[?schema=NAME]` (and `postgresql://…`): the PostgreSQL store, its
 * tables in the schema NAME (default `lvzhi`, created with its tables on first use). The rest of the URL is
 * passed to `pg` as is (host, port, `sslmode`…); the environment's PGHOST, PGUSER, PGPASSWORD… fill what it
 * leaves out. `@lvzhi/store-postgres` (and `pg`) are loaded only when such a URL is opened.
 */
function postgresUrl(scheme: string, rest: string): string {
  if (!rest.startsWith('//')) {
    throw new UsageError(
      `--store ${scheme}${rest}: a PostgreSQL URL starts with ${scheme}// (${scheme}//user@host:5432/db?schema=lvzhi)`,
      `--store ${scheme}${rest}：PostgreSQL 地址须以 ${scheme}// 开头（如 ${scheme}//user@host:5432/db?schema=lvzhi）`,
    );
  }
  // `pg` reads both spellings; the store's own messages use postgres://.
  return `postgres:${rest}`;
}

function postgresScheme(scheme: 'postgres:' | 'postgresql:'): StoreScheme {
  return {
    scheme,
    usage: `${scheme}//USER@HOST[:PORT]/DB[?schema=NAME]`,
    open: async (rest) => {
      const url = postgresUrl(scheme, rest);
      const { PostgresEventStore } = await import('@lvzhi/store-postgres');
      try {
        return await PostgresEventStore.connect(url);
      } catch (error) {
        // A malformed URL or schema name (the store's RangeError) is a usage error; the server's are not.
        if (error instanceof RangeError) {
          const where = `--store ${scheme}//…`;
          throw new UsageError(`${where}: ${error.message}`, `${where}：${error.message}`);
        }
        throw error;
      }
    },
  };
}

/** The store schemes of PostgreSQL, for the store-URL resolver. */
export const POSTGRES_SCHEMES: readonly StoreScheme[] = [
  postgresScheme('postgres:'),
  postgresScheme('postgresql:'),
];

async function postgresProjections(store: EventStore): Promise<ProjectionStore | undefined> {
  const { PostgresEventStore, PostgresProjectionStore } = await import('@lvzhi/store-postgres');
  return store instanceof PostgresEventStore ? new PostgresProjectionStore(store) : undefined;
}

/** Projection states of a PostgreSQL store: in the same database and schema, saved with their checkpoints. */
export const POSTGRES_PROJECTION_STORE_KINDS: readonly ProjectionStoreKind[] = [
  { scheme: 'postgres:', open: postgresProjections },
  { scheme: 'postgresql:', open: postgresProjections },
];

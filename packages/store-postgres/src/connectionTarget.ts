import type pg from 'pg';

/** Where a store connects: the pool configuration, the schema, and a description without the password. */
export interface ConnectionTarget {
  readonly poolConfig: pg.PoolConfig;
  readonly schema: string;
  /** e.g. `'postgres://lvzhi@db.example:5432/lvzhi' (schema lvzhi)`, for error messages. */
  readonly description: string;
}

/** The schema used when neither the options nor the URL (`?schema=`) name one. */
export const DEFAULT_SCHEMA = 'lvzhi';

const DEFAULT_CONNECTION_TIMEOUT_MS = 10_000;

function describeConfig(config: pg.PoolConfig): string {
  const user = config.user ?? process.env.PGUSER ?? '';
  const host = config.host ?? process.env.PGHOST ?? 'localhost';
  const port = config.port ?? process.env.PGPORT ?? 5432;
  const database = config.database ?? process.env.PGDATABASE ?? user;
  return `postgres://${user ? `${user}@` : ''}${host}:${port}/${database}`;
}

function describeUrl(url: URL): string {
  const copy = new URL(url.href);
  copy.password = '';
  copy.search = '';
  return copy.href;
}

/**
 * Resolves a connection URL or a `pg` pool configuration, taking the schema from `schema`, else the URL's
 * `?schema=` parameter (removed before `pg` sees the URL), else `lvzhi`.
 */
export function resolveTarget(config: string | pg.PoolConfig, schema: string | undefined): ConnectionTarget {
  let poolConfig: pg.PoolConfig;
  let description: string;
  let fromUrl: string | undefined;
  if (typeof config === 'string') {
    let url: URL;
    try {
      url = new URL(config);
    } catch {
      throw new RangeError(
        'PostgreSQL connection string is not a URL (expected postgres://user@host:port/db)',
      );
    }
    fromUrl = url.searchParams.get('schema') ?? undefined;
    url.searchParams.delete('schema');
    poolConfig = { connectionString: url.href };
    description = describeUrl(url);
  } else {
    poolConfig = config;
    description = config.connectionString
      ? describeUrl(new URL(config.connectionString))
      : describeConfig(config);
  }
  const resolvedSchema = schema ?? fromUrl ?? DEFAULT_SCHEMA;
  return {
    poolConfig: {
      connectionTimeoutMillis: DEFAULT_CONNECTION_TIMEOUT_MS,
      // Lets an append send its INSERTs without waiting for each (the store uses no cursors).
      pipeline: true,
      ...poolConfig,
      application_name: poolConfig.application_name ?? 'lvzhi',
    },
    schema: resolvedSchema,
    description: `'${description}' (schema ${resolvedSchema})`,
  };
}

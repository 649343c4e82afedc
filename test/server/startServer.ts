import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp, type Limits, type Tokens } from '@lvzhi/server';
import { SqliteEventStore, SqliteProjectionStore } from '@lvzhi/store-sqlite';
import { example, runCli, tempDir } from '../cli/runCli.ts';

/** Tokens of the tests: one for every committee, one for `cq` only, one for another committee. */
export const TOKENS = {
  all: 'all-committees-token-0001',
  cq: 'cq-only-token-000000000001',
  other: 'other-committee-token-0001',
} as const;

export const tokens: Tokens = new Map<string, '*' | ReadonlySet<string>>([
  [TOKENS.all, '*'],
  [TOKENS.cq, new Set(['cq'])],
  [TOKENS.other, new Set(['zz'])],
]);

/** A server on loopback over a temporary SQLite store recorded from the 2019 sample. */
export interface TestServer {
  readonly url: string;
  readonly storeUrl: string;
  /** Records more lines through the real CLI (a second writer on the same file). */
  record(file: string): Promise<void>;
  close(): Promise<void>;
}

/** Records the 2019 sample into a fresh store and serves it on a free loopback port. */
export async function startServer(limits?: Limits): Promise<TestServer> {
  const temp = tempDir();
  const path = join(temp.dir, 'lvzhi.db');
  const storeUrl = `sqlite:${path}`;
  const recorded = await runCli(['--store', storeUrl, 'record', example('sample-2019.jsonl')]);
  if (recorded.code !== 0) throw new Error(recorded.stderr);
  const store = SqliteEventStore.open(path);
  const app = createApp({
    store,
    projections: new SqliteProjectionStore(store),
    tokens,
    ...(limits ? { limits } : {}),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    storeUrl,
    async record(file) {
      const run = await runCli(['--store', storeUrl, 'record', file]);
      if (run.code !== 0) throw new Error(run.stderr);
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      temp.remove();
    },
  };
}

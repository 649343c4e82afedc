import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { type EventStore, InMemoryEventStore } from '@lvzhi/core';
import { UsageError } from '../exitCodes.ts';
import { EVENTSTOREDB_SCHEMES } from './eventStoreDbScheme.ts';
import { POSTGRES_SCHEMES } from './postgresScheme.ts';

/** The store used when neither `--store` nor `LVZHI_STORE` names one. */
export const DEFAULT_STORE_URL = 'sqlite:./lvzhi.db';

/** Where and how to open a store: relative paths are resolved against `cwd`; `readOnly` for commands that only read. */
export interface OpenContext {
  readonly cwd: string;
  readonly readOnly?: boolean;
}

/** How a store scheme opens a store from the rest of its URL. */
export interface StoreScheme {
  /** The scheme with its colon, e.g. `sqlite:`. */
  readonly scheme: string;
  /** How the URL is written, for help and error messages, e.g. `sqlite:PATH`. */
  readonly usage: string;
  readonly open: (rest: string, context: OpenContext) => Promise<EventStore>;
}

const schemes = new Map<string, StoreScheme>();

/** Adds a store scheme (e.g. `postgres:`) to the resolver. */
export function registerStoreScheme(scheme: StoreScheme): void {
  schemes.set(scheme.scheme, scheme);
}

/** How every known scheme is written, for help text. */
export function storeUsages(): string[] {
  return [...schemes.values()].map((s) => s.usage);
}

/** Finds the scheme of a store URL, or explains in a usage error which schemes exist. */
export function resolveStoreScheme(url: string): { scheme: StoreScheme; rest: string } {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  const known = storeUsages().join(', ');
  if (!match) {
    throw new UsageError(
      `--store "${url}" has no scheme; did you mean sqlite:${url}? Known: ${known}`,
      `--store "${url}" 缺少协议前缀；是否要写 sqlite:${url}？可用：${known}`,
    );
  }
  const scheme = schemes.get(`${match[1]!.toLowerCase()}:`);
  if (!scheme) {
    throw new UsageError(
      `--store "${url}": unknown store scheme "${match[1]}:". Known: ${known}`,
      `--store "${url}"：不支持的存储协议 "${match[1]}:"。可用：${known}`,
    );
  }
  return { scheme, rest: url.slice(match[0].length) };
}

/** Opens the store a URL names, e.g. `sqlite:PATH` (relative to `cwd`) or `memory:`. */
export async function openStore(url: string, context: OpenContext): Promise<EventStore> {
  const { scheme, rest } = resolveStoreScheme(url);
  return scheme.open(rest, context);
}

/** `sqlite:PATH`, `sqlite://PATH`: the embedded default. */
function sqlitePath(rest: string, cwd: string): string {
  const path = rest.startsWith('//') ? rest.slice(2) : rest;
  if (path === '')
    throw new UsageError(
      '--store sqlite: needs a file path (sqlite:./lvzhi.db)',
      '--store sqlite: 须写文件路径（如 sqlite:./lvzhi.db）',
    );
  return isAbsolute(path) ? path : resolve(cwd, path);
}

registerStoreScheme({
  scheme: 'sqlite:',
  usage: 'sqlite:PATH',
  open: async (rest, { cwd, readOnly }) => {
    const path = sqlitePath(rest, cwd);
    if (readOnly && !existsSync(path)) {
      throw new UsageError(
        `no event store at ${path}: record something first (lvzhi record FILE)`,
        `${path} 处没有事件存储：请先记录（lvzhi record 文件）`,
      );
    }
    const { SqliteEventStore } = await import('@lvzhi/store-sqlite');
    // A writing command inserts on a writer thread from its second append on, while it decides the next batch.
    return SqliteEventStore.open(path, { readonly: readOnly === true, appendThread: readOnly !== true });
  },
});

for (const scheme of POSTGRES_SCHEMES) registerStoreScheme(scheme);
for (const scheme of EVENTSTOREDB_SCHEMES) registerStoreScheme(scheme);

registerStoreScheme({
  scheme: 'memory:',
  usage: 'memory:',
  open: async () => new InMemoryEventStore(),
});

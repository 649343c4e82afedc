import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { EventStore } from '@lvzhi/core';
import { type Command, InvalidArgumentError } from 'commander';
import { type CommandContext, globalOptions } from '../context.ts';
import { ExitCode, UsageError } from '../exitCodes.ts';
import { write } from '../io.ts';
import { projectionStatesFor } from '../projections/projectionStores.ts';
import { openStore, resolveStoreScheme } from '../stores/storeUrl.ts';
import { positiveInteger } from './positiveInteger.ts';

interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly tokensFile?: string;
  readonly rate: number;
  readonly burst: number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** `lvzhi serve`: the read-only HTTP API over the store's projections, until SIGINT or SIGTERM. */
export function registerServe(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('serve')
    .description(t.serveDescription)
    .option('--port <port>', t.serveOptPort, portNumber, 8787)
    .option('--host <address>', t.serveOptHost, '127.0.0.1')
    .option('--tokens-file <file>', t.serveOptTokensFile)
    .option('--rate <n>', t.serveOptRate, positiveInteger, 10)
    .option('--burst <n>', t.serveOptBurst, positiveInteger, 20)
    .action(async (options: ServeOptions, command: Command) => {
      const server = await import('@lvzhi/server');
      const tokens = new Map(server.tokensFromList(ctx.io.env.LVZHI_TOKENS ?? ''));
      if (options.tokensFile !== undefined) {
        for (const [token, scope] of readTokensFile(options.tokensFile, server.tokensFromJson, ctx)) {
          tokens.set(token, scope);
        }
      }
      if (tokens.size === 0) throw new UsageError(t.serveNoTokens, t.serveNoTokens);
      const url = globalOptions(command).store;
      const { scheme } = resolveStoreScheme(url);
      const store = await openWritable(url, ctx.io.cwd);
      try {
        const { states } = await projectionStatesFor(scheme.scheme, store.store, {
          writable: store.writable,
        });
        const app = server.createApp({
          store: store.store,
          projections: states,
          tokens,
          limits: { rate: { perSecond: options.rate, burst: options.burst } },
        });
        await listen(app.fetch, options, tokens.size, ctx);
      } finally {
        await store.store.close();
      }
      ctx.setExitCode(ExitCode.ok);
    });
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) {
    throw new InvalidArgumentError(`expected a port 0–65535 / 须为 0–65535 的端口: ${value}`);
  }
  return n;
}

function readTokensFile(
  file: string,
  parse: (text: string) => ReadonlyMap<string, '*' | ReadonlySet<string>>,
  { io, t }: CommandContext,
): ReadonlyMap<string, '*' | ReadonlySet<string>> {
  const path = isAbsolute(file) ? file : resolve(io.cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(t.serveBadTokensFile(file, reason), t.serveBadTokensFile(file, reason));
  }
  try {
    return parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(t.serveBadTokensFile(file, reason), t.serveBadTokensFile(file, reason));
  }
}

/** Opens the store writable (so that catch-ups are saved), read-only when it cannot be written. */
async function openWritable(url: string, cwd: string): Promise<{ store: EventStore; writable: boolean }> {
  const probe = await openStore(url, { cwd, readOnly: true });
  await probe.close();
  try {
    return { store: await openStore(url, { cwd }), writable: true };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return { store: await openStore(url, { cwd, readOnly: true }), writable: false };
  }
}

/** Serves until SIGINT or SIGTERM, then closes the listener and waits for open requests. */
async function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  options: ServeOptions,
  tokenCount: number,
  { io, t }: CommandContext,
): Promise<void> {
  const { serve } = await import('@hono/node-server');
  if (!LOOPBACK.has(options.host)) await write(io.stderr, `${t.serveNotLoopback(options.host)}\n`);
  await new Promise<void>((done, fail) => {
    const server = serve({ fetch, port: options.port, hostname: options.host }, (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      void write(io.stdout, `${t.serveListening(`http://${host}:${info.port}`, tokenCount)}\n`);
    });
    server.once('error', fail);
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => done());
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await write(io.stderr, `${t.serveStopped}\n`);
}

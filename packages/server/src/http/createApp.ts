import { createHash } from 'node:crypto';
import type { EventStore, ProjectionStore } from '@lvzhi/core';
import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import { DEFAULT_RATE_LIMIT, type RateLimit, TokenBuckets } from '../access/rateLimit.ts';
import type { TokenScope, Tokens } from '../access/tokens.ts';
import { RecordCache } from '../record/recordCache.ts';
import { analysisRoute } from '../routes/analysis.ts';
import { archiveRoute } from '../routes/archive.ts';
import { auditRoute } from '../routes/audit.ts';
import { evaluationsRoute } from '../routes/evaluations.ts';
import { membersRoute } from '../routes/members.ts';
import { policiesRoute } from '../routes/policies.ts';
import type { Route } from '../routes/route.ts';
import { statusRoute } from '../routes/status.ts';
import { ApiError } from './apiError.ts';
import { openApiDocument } from './openApiDocument.ts';

/** Limits on what one client may ask. */
export interface Limits {
  /** Per-token token bucket (default 20 at once, 10 a second). */
  readonly rate?: RateLimit;
  /** The longest request target accepted, in characters (default 2,048). */
  readonly maxUrlLength?: number;
}

/** What the app serves from, and who may read it. */
export interface AppOptions {
  readonly store: EventStore;
  /** Where the duty record's state and checkpoint are kept (the caller's, e.g. beside the log). */
  readonly projections: ProjectionStore;
  readonly tokens: Tokens;
  readonly limits?: Limits;
  /** Reported as the document's `info.version`. */
  readonly version?: string;
}

/** Every endpoint, in the order of the OpenAPI document. */
export const ROUTES: readonly Route[] = [
  membersRoute,
  archiveRoute,
  analysisRoute,
  evaluationsRoute,
  policiesRoute,
  statusRoute,
  auditRoute,
];

type Env = { Variables: { scope: TokenScope; token: string } };

/**
 * The read-only HTTP API (Hono) over the duty record: JSON endpoints behind bearer tokens, each catching up
 * the record first, with ETags from the projection checkpoint and `/openapi.json` generated from the schemas.
 * @example serve({ fetch: createApp({ store, projections, tokens }).fetch, port: 8787, hostname: '127.0.0.1' })
 */
export function createApp(options: AppOptions): Hono<Env> {
  const cache = new RecordCache(options.store, options.projections);
  const buckets = new TokenBuckets(options.limits?.rate ?? DEFAULT_RATE_LIMIT);
  const maxUrlLength = options.limits?.maxUrlLength ?? 2048;
  const document = openApiDocument(ROUTES, options.version ?? '0.1.0');
  const app = new Hono<Env>();

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.body(), error.status, error.headers);
    return c.json(
      new ApiError(500, 'internal', 'the request could not be answered', '请求未能处理').body(),
      500,
    );
  });
  app.notFound((c) => {
    throw new ApiError(404, 'no-such-endpoint', `no endpoint ${c.req.path}`, `没有接口 ${c.req.path}`);
  });
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      throw new ApiError(405, 'method-not-allowed', 'only GET is served', '只支持 GET', {
        Allow: 'GET, HEAD',
      });
    }
    const length = c.req.header('content-length');
    if ((length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined) {
      throw new ApiError(413, 'body-not-allowed', 'requests must not have a body', '请求不得带有正文');
    }
    if (c.req.url.length - new URL(c.req.url).origin.length > maxUrlLength) {
      throw new ApiError(
        414,
        'url-too-long',
        `the request target exceeds ${maxUrlLength} characters`,
        `请求地址超过 ${maxUrlLength} 个字符`,
      );
    }
    await next();
  });
  app.get('/openapi.json', (c) => c.json(document));
  app.use('*', async (c, next) => {
    const match = /^Bearer ([^\s]+)$/i.exec(c.req.header('authorization') ?? '');
    const scope = match ? options.tokens.get(match[1]!) : undefined;
    if (!match || scope === undefined) {
      throw new ApiError(
        401,
        'unauthorized',
        match ? 'unknown bearer token' : 'an Authorization: Bearer <token> header is required',
        match ? '令牌无效' : '须带 Authorization: Bearer <令牌> 请求头',
        { 'WWW-Authenticate': 'Bearer' },
      );
    }
    const wait = buckets.take(match[1]!);
    if (wait > 0) {
      throw new ApiError(
        429,
        'rate-limited',
        `too many requests: retry in ${wait} s`,
        `请求过多：请 ${wait} 秒后重试`,
        {
          'Retry-After': String(wait),
        },
      );
    }
    c.set('scope', scope);
    c.set('token', match[1]!);
    await next();
  });
  for (const route of ROUTES) {
    app.get(route.path.replace(/\{(\w+)\}/g, ':$1'), (c) => answer(c, route, cache));
  }
  return app;
}

async function answer(c: Context<Env>, route: Route, cache: RecordCache): Promise<Response> {
  const params = parse(route.params, c.req.param(), 'path parameter');
  const query = parse(route.query, c.req.query(), 'query parameter');
  const scope = c.get('scope');
  const view = await cache.current();
  const etag = etagOf(view.checkpoint, c.req.path, c.req.query(), scope);
  c.header('ETag', etag);
  c.header('Cache-Control', 'private, no-cache');
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  const body = await route.handle({ params, query, scope, view, cache });
  return c.json(body as object, 200);
}

function parse<S extends z.ZodType>(schema: S, input: Record<string, string>, where: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name =
    issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue.path[0] ?? '(query)');
  const message = issue.code === 'unrecognized_keys' ? 'not a parameter of this endpoint' : issue.message;
  const value = issue.code === 'unrecognized_keys' ? undefined : input[name];
  const shown = value === undefined ? '' : ` (got "${value}")`;
  const shownZh = value === undefined ? '' : `（收到 "${value}"）`;
  throw new ApiError(
    400,
    'bad-parameter',
    `${where} ${name}${shown}: ${message}`,
    `${where === 'path parameter' ? '路径参数' : '查询参数'} ${name}${shownZh}：${message}`,
  );
}

function etagOf(checkpoint: number, path: string, query: Record<string, string>, scope: TokenScope): string {
  const sorted = Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const scopeKey = scope === '*' ? '*' : [...scope].sort().join(',');
  const digest = createHash('sha256')
    .update(JSON.stringify([path, sorted, scopeKey]))
    .digest('base64url')
    .slice(0, 16);
  return `"${checkpoint}-${digest}"`;
}

function matches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === etag || tag === '*';
  });
}

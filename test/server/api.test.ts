import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../cli/runCli.ts';
import { startServer, type TestServer, TOKENS } from './startServer.ts';

// biome-ignore lint/suspicious/noExplicitAny: bodies are checked against the document's schemas, then read freely
type Body = any;

let server: TestServer;
let document: Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, allErrors: true });

async function get(path: string, token: string | null = TOKENS.all, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, {
    headers: { ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...headers },
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : (JSON.parse(text) as Body),
  };
}

/** The body must match the schema the document declares for this path and status. */
function expectDeclared(path: string, status: number, body: unknown): void {
  const paths = document.paths as Record<string, Body>;
  const ref: string = paths[path].get.responses[String(status)].content['application/json'].schema.$ref;
  const check = ajv.getSchema(`openapi${ref}`);
  expect(check, ref).toBeDefined();
  const ok = check!(body);
  expect(ok, JSON.stringify(check!.errors?.slice(0, 3))).toBe(true);
}

beforeAll(async () => {
  server = await startServer({ rate: { burst: 1_000_000, perSecond: 1_000_000 } });
  document = (await get('/openapi.json', null)).body;
  ajv.addSchema({ ...document, $id: 'openapi' });
}, 60_000);
afterAll(() => server?.close());

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document covering every endpoint', async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, JSON.stringify(result)).toBe(true);
    expect(Object.keys(document.paths as object).sort()).toEqual([
      '/audit/verify',
      '/committees/{id}/analysis',
      '/committees/{id}/evaluations',
      '/members',
      '/members/{id}/archive',
      '/policies',
      '/projections/status',
    ]);
  });
});

describe('every endpoint answers JSON matching the document', () => {
  it('GET /members paginates', async () => {
    const all = await get('/members?committee=cq&term=5');
    expect(all.status).toBe(200);
    expectDeclared('/members', 200, all.body);
    expect(all.body.total).toBe(all.body.members.length);
    const page2 = await get('/members?committee=cq&pageSize=3&page=2');
    expectDeclared('/members', 200, page2.body);
    expect(page2.body.members).toEqual(all.body.members.slice(3, 6));
    expect(page2.body).toMatchObject({ page: 2, pageSize: 3, total: all.body.total });
  });
  it('GET /members/{id}/archive', async () => {
    const r = await get('/members/m-004/archive?term=5&year=2019');
    expect(r.status).toBe(200);
    expectDeclared('/members/{id}/archive', 200, r.body);
    expect(r.body.archive.member).toMatchObject({ memberId: 'm-004', name: '刘洋' });
  });
  it('GET /committees/{id}/analysis', async () => {
    const r = await get('/committees/cq/analysis?year=2019');
    expect(r.status).toBe(200);
    expectDeclared('/committees/{id}/analysis', 200, r.body);
    expect(r.body.analysis).toMatchObject({ committeeId: 'cq', year: 2019 });
  });
  it('GET /policies and GET /committees/{id}/evaluations under every preset', async () => {
    const policies = await get('/policies');
    expectDeclared('/policies', 200, policies.body);
    expect(policies.body.policies.length).toBeGreaterThan(0);
    for (const p of policies.body.policies as { id: string; period: string }[]) {
      const period = p.period === 'year' ? 'year=2019' : 'term=5';
      const r = await get(`/committees/cq/evaluations?policy=${p.id}&${period}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expectDeclared('/committees/{id}/evaluations', 200, r.body);
      expect(r.body.evaluation.policy.id).toBe(p.id);
    }
  });
  it('GET /projections/status and GET /audit/verify', async () => {
    const status = await get('/projections/status');
    expectDeclared('/projections/status', 200, status.body);
    expect(status.body.projections[0]).toMatchObject({ name: 'record-index', lag: 0 });
    const audit = await get('/audit/verify');
    expectDeclared('/audit/verify', 200, audit.body);
    expect(audit.body).toMatchObject({ intact: true, findings: [] });
  });
});

describe('errors are JSON with a code and messages in English and Chinese', () => {
  const cases: [string, string | null, number, string][] = [
    ['/members', null, 401, 'unauthorized'],
    ['/members', 'not-a-known-token-000000', 401, 'unauthorized'],
    ['/committees/cq/analysis?year=2019', TOKENS.other, 403, 'forbidden-committee'],
    ['/members/m-004/archive', TOKENS.other, 403, 'forbidden-committee'],
    ['/members?committee=cq', TOKENS.other, 403, 'forbidden-committee'],
    ['/members/nobody/archive', TOKENS.all, 404, 'unknown-member'],
    ['/members/m-004/archive?term=9', TOKENS.all, 404, 'no-such-seat'],
    ['/committees/nowhere/analysis?year=2019', TOKENS.all, 404, 'unknown-committee'],
    ['/committees/cq/evaluations?policy=nope&year=2019', TOKENS.all, 404, 'unknown-policy'],
    ['/committees/cq/analysis?year=twenty', TOKENS.all, 400, 'bad-parameter'],
    ['/committees/cq/analysis', TOKENS.all, 400, 'bad-parameter'],
    ['/members?colour=red', TOKENS.all, 400, 'bad-parameter'],
    ['/members?pageSize=100000', TOKENS.all, 400, 'bad-parameter'],
    ['/nothing-here', TOKENS.all, 404, 'no-such-endpoint'],
  ];
  it.each(cases)('GET %s (token %s) → %i %s', async (path, token, status, code) => {
    const r = await get(path, token);
    expect(r.status).toBe(status);
    expect(r.body.error).toMatchObject({ code });
    expect(r.body.error.message).toEqual(expect.any(String));
    expect(r.body.error.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(JSON.stringify(r.body)).not.toMatch(/\bat .*\.ts:\d+/);
  });
  it('names the parameter and the value in a 400', async () => {
    const r = await get('/committees/cq/analysis?year=twenty');
    expect(r.body.error.message).toContain('year');
    expect(r.body.error.message).toContain('twenty');
    const both = await get('/committees/cq/evaluations?policy=x&year=2019&term=5');
    expect(both.status).toBe(400);
  });
  it('a token limited to cq reads cq', async () => {
    expect((await get('/committees/cq/analysis?year=2019', TOKENS.cq)).status).toBe(200);
    const members = await get('/members', TOKENS.cq);
    expect(members.body.members.every((m: { committeeId: string }) => m.committeeId === 'cq')).toBe(true);
  });
  it('rejects a request body (413) and other methods (405)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server.url}/members`, {
        method: 'GET',
        headers: { Authorization: `Bearer ${TOKENS.all}`, 'Content-Type': 'application/json' },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
      });
      req.on('error', reject);
      req.end(JSON.stringify({ x: 'y'.repeat(1000) }));
    });
    // The Node adapter refuses a GET with a body (400) before the app would (413): either way it is not read.
    expect([400, 413]).toContain(status);
    const post = await fetch(`${server.url}/members`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKENS.all}` },
    });
    expect(post.status).toBe(405);
  });
});

describe('ETag and If-None-Match', () => {
  it('answers 304 while nothing is recorded, and a new ETag after a new record', async () => {
    const first = await get('/committees/cq/analysis?year=2019');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"\d+-/);
    const again = await get('/committees/cq/analysis?year=2019', TOKENS.all, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    const otherQuery = await get('/committees/cq/analysis?year=2018', TOKENS.all, { 'If-None-Match': etag });
    expect(otherQuery.status).toBe(200);

    const temp = tempDir();
    const file = join(temp.dir, 'more.jsonl');
    const line = {
      command: 'RecordPublicWelfare',
      data: { activityId: 'pw-server-test', memberId: 'm-004', title: '义诊', on: '2019-06-01' },
      meta: { recordedBy: '市政协办公厅' },
    };
    writeFileSync(file, `${JSON.stringify(line)}\n`);
    await server.record(file);
    temp.remove();

    const after = await get('/committees/cq/analysis?year=2019', TOKENS.all, { 'If-None-Match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(after.body.checkpoint).toBeGreaterThan(first.body.checkpoint);
  }, 30_000);
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a token has used its burst', async () => {
    const limited = await startServer({ rate: { burst: 3, perSecond: 0.5 } });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const r = await fetch(`${limited.url}/policies`, {
          headers: { Authorization: `Bearer ${TOKENS.all}` },
        });
        statuses.push(r.status);
        if (r.status === 429) {
          retryAfter = r.headers.get('retry-after');
          expect(((await r.json()) as Body).error.code).toBe('rate-limited');
        } else await r.text();
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      const other = await fetch(`${limited.url}/policies`, {
        headers: { Authorization: `Bearer ${TOKENS.cq}` },
      });
      expect(other.status).toBe(200);
    } finally {
      await limited.close();
    }
  }, 60_000);
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDialect } from '../support/db.ts';
import { buildTestApp, loginAs } from '../support/app.ts';
import { createDraft, createNode, createOrgan, createStaff } from '../support/factories.ts';
import { createApiToken } from '../../src/modules/identity/index.ts';

/**
 * Issue 19: a bounded fuzz run over every route — hostile path parameters, query strings and bodies
 * (SQL injection, path traversal, markup, control characters, huge and malformed numbers, wrong JSON
 * types) sent as the system administrator, so the input reaches the deepest code. No answer may be a
 * 500 and the server must keep answering. Prints attempts and failures.
 */
const HOSTILE = [
  "1' OR '1'='1", '1; DROP TABLE publications; --', '../../../../etc/passwd', '%00', '<script>alert(1)</script>', '1e20', '-1', '0',
  '99999999999999999999', 'NaN', '\u0000\u0001', '中'.repeat(3000), '{"$gt":""}', '%', '_', '\\',
];
const BODIES: unknown[] = [
  {}, { title: HOSTILE[0], name: HOSTILE[4], id: HOSTILE[8], page: HOSTILE[5] }, { title: ['a', 'b'], nodeIds: 'x', formedOn: '2026-02-30' },
  { title: { nested: { deeper: true } }, nodeIds: [-1, 1e20, 'x'] }, { code: HOSTILE[2], parentCode: HOSTILE[1], kind: HOSTILE[3] },
  { text: HOSTILE[11], verb: HOSTILE[0], reason: null, days: -5, organCodes: [HOSTILE[2]] },
];

/** A small seeded generator, so a failure can be replayed. */
function seeded(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

describeEachDialect('bounded fuzz run over every route', (db) => {
  let app: FastifyInstance;
  let session: { cookies: Record<string, string>; csrf: string };
  let token: string;

  beforeAll(async () => {
    const built = await buildTestApp(db(), '2026-09-30T02:00:00Z');
    app = built.app;
    await app.ready();
    const organ = await createOrgan(built.deps);
    await createDraft(built.deps, organ.id, [await createNode(built.deps, organ.id)]);
    const admin = await createStaff(built.deps, organ.code, 'system_admin');
    session = await loginAs(app, admin.username, admin.password);
    token = await createApiToken(built.deps, admin.username, 'fuzz');
  });
  afterAll(async () => app.close());

  it('answers every hostile input without a server error', { timeout: 240_000 }, async () => {
    const random = seeded(20261203);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const routes = app.registeredRoutes.filter((r) => !r.url.includes('*') && !r.url.startsWith('/api/docs') && r.url !== '/admin/logout');
    const failures: string[] = [];
    let attempts = 0;
    for (const r of routes) {
      for (let round = 0; round < 4; round++) {
        const url = r.url.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(pick(HOSTILE))) + `?page=${encodeURIComponent(pick(HOSTILE))}&q=${encodeURIComponent(pick(HOSTILE))}&organ=${encodeURIComponent(pick(HOSTILE))}`;
        const isApi = url.startsWith('/api/');
        const write = r.method !== 'GET';
        const body = pick(BODIES) as Record<string, unknown>;
        attempts++;
        const res = await app.inject({
          method: r.method as 'GET', url,
          headers: isApi ? { authorization: `Bearer ${token}` } : {},
          cookies: isApi ? undefined : session.cookies,
          payload: write ? (isApi ? (body as never) : ({ ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])), _csrf: session.csrf } as never)) : undefined,
        });
        if (res.statusCode >= 500) failures.push(`${r.method} ${url.slice(0, 160)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    const alive = await app.inject({ url: '/healthz' });
    console.log(`fuzz [${db().dialect}]: ${routes.length} routes, ${attempts} hostile requests, ${failures.length} server errors`);
    expect(alive.statusCode).toBe(200);
    expect(failures).toEqual([]);
  });
});

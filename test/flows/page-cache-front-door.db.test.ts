import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished } from '../support/factories.ts';
import { buildApp } from '../../src/main/build-app.ts';
import { performReviewVerb } from '../../src/modules/review/index.ts';
import { system } from '../support/factories.ts';

/**
 * Issue 18, docs/adr/0024-page-cache-front-door.md: a kept public page is answered before Fastify
 * (its routing, hooks and reply) — over a real socket, as the front door sits in Node's HTTP server,
 * which app.inject does not pass through. The access log says which requests the front door answered.
 */
async function listening(deps: ReturnType<typeof buildDeps>, trustProxy = false) {
  const lines: { msg?: string; frontDoor?: boolean; status?: number }[] = [];
  const app = await buildApp({ ...deps, logger: pino({ level: 'info' }, { write: (s: string) => { lines.push(JSON.parse(s)); } }) }, { publicUrl: null, trustProxy });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const get = (url: string, init: RequestInit = {}) => fetch(`${base}${url}`, init);
  const access = () => lines.filter((l) => l.msg === 'access');
  return { app, get, atFrontDoor: () => access().filter((l) => l.frontDoor).length, byFastify: () => access().filter((l) => !l.frontDoor).length };
}

const SAME_HEADERS = ['content-type', 'content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'permissions-policy', 'cache-control', 'vary', 'etag', 'last-modified', 'content-length'];

describeEachDialect('kept pages answered at the front door', (db) => {
  it('answers a kept page with the bytes, headers, validators and live view count Fastify gave it, and goes back to Fastify when the content changes', async () => {
    const deps = buildDeps(db());
    const { app, get, atFrontDoor, byFastify } = await listening(deps);
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id, { name: '通知公告' });
      const item = await createPublished(deps, organ.id, [node], { title: '关于开展扬尘治理的通知' });
      const itemUrl = `/organs/${organ.code}/items/${item.id}`;

      const first = await get(itemUrl); // rendered by Fastify and kept; the front door learns its headers
      const firstBody = await first.text();
      expect([byFastify(), atFrontDoor()]).toEqual([1, 0]);
      const second = await get(itemUrl); // kept: the front door answers, Fastify never sees it
      await second.text();
      const third = await get(itemUrl);
      const thirdBody = await third.text();
      expect([byFastify(), atFrontDoor()]).toEqual([1, 2]);
      for (const h of SAME_HEADERS) expect(third.headers.get(h), h).toBe(first.headers.get(h));
      expect(third.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-/);
      expect(third.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
      // The same page but its live view count: three GETs so far.
      const views = (body: string) => Number(/浏览次数[^0-9]*(\d+)/.exec(body)?.[1]);
      expect(views(thirdBody)).toBe(views(firstBody) + 2);
      expect(thirdBody.replace(/浏览次数[^0-9]*\d+/, '')).toBe(firstBody.replace(/浏览次数[^0-9]*\d+/, ''));

      // Conditional and HEAD requests at the front door: 304 with the validators, a HEAD not counted as a view.
      const conditional = await get(itemUrl, { headers: { 'if-none-match': first.headers.get('etag')! } });
      expect(conditional.status).toBe(304);
      expect(conditional.headers.get('etag')).toBe(first.headers.get('etag'));
      const head = await get(itemUrl, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(third.headers.get('content-length'));
      expect(await head.text()).toBe('');
      expect([byFastify(), atFrontDoor()]).toEqual([1, 4]);
      expect(views(await (await get(itemUrl)).text())).toBe(views(firstBody) + 3); // neither the 304 nor the HEAD counted

      // A signed-in person (a session cookie, an API token) is never answered from the front door.
      await (await get(itemUrl, { headers: { cookie: 'gk_session=whatever' } })).text();
      await (await get(itemUrl, { headers: { authorization: 'Bearer whatever' } })).text();
      expect([byFastify(), atFrontDoor()]).toEqual([3, 5]);

      // A change raises the content version: the next request goes to Fastify, which renders it anew.
      await performReviewVerb(deps, system, item.id, 'withdraw', { withdrawReason: 'published_in_error', withdrawNote: '内容有误' });
      const gone = await get(itemUrl);
      expect(gone.status).toBe(410);
      expect([byFastify(), atFrontDoor()]).toEqual([4, 5]);
    } finally {
      await app.close();
    }
  });

  it('keeps pages of other hosts and preferences apart, and ignores a forged forwarded host unless the proxy is trusted', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const item = await createPublished(deps, organ.id, [node], { title: '城市更新项目公示' });
    const itemUrl = `/organs/${organ.code}/items/${item.id}`;
    const body = async (get: (u: string, i?: RequestInit) => Promise<Response>, headers: Record<string, string>) => (await (await get(itemUrl, { headers })).text()).replace(/浏览次数[^0-9]*\d+/, '');

    const direct = await listening(deps, false);
    try {
      const plain = await body(direct.get, {});
      for (let i = 0; i < 2; i++) expect(await body(direct.get, { 'x-forwarded-host': 'evil.example' })).toBe(plain);
      const large = await body(direct.get, { cookie: 'gk_fs=l' });
      expect(large).not.toBe(plain);
      for (let i = 0; i < 2; i++) expect(await body(direct.get, { cookie: 'gk_fs=l' })).toBe(large);
      expect(await body(direct.get, {})).toBe(plain);
    } finally {
      await direct.app.close();
    }

    const proxied = await listening(deps, true);
    try {
      const a = await body(proxied.get, { 'x-forwarded-host': 'a.example', 'x-forwarded-proto': 'https' });
      const b = await body(proxied.get, { 'x-forwarded-host': 'b.example', 'x-forwarded-proto': 'https' });
      expect(a).not.toBe(b); // the item's QR code holds its own address
      for (let i = 0; i < 2; i++) {
        expect(await body(proxied.get, { 'x-forwarded-host': 'a.example', 'x-forwarded-proto': 'https' })).toBe(a);
        expect(await body(proxied.get, { 'x-forwarded-host': 'b.example', 'x-forwarded-proto': 'https' })).toBe(b);
      }
    } finally {
      await proxied.app.close();
    }
  });
});

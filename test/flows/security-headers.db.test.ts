import { Writable } from 'node:stream';
import pino from 'pino';
import { expect, it } from 'vitest';
import { buildApp } from '../../src/main/build-app.ts';
import { buildTestApp, loginAs } from '../support/app.ts';
import { describeEachDialect } from '../support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, createStaff } from '../support/factories.ts';
import { createApiToken } from '../../src/modules/identity/index.ts';

// Issue 10: back-office pages with drafts and personal data could be kept by caches; no HSTS over https.
describeEachDialect('security headers', (db) => {
  it('marks back-office pages and authenticated API answers no-store, and leaves public pages cacheable', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const draft = await createDraft(deps, organ.id, [await createNode(deps, organ.id)]);
    const staff = await createStaff(deps, organ.code, 'editor');
    const { cookies } = await loginAs(app, staff.username, staff.password);
    for (const url of ['/admin', `/admin/publications/${draft.id}`, '/admin/publications', '/admin/login']) {
      const res = await app.inject({ url, cookies });
      expect(res.headers['cache-control'], url).toContain('no-store');
    }
    const authorization = `Bearer ${await createApiToken(deps, staff.username, 'test')}`;
    const api = await app.inject({ url: `/api/v1/publications/${draft.id}`, headers: { authorization } });
    expect(api.headers['cache-control']).toContain('no-store');
    const scan = await app.inject({ method: 'POST', url: '/api/v1/scan', headers: { authorization }, payload: { text: '联系电话 13812345678' } });
    expect(scan.headers['cache-control']).toContain('no-store');
    const portal = await app.inject({ url: `/${organ.code}` });
    expect(portal.headers['cache-control'] ?? '').not.toContain('no-store');
    expect(portal.headers['strict-transport-security']).toBeUndefined();
    await app.close();
  });

  it('sends the same protective headers on every kind of answer: page, API, asset, error, health', async () => {
    const { app } = await buildTestApp(db());
    for (const url of ['/', '/admin/login', '/api/v1/organs', '/assets/site.css', '/no-such-page', '/api/v1/no-such', '/healthz']) {
      const res = await app.inject({ url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(res.headers['permissions-policy'], url).toBe('camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
    }
    const page = await app.inject({ url: '/admin/login' });
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    await app.close();
  });

  it('answers a server error with a request id and no stack, and logs one access line per request', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
    const deps = { ...buildDeps(db()), logger: pino({ level: 'info' }, sink) };
    const app = await buildApp(deps, { publicUrl: null });
    app.get('/__boom', async () => { throw new Error('secret detail of the failure'); });
    app.get('/api/__boom', async () => { throw new Error('secret detail of the failure'); });
    const page = await app.inject({ url: '/__boom' });
    const id = page.headers['x-request-id'] as string;
    expect(page.statusCode).toBe(500);
    // The process's random prefix and a counter (src/platform/http/http-server.ts).
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
    expect(page.body).toContain(`请求编号 ${id}`);
    expect(page.body).not.toContain('secret detail');
    expect(page.body).not.toMatch(/at .*\.ts:\d+/);
    const api = await app.inject({ url: '/api/__boom' });
    expect(api.json().error.message).toBe(`服务器内部错误，请稍后再试（请求编号 ${api.headers['x-request-id']}）`);
    lines.length = 0;
    await app.inject({ url: '/healthz' });
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => l.msg)).toEqual(['access']);
    expect(lines[0]).toMatchObject({ method: 'GET', url: '/healthz', status: 200 });
    await app.close();
  });

  it('sends HSTS when the public address is https', async () => {
    const deps = buildDeps(db());
    const app = await buildApp(deps, { publicUrl: 'https://gk.example.gov.cn' });
    const res = await app.inject({ url: '/healthz' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    await app.close();
  });
});

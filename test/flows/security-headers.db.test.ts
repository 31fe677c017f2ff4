import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { expect, it } from 'vitest';
import { buildApp } from '../../src/main/build-app.ts';
import { buildTestApp, loginAs } from '../support/app.ts';
import { describeEachDialect } from '../support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, createStaff } from '../support/factories.ts';
import { createApiToken } from '../../src/modules/identity/index.ts';
import { DOCUMENT_CSS, renderDocumentPage, STANDALONE_PAGE_STYLES } from '../../src/platform/documents/index.ts';
import { sendLetter } from '../../src/modules/applications/web/letter-download.ts';

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

  it('sends a CSP that allows no inline style but the standalone pages’ own stylesheets, by their hash, and serves every linked stylesheet', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    for (const url of ['/', `/organs/${organ.code}`, '/admin/login', '/no-such-page']) {
      const csp = String((await app.inject({ url })).headers['content-security-policy'] ?? '');
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      // Markup that got into a page can neither style, hide nor overlay what the page says (docs/security.md).
      expect(directives.get('style-src'), url).not.toContain("'unsafe-inline'");
      expect(directives.get('style-src-attr'), url).toEqual(["'none'"]);
      expect(directives.get('style-src'), url).toEqual(["'self'", ...STANDALONE_PAGE_STYLES.map((css) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`)]);
      expect(directives.get('script-src'), url).toEqual(["'self'"]);
      // Not covered by default-src: an injected <base href> would move every relative link and form elsewhere.
      expect(directives.get('base-uri'), url).toEqual(["'none'"]);
      expect(directives.get('object-src'), url).toEqual(["'none'"]);
    }
    for (const url of ['/assets/site.css', '/assets/document.css', '/assets/report.css', '/assets/receipt-print.css']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toBe('text/css; charset=utf-8');
    }
    expect((await app.inject({ url: '/assets/document.css' })).body).toBe(DOCUMENT_CSS);
    await app.close();

    // A page that must read whole from disk keeps its one <style>, which the policy names by its hash: a letter's
    // HTML page (sendLetter) and a document's HTML export (renderDocumentPage).
    const standalone = await buildApp(buildDeps(db()), { publicUrl: null });
    standalone.get('/__letter', async (_request, reply) => sendLetter(reply, { id: 1, document: { title: '政府信息公开申请答复书', blocks: [{ kind: 'paragraph', text: '张某：' }] } }, 'html', { href: '/', label: '返回' }));
    standalone.get('/__document', async (_request, reply) => reply.type('text/html; charset=utf-8').send(renderDocumentPage({ title: '保密审查表', blocks: [{ kind: 'paragraph', text: '经审查' }] })));
    for (const url of ['/__letter', '/__document']) {
      const res = await standalone.inject({ url });
      const styles = [...res.body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`);
      expect(styles, url).toHaveLength(1);
      expect(String(res.headers['content-security-policy']), url).toContain(styles[0]);
      expect(res.body, url).not.toMatch(/ style=/);
    }
    await standalone.close();
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

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExternalLinks } from './http-link-checker.ts';

/** A server on 127.0.0.1 answering each way a link can be fine or broken. */
describe('the external link checker', () => {
  let server: http.Server;
  let base: string;
  const hits: { path: string; at: number }[] = [];
  let flakyCalls = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const path = req.url ?? '/';
      hits.push({ path, at: Date.now() });
      const redirect = (to: string) => { res.writeHead(301, { location: to }); res.end(); };
      if (path === '/ok') { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<p>ok</p>'); }
      else if (path === '/missing') { res.writeHead(404); res.end('not found'); }
      else if (path === '/chain/1') redirect('/chain/2');
      else if (path === '/chain/2') redirect(`${base}/chain/3`);
      else if (path === '/chain/3') redirect('/ok');
      else if (path === '/chain-to-404') redirect('/missing');
      else if (path === '/loop/a') redirect('/loop/b');
      else if (path === '/loop/b') redirect('/loop/a');
      else if (path === '/slow') setTimeout(() => { if (!res.destroyed) { res.writeHead(200); res.end('late'); } }, 3_000);
      else if (path === '/reset') req.socket.destroy();
      else if (path === '/flaky') { flakyCalls++; if (flakyCalls < 2) req.socket.destroy(); else { res.writeHead(200); res.end('ok'); } }
      else if (path.startsWith('/paced/')) { res.writeHead(200); res.end('ok'); }
      else { res.writeHead(500); res.end(); }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  const fast = { timeoutMs: 300, retries: 1, retryDelayMs: 10, perHostIntervalMs: 0 };

  it('passes a 200 and a 301 chain ending in 200, and names a 404, a chain to a 404 and a redirect loop', async () => {
    const r = await checkExternalLinks([`${base}/ok`, `${base}/missing`, `${base}/chain/1`, `${base}/chain-to-404`, `${base}/loop/a`], fast);
    expect(r.get(`${base}/ok`)).toEqual({ ok: true, status: 200, problem: null });
    expect(r.get(`${base}/chain/1`)).toEqual({ ok: true, status: 200, problem: null });
    expect(r.get(`${base}/missing`)).toEqual({ ok: false, status: 404, problem: 'HTTP 404' });
    expect(r.get(`${base}/chain-to-404`)).toEqual({ ok: false, status: 404, problem: `HTTP 404（重定向至 ${base}/missing）` });
    expect(r.get(`${base}/loop/a`)).toMatchObject({ ok: false, problem: `重定向循环（回到 ${base}/loop/a）` });
  });

  it('gives up on a slow answer after the timeout and on a reset connection after the retries, and retries a reset that recovers', async () => {
    const r = await checkExternalLinks([`${base}/slow`, `${base}/reset`, `${base}/flaky`], fast);
    expect(r.get(`${base}/slow`)).toEqual({ ok: false, status: null, problem: '超时（0.3 秒内无响应），重试 1 次仍失败' });
    expect(r.get(`${base}/reset`)).toEqual({ ok: false, status: null, problem: '连接被重置，重试 1 次仍失败' });
    expect(r.get(`${base}/flaky`)).toEqual({ ok: true, status: 200, problem: null });
    expect(hits.filter((h) => h.path === '/reset')).toHaveLength(2);
  });

  it('sends one request at a time to a host, spaced by the per-host interval', async () => {
    const urls = [1, 2, 3].map((i) => `${base}/paced/${i}`);
    await checkExternalLinks(urls, { ...fast, perHostIntervalMs: 150 });
    const at = hits.filter((h) => h.path.startsWith('/paced/'));
    expect(at.map((h) => h.path)).toEqual(['/paced/1', '/paced/2', '/paced/3']);
    // A lower bound only: the gate never lets two requests to one host through closer than the interval.
    for (let i = 1; i < at.length; i++) expect(at[i]!.at - at[i - 1]!.at).toBeGreaterThanOrEqual(145);
  });
});

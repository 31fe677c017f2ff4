import pino from 'pino';
import { expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';
import { buildApp } from '../../../main/build-app.ts';
import { findPublication } from '../storage/publications-repository.ts';
import { ViewCounter } from './view-counter.ts';

const silent = pino({ level: 'silent' });

describeEachDialect('item views counted in memory and written in batches', (db) => {
  it('shows the live count at once, writes nothing per view, and writes the batch on flush and when the app closes', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const item = await createPublished(deps, organ.id, [await createNode(deps, organ.id)]);
    const views = new ViewCounter(db().db, silent, 60_000);
    const app = await buildApp(deps, { publicUrl: null }, {});
    const url = `/organs/${organ.code}/items/${item.id}`;
    const shown = async (method: 'GET' | 'HEAD' = 'GET') => {
      const res = await app.inject({ method, url });
      return method === 'HEAD' ? null : Number(/class="view-count">(\d+)</.exec(res.body)![1]);
    };
    expect(await shown()).toBe(1);
    expect(await shown()).toBe(2);
    await shown('HEAD');
    expect(await shown()).toBe(3);
    expect((await findPublication(db().db, item.id))!.viewCount).toBe(0); // nothing written per view
    await app.close(); // a clean stop writes what was counted
    expect((await findPublication(db().db, item.id))!.viewCount).toBe(3);

    views.count(item.id);
    views.count(item.id);
    expect(views.pendingFor(item.id)).toBe(2);
    await views.flush();
    expect(views.pendingFor(item.id)).toBe(0);
    expect((await findPublication(db().db, item.id))!.viewCount).toBe(5);
  });

  it('does not count the page coming back from its own 字号 / 适老化 switch (an outside tester: 5 → 7 in one visit), with or without a Referer', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const item = await createPublished(deps, organ.id, [await createNode(deps, organ.id)]);
    const app = await buildApp(deps, { publicUrl: null }, {});
    const url = `/organs/${organ.code}/items/${item.id}`;
    const shown = async (headers: Record<string, string> = {}, at = url) => Number(/class="view-count">(\d+)</.exec((await app.inject({ method: 'GET', url: at, headers })).body)![1]);
    expect(await shown({ referer: `http://localhost/organs/${organ.code}/catalog` })).toBe(1);
    // 字号 大, then 适老化, then back: /prefs sets the cookie and sends the reader back to the page. The browser sends
    // the cookies /prefs set (one of them only to this page's address, for a minute) and, here, no Referer at all
    // (a privacy setting, an extension, a proxy that strips it): the server knows the switch by its own answer.
    let jar = new Map<string, string>();
    for (const change of ['fs=l', 'elder=1', 'elder=0']) {
      const prefs = await app.inject({ method: 'GET', url: `/prefs?${change}&return=${encodeURIComponent(`${url}#fs-l`)}` });
      expect(prefs.statusCode).toBe(303);
      for (const c of prefs.cookies) jar.set(c.name, c.value);
      const back = prefs.cookies.find((c) => c.value === '1' && c.path === url);
      expect(back, 'a cookie for the page itself').toBeDefined();
      expect(back!.maxAge).toBeLessThanOrEqual(60);
      expect(await shown({ cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') })).toBe(1);
    }
    // The print view, reached by its own link, is the same visit.
    expect(await shown({}, `${url}?print=1`)).toBe(1);
    // Another reader, or the same one coming again from elsewhere, counts (the switch's cookie gone, as a minute later).
    jar = new Map([...jar].filter(([k]) => k.startsWith('gk_fs') || k === 'gk_elder'));
    expect(await shown({ cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') })).toBe(2);
    expect(await shown()).toBe(3);
    expect(await shown({ referer: 'https://www.baidu.com/' })).toBe(4);
    // A switch on another page sets nothing for the item; a return address that is no item's sets no such cookie.
    const elsewhere = await app.inject({ method: 'GET', url: `/prefs?fs=s&return=${encodeURIComponent(`/organs/${organ.code}/catalog`)}` });
    expect(elsewhere.cookies.map((c) => c.name).sort()).toEqual(['gk_fs']);
    await app.close();
  });

  it('never counts a 304: the browser revalidating a page it has (a reload, the way back) is no new view, from the page cache or not', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const item = await createPublished(deps, organ.id, [await createNode(deps, organ.id)]);
    const url = `/organs/${organ.code}/items/${item.id}`;
    const first = await buildApp(deps, { publicUrl: null }, {});
    const get = (app: typeof first, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
    const shown = (body: string) => Number(/class="view-count">(\d+)</.exec(body)![1]);
    const page = await get(first);
    expect(shown(page.body)).toBe(1);
    const etag = String(page.headers.etag);
    // Kept by the page cache: the revalidation is answered from it.
    expect((await get(first, { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await get(first, { 'if-modified-since': String(page.headers['last-modified']) })).statusCode).toBe(304);
    expect(shown((await get(first)).body)).toBe(2);
    await first.close();
    // Not kept yet (another instance, a restart): the page is rendered, and its 304 counts no more than a kept one's.
    const second = await buildApp(deps, { publicUrl: null }, {});
    expect((await get(second, { 'if-none-match': etag })).statusCode).toBe(304);
    expect(shown((await get(second)).body)).toBe(3);
    await second.close();
  });

  it('keeps the views for the next flush when the database cannot take them', async () => {
    const broken = await createTestDatabase(db().dialect);
    const views = new ViewCounter(broken.db, silent, 60_000);
    views.count(41);
    await broken.drop(); // the database goes away
    await views.flush();
    expect(views.pendingFor(41)).toBe(1);
  });
});

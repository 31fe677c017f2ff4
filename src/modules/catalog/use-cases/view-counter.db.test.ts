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

  it('does not count the page coming back from its own 字号 / 适老化 switch (an outside tester: 5 → 7 in one visit), from the page cache too', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const item = await createPublished(deps, organ.id, [await createNode(deps, organ.id)]);
    const app = await buildApp(deps, { publicUrl: null }, {});
    const url = `/organs/${organ.code}/items/${item.id}`;
    const shown = async (headers: Record<string, string> = {}) => Number(/class="view-count">(\d+)</.exec((await app.inject({ method: 'GET', url, headers })).body)![1]);
    expect(await shown({ referer: `http://localhost/organs/${organ.code}/catalog` })).toBe(1);
    // 字号 大, then 适老化: /prefs sets the cookie and sends the reader back; the browser keeps the page as the Referer.
    for (const cookie of ['gk_fs=l', 'gk_fs=l; gk_elder=1', 'gk_fs=l; gk_elder=1']) {
      const prefs = await app.inject({ method: 'GET', url: `/prefs?fs=l&return=${encodeURIComponent(url)}`, headers: { referer: `http://localhost${url}` } });
      expect(prefs.statusCode).toBe(303);
      expect(await shown({ referer: `http://localhost${url}`, cookie })).toBe(1);
    }
    // Another reader, or the same one coming again from elsewhere, counts.
    expect(await shown()).toBe(2);
    expect(await shown({ referer: 'https://www.baidu.com/' })).toBe(3);
    await app.close();
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

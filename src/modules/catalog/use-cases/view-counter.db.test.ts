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

  it('keeps the views for the next flush when the database cannot take them', async () => {
    const broken = await createTestDatabase(db().dialect);
    const views = new ViewCounter(broken.db, silent, 60_000);
    views.count(41);
    await broken.drop(); // the database goes away
    await views.flush();
    expect(views.pendingFor(41)).toBe(1);
  });
});

import { expect, it } from 'vitest';
import { buildTestApp } from '../support/app.ts';
import { describeEachDialect } from '../support/db.ts';
import { seedDemo } from '../../src/main/seed-demo.ts';
import { HOUSING_UNIT_KEYS } from '../../src/demo/organ-keys.ts';

/**
 * An outside tester: every 股室 page of the demo said 本单位报送的信息暂无 and each unit's feed was empty,
 * though items name the unit as their 信息来源. The seed records such an item as submitted by that unit
 * (报送单位), as a submission through 信息报送 would have, so a unit's page and feed list what it sent.
 */
describeEachDialect('the demo units’ submitted items', (db) => {
  it('a unit’s home, catalog (paged) and feed list the items whose 信息来源 is that unit', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-03T02:00:00Z');
    await seedDemo(deps);
    const unit = HOUSING_UNIT_KEYS.urban;
    const home = (await app.inject(`/organs/${unit}`)).body;
    expect(home).not.toContain('本单位报送的信息暂无');
    const first = await app.inject(`/organs/${unit}/catalog`);
    expect(first.statusCode).toBe(200);
    const ids = [...first.body.matchAll(/href="\/organs\/qlx-zjj\/items\/(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids.length).toBe(20);
    expect(first.body).toContain(`href="/organs/${unit}/catalog?page=2"`);
    const item = (await app.inject(`/organs/qlx-zjj/items/${ids[0]}`)).body;
    expect(item).toContain('县住建局城市建设股');
    const feed = (await app.inject(`/organs/${unit}/feed.atom`)).body;
    expect([...feed.matchAll(/<entry>/g)].length).toBeGreaterThan(0);
    await app.close();
  }, 180_000);
});

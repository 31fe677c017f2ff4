import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createOrgan } from '../../../../../test/support/factories.ts';

/**
 * A unit (下属单位, 股室) takes no applications of its own: the organ answers in its own name
 * (条例第二十七条). Its /apply address says so and leads to the organ's form.
 */
describeEachDialect('the apply address of a unit', (db) => {
  it('answers 404 with the reason and a link to the organ it belongs to', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
      const unit = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit', name: '青岚县住房和城乡建设局村镇建设股' });
      // A unit of a unit still leads to the organ, not to the unit above it.
      const subunit = await createOrgan(deps, { parentCode: unit.code, kind: 'unit', name: '村镇建设股档案组' });
      for (const u of [unit, subunit]) {
        const res = await app.inject({ url: `/organs/${u.code}/apply` });
        expect(res.statusCode).toBe(404);
        // The page's own text (the site's menu links the organ's form on every page).
        const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(res.body)![1]!;
        expect(main).toContain('内设机构不单独受理政府信息公开申请');
        expect(main).toContain(`<a href="/organs/${bureau.code}/apply">向青岚县住房和城乡建设局申请</a>`);
      }
      // An unknown code stays a plain 404.
      expect((await app.inject({ url: '/organs/no-such-organ/apply' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});

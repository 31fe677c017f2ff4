import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { flashToldAt } from '../../../../test/support/placed-flash.ts';

/**
 * 网站检查 brings the organ's supervision page back at 最近一次网站检查 (#last-run), and saving a column's
 * responsibility brings the list back at its row (#node-N): both far below the top on a phone, so the
 * outcome is told there, not at the top of the page (platform/views/flash.tsx).
 */
describeEachDialect('supervision outcomes told where the page lands', (db) => {
  it('网站检查 under its heading, 栏目责任 in the column’s row', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const unit = await createOrgan(deps, { kind: 'unit', parentCode: organ.code, name: `村镇建设股${organ.id}` });
      const news = await createNode(deps, organ.id, { name: '工作动态' });
      const staff = await createStaff(deps, organ.code, 'disclosure_office');
      const office = await loginAs(app, staff.username, staff.password);

      const run = await app.inject({ method: 'POST', url: `/admin/supervision/${organ.code}/inspect`, cookies: office.cookies, payload: { _csrf: office.csrf } });
      expect(run.statusCode).toBe(303);
      const inspected = await flashToldAt(app, run, office, 'last-run');
      expect(inspected.text).toBe('已发起网站检查，检查在后台进行');
      expect(inspected.body).toMatch(/<h2 id="last-run">[^<]*<\/h2><p id="flash-last-run" class="flash" role="status"/);

      const saved = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/supervision/nodes/${news}`, cookies: office.cookies, payload: { _csrf: office.csrf, unitCode: unit.code, cadence: 'monthly' } });
      expect(saved.statusCode).toBe(303);
      const told = await flashToldAt(app, saved, office, `node-${news}`);
      expect(told.text).toBe('已保存“工作动态”的责任单位和更新周期');
      const row = new RegExp(`<tr[^>]*id="node-${news}"[^>]*>([\\s\\S]*?)</tr>`).exec(told.body)?.[1] ?? '';
      expect(row).toContain(`id="flash-node-${news}"`);
      // 操作's 设置 stays on one line in its narrow column (it wrapped one character a line; outside tester).
      expect(row).toMatch(/<td class="nowrap"><a href="[^"]*\/supervision\/nodes\/\d+" aria-label="设置/);
    } finally {
      await app.close();
    }
  });
});

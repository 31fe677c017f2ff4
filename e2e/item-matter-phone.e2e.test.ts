import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createOrgan, createPublished, createStaff } from '../test/support/factories.ts';
import { listDirectoryMatters } from '../src/modules/catalog/index.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * An item that fulfils a 基层政务公开标准目录 事项 on a phone (found by an outside tester at 320×568, 字号 大 +
 * 适老化: the 事项 panel, always open and about 1,000 px tall, pushed the 正文 3.4–3.8 screens down). Like the
 * item's properties it folds under one control on a phone (a <details>, no JavaScript needed); on a wide
 * screen it stays a panel.
 */
describe.skipIf(SKIP_BROWSER)('an item’s 标准目录 事项 on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let url = '';

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    const admin = await createStaff(deps, organ.code, 'organ_admin');
    const { cookies, csrf } = await loginAs(app, admin.username, admin.password);
    await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/standard-directories`, cookies, payload: { _csrf: csrf, templateId: 'zhujian-fangwu-zhengshou', underNodeId: '' } });
    const decision = (await listDirectoryMatters(deps.db, organ.id)).find((m) => m.key === 'fwzs-zsjd')!;
    const item = await createPublished(deps, organ.id, [decision.nodeId], { matterId: decision.id, title: '青岚县人民政府关于解放路片区国有土地上房屋征收决定的公告' });
    url = `/organs/${organ.code}/items/${item.id}`;
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  for (const javaScriptEnabled of [true, false]) {
    it(`folds the 事项 under one control at 320 px 字号 大 + 适老化, so the 正文 starts in the first screens (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const page = await served.newPage({ viewport: { width: 320, height: 568 }, javaScriptEnabled, bypassCSP: javaScriptEnabled });
      await page.goto(`${served.baseUrl}/prefs?fs=l&elder=1&return=${encodeURIComponent(url)}`);
      await page.screenshot({ path: path.join(SHOTS, `item-matter-320-big-js-${javaScriptEnabled}.png`), fullPage: true });
      const fold = page.locator('details.directory-matter-fold');
      await expect(fold.isVisible()).resolves.toBe(true);
      await expect(fold.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
      await expect(page.locator('section.directory-matter').isVisible()).resolves.toBe(false);
      await expect(fold.locator('summary').textContent()).resolves.toContain('基层政务公开标准目录事项');
      // Folded, the panel is its summary's few lines, not a screen and more.
      expect((await fold.boundingBox())!.height).toBeLessThan(200);
      const bodyTop = (await page.locator('.article-body').first().boundingBox())!.y;
      // The header, breadcrumb and title at 字号 大 take two screens already; the 正文 follows the folds directly.
      expect(bodyTop, 'the 正文 starts within two and a half screens (was 3.4–3.8)').toBeLessThan(2.5 * 568);
      await fold.locator('summary').click();
      await expect(fold.locator('dd', { hasText: '国有土地上房屋征收与补偿条例' }).isVisible()).resolves.toBe(true);
      if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    }, 60_000);
  }

  it('keeps the 事项 a panel on a wide screen', async () => {
    const page = await served.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${served.baseUrl}${url}`);
    await expect(page.locator('section.directory-matter').isVisible()).resolves.toBe(true);
    await expect(page.locator('details.directory-matter-fold').isVisible()).resolves.toBe(false);
    await page.context().close();
  }, 60_000);
});

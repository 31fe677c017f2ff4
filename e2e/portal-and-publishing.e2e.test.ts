import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/support/db.ts';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createReviewCast } from '../test/support/factories.ts';
import { ReviewPanelPage } from './pages/review-pages.ts';
import { seedDemo } from '../src/main/seed-demo.ts';
import { AdminPages } from './pages/admin-pages.ts';
import { PortalPages } from './pages/portal-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

describe.skipIf(SKIP_BROWSER)('portal and publishing in Chromium', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let baseUrl: string;
  let organ: { code: string; name: string };
  let cast: Awaited<ReturnType<typeof createReviewCast>>;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-11-29T02:00:00Z');
    await seedDemo(deps);
    organ = (await deps.db.selectFrom('organs').select(['code', 'name']).where('name', 'like', '%住房和城乡建设局').executeTakeFirstOrThrow());
    cast = await createReviewCast(deps, organ.code);
    served = await serveForBrowser(app, handle, SHOTS);
    baseUrl = served.baseUrl;
  }, 120_000);

  afterAll(async () => served?.close());

  const newPage = () => served.newPage();

  it('walks from the home page through the catalog to an item and changes font size and 适老化 mode', async () => {
    const page = await newPage();
    const portal = new PortalPages(page, baseUrl);
    await portal.openHome();
    await expect(page.title()).resolves.toContain('首页');
    await portal.openOrgan(organ.name);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(organ.name);
    await portal.openCatalogNode('工作推进');
    const title = await portal.openFirstItemInList();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
    await expect(portal.metadataValue('索引号')).resolves.toMatch(/\/\d{4}-\d{5}$/);
    await expect(page.getByText('扫一扫在手机打开当前页')).toBeTruthy();
    expect(await page.locator('.qr svg').count()).toBe(1);
    await expect(page.locator('.breadcrumb').textContent()).resolves.toMatch(/首页.*信息公开.*监督保障.*工作推进/);
    await page.screenshot({ path: path.join(SHOTS, 'item-page.png'), fullPage: true });

    await portal.setFontSize('大');
    await expect(portal.bodyClass()).resolves.toContain('fs-l');
    const large = await page.locator('.article-body').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await portal.setFontSize('小');
    const small = await page.locator('.article-body').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(large).toBeGreaterThan(small);
    await portal.toggleElderMode();
    await expect(portal.bodyClass()).resolves.toContain('elder');
    await page.screenshot({ path: path.join(SHOTS, 'item-page-elder.png'), fullPage: true });
    await page.context().close();
  });

  it('takes an item from the officer through unit head, office and leader (with a return for changes) to the catalog', async () => {
    const page = await newPage();
    const admin = new AdminPages(page, baseUrl);
    const review = new ReviewPanelPage(page, baseUrl);
    const as = async (who: { username: string; password: string }, id: number) => {
      await page.context().clearCookies();
      await admin.signIn(who.username, who.password);
      await review.open(id);
    };
    await admin.signIn(cast.author.username, cast.author.password);
    await expect(page.getByRole('heading', { name: '工作台' }).count()).resolves.toBe(1);
    await admin.startNewItem(organ.code);
    await admin.fillItem({ title: '浏览器测试：城区道路改造工程进展', formedOn: '2026-11-27', stage: '执行公开', docType: '其他', body: '<p>城区道路改造工程按计划推进。</p>', nodeLabel: '工作推进' });
    await admin.saveDraft();
    await expect(admin.flash()).resolves.toContain('草稿已保存');
    const id = admin.currentPublicationId();
    await review.fillReviewForm('不涉及国家秘密和个人信息');
    await review.submit();
    await expect(review.flash()).resolves.toContain('已报送审核');

    await as(cast.unitHead, id);
    await review.returnForChanges('请补充工程进度百分比');
    await as(cast.author, id);
    await expect(review.status()).resolves.toBe('已退回修改');
    await review.submit();
    for (const [who, comment] of [[cast.unitHead, '同意'], [cast.office, '经审查可以公开'], [cast.leader, '同意发布']] as const) {
      await as(who, id);
      await review.approve(comment);
      await expect(review.flash()).resolves.toContain('已审核通过');
    }
    await as(cast.office, id);
    await review.publishNow();
    await expect(review.flash()).resolves.toContain('已发布');
    const signed = await review.signOffs();
    expect(signed.join('\n')).toMatch(/退回修改[\s\S]*请补充工程进度百分比/);
    await page.screenshot({ path: path.join(SHOTS, 'admin-published.png'), fullPage: true });

    const portal = new PortalPages(page, baseUrl);
    await page.goto(`${baseUrl}/organs/${organ.code}`);
    await portal.openCatalogNode('工作推进');
    await expect(page.locator('table.list tbody tr').first().textContent()).resolves.toContain('浏览器测试：城区道路改造工程进展');
    await page.context().close();
  }, 120_000);
});

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createReviewCast, publicationInput } from '../test/support/factories.ts';
import { seedDemo } from '../src/main/seed-demo.ts';
import { createPublication } from '../src/modules/catalog/index.ts';
import { fillReviewForm, performReviewVerb } from '../src/modules/review/index.ts';
import { AdminPages } from './pages/admin-pages.ts';
import { ReviewPanelPage } from './pages/review-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');
const POLICY = '关于印发《青岚县住宅专项维修资金管理办法》的通知';
const INTERPRETATION = '《青岚县住宅专项维修资金管理办法》政策解读';

/**
 * Issue 14 in Chromium: a policy published on Friday 11-20 has no interpretation by Sunday 11-29 (3
 * working days ran out on Wednesday); 待办 says so and leads to the list, where the officer writes
 * the interpretation; it passes the organ's 三级审核 and is published; the policy's page and the
 * interpretation's page link each other, both with axe-core 0 violations, and 待办 no longer reminds.
 */
describe.skipIf(SKIP_BROWSER)('政策解读 in Chromium', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let organ: { id: number; code: string; name: string };
  let cast: Awaited<ReturnType<typeof createReviewCast>>;
  let policyId: number;
  let seeded: { policy_id: number; interpretation_id: number; title: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-11-20T02:00:00Z');
    await seedDemo(deps);
    organ = await deps.db.selectFrom('organs').select(['id', 'code', 'name']).where('name', 'like', '%住房和城乡建设局').executeTakeFirstOrThrow();
    cast = await createReviewCast(deps, organ.code);
    const node = await deps.db.selectFrom('catalog_nodes').select('id').where('organ_id', '=', organ.id).where('name', '=', '规范性文件').executeTakeFirstOrThrow();
    const policy = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node.id], {
      title: POLICY, documentNumber: '岚建规〔2026〕3号', formedOn: '2026-11-18', stage: 'decision', genre: '通知', docType: 'normative_document',
      bodyHtml: '<p>第一条 为加强住宅专项维修资金管理，制定本办法。</p><p>第二条 本办法自发布之日起施行。</p>',
    }));
    await fillReviewForm(deps, cast.author.actor, policy.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及国家秘密和个人信息' });
    await performReviewVerb(deps, cast.author.actor, policy.id, 'submit');
    for (const r of [cast.unitHead, cast.office, cast.leader]) await performReviewVerb(deps, r.actor, policy.id, 'approve');
    await performReviewVerb(deps, cast.office.actor, policy.id, 'publish');
    policyId = policy.id;
    // A policy of the demo with the interpretation the seed published and linked with it.
    seeded = await deps.db.selectFrom('policy_interpretations as l').innerJoin('publications as i', 'i.id', 'l.interpretation_id')
      .select(['l.policy_id', 'l.interpretation_id', 'i.title']).where('i.organ_id', '=', organ.id).orderBy('l.policy_id', 'desc').executeTakeFirstOrThrow();
    deps.clock.set('2026-11-29T02:00:00Z');
    served = await serveForBrowser(app, handle, SHOTS);
  }, 180_000);
  afterAll(async () => served?.close());

  it('writes the missing interpretation from 待办, takes it through review, and the two public pages link each other', async () => {
    const page = await served.newPage({ bypassCSP: true });
    const admin = new AdminPages(page, served.baseUrl);
    const review = new ReviewPanelPage(page, served.baseUrl);
    const as = async (who: { username: string; password: string }, id: number) => {
      await page.context().clearCookies();
      await admin.signIn(who.username, who.password);
      await review.open(id);
    };

    await admin.signIn(cast.author.username, cast.author.password);
    await page.goto(`${served.baseUrl}/admin/review`);
    const reminder = page.getByRole('link', { name: `${organ.name}：1 件政策文件发布已超过 3 个工作日仍无已发布的政策解读` });
    await reminder.click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`政策解读：${organ.name}`);
    await expect(page.locator('table.list tbody tr').first().textContent()).resolves.toMatch(new RegExp(`${POLICY}.*岚建规〔2026〕3号.*2026-11-20.*2026-11-25.*自 2026-11-26 起逾期`));
    // On a phone (375 px) each policy is a card: the title takes the full width (tester finding: it was
    // squeezed to two characters a line), the other columns are lines with their names, the button in view.
    await page.setViewportSize({ width: 375, height: 800 });
    const row = page.locator('table.list tbody tr').first();
    const title = (await row.locator('td').first().boundingBox())!;
    expect(title.width).toBeGreaterThanOrEqual(300);
    expect(title.height).toBeLessThan(100);
    await expect(row.textContent()).resolves.toMatch(/岚建规〔2026〕3号/);
    const button = (await row.getByRole('link', { name: `为“${POLICY}”撰写解读` }).boundingBox())!;
    expect(button.x + button.width).toBeLessThanOrEqual(375);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'interpretations-list-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: `为“${POLICY}”撰写解读` }).click();

    // The form starts as an interpretation of that policy, in 政策解读, with its title.
    await expect(page.getByLabel(/标题/).inputValue()).resolves.toBe(INTERPRETATION);
    await expect(page.getByRole('radio', { name: '政策解读' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: new RegExp(POLICY.replace(/[《》()]/g, '.')) }).isChecked()).resolves.toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'interpretation-form.png'), fullPage: true });
    const source = page.getByRole('button', { name: '源代码' });
    await source.click();
    await page.locator('#f-bodyHtml').fill('<p>一、起草背景：为规范住宅专项维修资金的交存、使用和监督……</p><p>二、主要内容：明确了资金的使用范围和申请程序。</p>');
    await source.click();
    await admin.saveDraft();
    await expect(admin.flash()).resolves.toContain('草稿已保存');
    const id = admin.currentPublicationId();
    await expect(page.locator('#interp-h + ul').textContent()).resolves.toContain(POLICY);
    await review.fillReviewForm('不涉及国家秘密和个人信息');
    await review.submit();
    await expect(review.flash()).resolves.toContain('已报送审核');
    for (const [who, comment] of [[cast.unitHead, '同意'], [cast.office, '经审查可以公开'], [cast.leader, '同意发布']] as const) {
      await as(who, id);
      await review.approve(comment);
      await expect(review.flash()).resolves.toContain('已审核通过');
    }
    await as(cast.office, id);
    await review.publishNow();
    await expect(review.flash()).resolves.toContain('已发布');

    // The policy's public page: its 政策解读 box links the new interpretation.
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      const v = await axeViolations(page);
      if (v.length) found[name] = v;
    };
    await page.goto(`${served.baseUrl}/organs/${organ.code}/items/${policyId}`);
    const box = page.locator('section.interpretations');
    await expect(box.getByRole('heading', { name: '政策解读' }).count()).resolves.toBe(1);
    await check('policy with its interpretation');
    await page.screenshot({ path: path.join(SHOTS, 'policy-with-interpretation.png'), fullPage: true });
    await box.getByRole('link', { name: INTERPRETATION }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(INTERPRETATION);
    const back = page.locator('section.interpreted-policies');
    await expect(back.getByRole('heading', { name: '本文解读的政策文件' }).count()).resolves.toBe(1);
    await check('interpretation with its policy');
    await page.screenshot({ path: path.join(SHOTS, 'interpretation-with-policy.png'), fullPage: true });
    await back.getByRole('link', { name: POLICY }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(POLICY);

    // A demo policy shows the interpretation the seed published with it, from the first start.
    await page.goto(`${served.baseUrl}/organs/${organ.code}/items/${seeded.policy_id}`);
    await expect(page.locator('section.interpretations').getByRole('link', { name: seeded.title }).getAttribute('href')).resolves.toBe(`/organs/${organ.code}/items/${seeded.interpretation_id}`);
    await check('demo policy');
    expect(found).toEqual({});

    // Published: nothing is waiting any more.
    await page.goto(`${served.baseUrl}/admin/review`);
    await expect(page.getByText('仍无已发布的政策解读').count()).resolves.toBe(0);
    await page.context().close();
  }, 180_000);

  it('lists 信息管理 as cards on a phone, and a page past the end says so without calling the list empty', async () => {
    const page = await served.newPage({ bypassCSP: true }); // axe-core is injected as a script
    const admin = new AdminPages(page, served.baseUrl);
    await admin.signIn(cast.office.username, cast.office.password);
    // On a phone (375 px) each item is a card: the title takes the full width (it was squeezed to a few
    // characters a line, as the 政策解读 list's was), the other columns are lines with their names.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${served.baseUrl}/admin/publications`);
    const row = page.locator('table.list tbody tr').first();
    const title = (await row.locator('td').first().boundingBox())!;
    expect(title.width).toBeGreaterThanOrEqual(300);
    const organCell = (await row.locator('td[data-label="机关"]').boundingBox())!;
    expect(organCell.y).toBeGreaterThanOrEqual(title.y + title.height - 1); // a line below the title, not a column beside it
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'publications-list-phone.png'), fullPage: true });
    // Past the end: the pager's notice alone — the list has items, just not on page 999.
    await page.goto(`${served.baseUrl}/admin/publications?page=999`);
    await expect(page.locator('.pager-beyond').textContent()).resolves.toMatch(/没有第 999 页：共 \d+ 条/);
    await expect(page.locator('main').textContent()).resolves.not.toContain('没有符合条件的信息');
    expect(await page.locator('table.list').count()).toBe(0);
    await page.context().close();
  }, 120_000);
});

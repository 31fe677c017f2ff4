import path from 'node:path';
import type { Page } from 'playwright-core';
import { linesSpanned } from './pages/text-lines.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createActor, createOrgan } from '../test/support/factories.ts';
import { openConsultation } from '../src/modules/interaction/index.ts';

const SHOTS = path.resolve('test-results/screenshots');
const BIG = 'fs=l&elder=1';

/**
 * What an outside citizen tester found in 意见征集 on a phone (Chromium at 320 px, 字号 大 and 适老化):
 * the page must not scroll sideways, each page checked with axe.
 */
describe.skipIf(SKIP_BROWSER)('意见征集 on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let bureau: { code: string; id: number };
  let consultationUrl = '';

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
    bureau = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局', consultPhone: '0564-5022106' });
    const office = await createActor(deps, bureau.code, 'disclosure_office');
    const c = await openConsultation(deps, office.actor, bureau.id, {
      title: '青岚县住房和城乡建设局关于城区老旧小区改造实施方案（2027—2029年）（征求意见稿）公开征求意见的公告',
      body: '第一条 为推进城区老旧小区改造，改善居民居住条件，制定本方案。\n第二条 改造内容分为基础类、完善类和提升类。',
      howToComment: '一、在本页“发表意见”栏提交。\n二、发送电子邮件至 qlxzjj@example.gov.cn。\n三、电话：0564-5022106（工作日）。',
      startOn: '2026-12-03', endOn: '2026-12-31',
    });
    consultationUrl = `/organs/${bureau.code}/consultations/${c.id}`;
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  const phone = async (width: number): Promise<Page> => {
    const page = await served.newPage({ viewport: { width, height: 800 }, bypassCSP: true }); // axe is injected as a script
    await page.goto(`${served.baseUrl}/prefs?${BIG}&return=/`);
    return page;
  };
  const crumbs = (page: Page) => page.locator('.breadcrumb li').allTextContents();

  it('an open consultation with its comment form does not scroll sideways at 320 px; a long e-mail address in 意见反馈方式 breaks; its robot trap is the other forms’ honeypot', async () => {
    const page = await phone(320);
    await page.goto(`${served.baseUrl}${consultationUrl}`);
    await expect(page.locator('form .honeypot #f-website').count()).resolves.toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'consultation-open-320-big.png'), fullPage: true });
  }, 120_000);

  it('the breadcrumb is the letter pages’ (信息公开, the short name, 正文 for the long title); the phone and e-mail in 意见反馈方式 are tappable', async () => {
    const page = await phone(320);
    await page.goto(`${served.baseUrl}/organs/${bureau.code}/consultations`);
    expect(await crumbs(page)).toEqual(['首页', '信息公开', '县住建局', '互动交流', '意见征集']);
    await page.goto(`${served.baseUrl}${consultationUrl}`);
    expect(await crumbs(page)).toEqual(['首页', '信息公开', '县住建局', '互动交流', '意见征集', '正文']);
    await expect(page.locator('.breadcrumb a').last().getAttribute('href')).resolves.toBe(`/organs/${bureau.code}/consultations`);
    const how = page.locator('section[aria-labelledby="how-h"]');
    await expect(how.locator('a[href="tel:05645022106"]').textContent()).resolves.toBe('0564-5022106');
    await expect(how.locator('a[href="mailto:qlxzjj@example.gov.cn"]').textContent()).resolves.toBe('qlxzjj@example.gov.cn');
    expect(await linesSpanned(page, 'section[aria-labelledby="how-h"]', '0564-5022106')).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);
});

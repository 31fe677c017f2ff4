import path from 'node:path';
import { pdfPageTexts } from '../test/support/pdf-pages.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createOrgan, createStaff } from '../test/support/factories.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');


/**
 * Found by an outside tester: the 申请登记回执 of an ordinary letter (平信) with a realistic request of
 * about 130 characters and a 文号, printed from the registration's answer in Chromium, took two pages —
 * the 查询码, the 落款 and the 印章 on the second — and its 咨询电话 broke as 0564- / 5022106.
 */
describe.skipIf(SKIP_BROWSER)('the 申请登记回执 printed from the browser', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let organ: { code: string };
  let officer: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    // 15 December: the reply deadline falls in a year whose holidays are not known, so the 暂定 note prints too.
    const { app, deps } = await buildTestApp(handle, '2026-12-15T01:00:00Z');
    organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', consultPhone: '0564-5022106' });
    officer = await createStaff(deps, organ.code, 'editor');
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it.each([130, 2000])('keeps a 平信 application\'s receipt with a %i-character request and a 文号 on one A4 sheet, the code with the 落款', async (length) => {
    const page = await served.newPage();
    await new AdminPages(page, served.baseUrl).signIn(officer.username, officer.password);
    await page.goto(`${served.baseUrl}/admin/applications/new?organ=${organ.code}`);
    const subject = '2025年城区老旧小区改造项目清单及各项目的立项批复、招标投标结果、施工合同和竣工验收备案材料，以及项目资金的拨付明细；'.repeat(40).slice(0, length);
    const values: Record<string, string> = {
      channel: 'post_ordinary', arrivedOn: '2026-12-14', applicantType: 'natural_person', applicantName: `王某${length}`, applicantIdKind: 'resident_id',
      applicantIdNumber: '11010519491231002X', contactPhone: `1380000${String(length).padStart(4, '0')}`, contactAddress: '青岚县城关镇人民路1号', postalCode: '237000',
      subject, documentNumber: '岚建〔2025〕63号', provisionForm: 'paper', deliveryMethod: 'post',
    };
    await page.locator('form:has(#f-subject)').evaluate((form: HTMLFormElement, v) => {
      for (const [name, value] of Object.entries(v)) (form.elements.namedItem(name) as HTMLInputElement).value = value;
    }, values);
    await page.locator('form:has(#f-subject) button[type="submit"]').last().click();
    await page.waitForSelector('#receipt-with-code');
    const code = (await page.locator('#query-code').textContent())!;
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(SHOTS, `receipt-print-${length}.png`), fullPage: true });
    await expect(page.locator('#receipt-with-code').textContent()).resolves.toContain('63号）”（详见申请表）的申请');
    const pages = await pdfPageTexts(await page.pdf({ preferCSSPageSize: true }));
    expect(pages).toHaveLength(1);
    // Chromium's PDF names some glyphs by their radicals (⽉ for 月); NFKC reads them back.
    const text = pages[0]!.normalize('NFKC');
    expect(text).toContain(`查询码${code}`);
    expect(text).toContain('咨询电话:0564-5022106');
    expect(text).toContain('(印章)2026年12月15日');
    // The 咨询电话 on one line: its box is one line high.
    const phone = await page.locator('#receipt-with-code .doc-nobr').first().evaluate((el) => ({ text: el.textContent, rects: el.getClientRects().length }));
    expect(phone).toEqual({ text: '0564-5022106', rects: 1 });
    await page.context().close();
  });
});

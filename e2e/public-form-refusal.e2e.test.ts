import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createActor, createOrgan } from '../test/support/factories.ts';
import { openConsultation } from '../src/modules/interaction/index.ts';

const SHOTS = path.resolve('test-results/screenshots');
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };

/**
 * A refused public form on a phone (found by outside testers): the page says 错误 in its title, the
 * error summary is at the top with the focus, its links lead to the fields, and a quick citizen
 * refused for speed is let through when sending the form again at once.
 */
describe.skipIf(SKIP_BROWSER)('refused public forms on a phone, in Chromium', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let organ: { id: number; code: string };
  let consultationUrl: string;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-06-01T01:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    organ = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局' });
    const office = await createActor(deps, organ.code, 'disclosure_office');
    const c = await openConsultation(deps, office.actor, organ.id, { title: '方案（征求意见稿）', body: '第一条 ……', howToComment: '电子邮件', startOn: '2026-06-01', endOn: '2026-06-30' });
    consultationUrl = `/organs/${organ.code}/consultations/${c.id}`;
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  const expectFocusedSummaryOnTop = async (page: import('playwright-core').Page) => {
    await expect(page.title()).resolves.toMatch(/^错误：/);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('error-summary');
    const box = (await page.locator('#error-summary').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(667);
  };

  for (const form of [
    // Every public form says 提交过快 only when nothing else is wrong (an outside tester found it beside the missing fields confusing).
    { name: '依申请公开', url: () => `/organs/${organ.code}/apply`, button: '提交申请', field: 'applicantType', fast: false },
    { name: '部门信箱', url: () => `/organs/${organ.code}/letters/new`, button: '提交', field: 'type', fast: false },
    { name: '意见征集', url: () => consultationUrl, button: '提交意见', field: 'content', fast: false },
  ]) {
    it(`${form.name}: an empty form sent at once shows the summary at the top with focus, linked to the fields`, async () => {
      const page = await served.newPage(PHONE);
      await page.goto(`${served.baseUrl}${form.url()}`);
      await page.getByRole('button', { name: form.button, exact: true }).click();
      await expectFocusedSummaryOnTop(page);
      const summary = (await page.locator('#error-summary').textContent())!;
      expect(summary.includes('提交过快'), form.name).toBe(form.fast);
      expect(summary).not.toContain('请勿填写');
      await page.locator(`#error-summary a[href="#f-${form.field}"]`).click();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(`f-${form.field}`);
      // The field's label and its error message are on the screen, not scrolled above it.
      const top = await page.locator(`#f-${form.field}`).evaluate((el) => (el.closest('.field, fieldset') ?? el).getBoundingClientRect().top);
      expect(top, `${form.name}: the field's label`).toBeGreaterThanOrEqual(0);
      // Every refused control has the same red border, text inputs as selects and textareas.
      const borders = await page.locator(':is(input, select, textarea)[aria-invalid="true"]:not([type="radio"]):not([type="checkbox"])')
        .evaluateAll((els) => els.map((el) => getComputedStyle(el).borderTopColor));
      expect(new Set(borders), form.name).toEqual(new Set(borders.length ? ['rgb(176, 25, 30)'] : []));
      // Every field's error message is red, the radio group's (来信类型) as the text fields'.
      const colors = await page.locator('main form p[id^="e-"], main form p[id$="-error"]').evaluateAll((els) => els.map((el) => getComputedStyle(el).color));
      expect(colors.length, form.name).toBeGreaterThan(0);
      expect(new Set(colors), form.name).toEqual(new Set(['rgb(176, 25, 30)']));
      await page.screenshot({ path: path.join(SHOTS, `refused-${form.field}-phone.png`) });
    });
  }

  it('意见征集: the comment corrected and sent again at once is taken', async () => {
    const page = await served.newPage(PHONE);
    await page.goto(`${served.baseUrl}${consultationUrl}`);
    await page.getByRole('button', { name: '提交意见' }).click();
    await expectFocusedSummaryOnTop(page);
    await page.locator('#f-content').fill('建议增设电梯。');
    await page.getByRole('button', { name: '提交意见' }).click();
    await expect(page.locator('[role="status"]').first().textContent()).resolves.toContain('您的意见已提交');
  });
});

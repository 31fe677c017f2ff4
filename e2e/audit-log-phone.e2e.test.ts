import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createActor, createNode, createOrgan, createPublished, createStaff } from '../test/support/factories.ts';
import { setUserActive } from '../src/modules/identity/index.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** The audit log's list and an entry's page (with its long hashes and JSON) read on a 390 px phone without sideways scrolling, and pass axe. */
describe.skipIf(SKIP_BROWSER)('the audit log on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let sysadmin: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-03-10T01:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const admin = await createActor(deps, organ.code, 'system_admin');
    sysadmin = admin;
    await createPublished(deps, organ.id, [await createNode(deps, organ.id, { name: '通知公告' })], { title: '关于做好2026年度城镇老旧小区改造项目申报工作的通知（一个很长的标题，在手机上要换行而不撑宽页面）' });
    await setUserActive(deps, admin.actor, (await createStaff(deps, organ.code, 'editor')).id, false);
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('shows the entries as cards and an entry’s page within the screen', async () => {
    const phone = await served.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    await new AdminPages(phone, served.baseUrl).signIn(sysadmin.username, sysadmin.password);
    await phone.goto(`${served.baseUrl}/admin/audit`);
    expect(await fits(phone)).toBe(true);
    await expect(phone.locator('table.audit-entries td[data-label="操作"]').first().evaluate((td) => getComputedStyle(td, '::before').content)).resolves.toBe('"操作："');
    expect(await axeViolations(phone)).toEqual([]);
    await phone.screenshot({ path: path.join(SHOTS, 'audit-log-phone.png'), fullPage: true });
    await phone.locator('table.audit-entries td[data-label="序号"] a').last().click();
    await phone.waitForURL(/\/admin\/audit\/\d+$/);
    expect(await fits(phone)).toBe(true);
    expect(await axeViolations(phone)).toEqual([]);
    // The filter form as the back office's other forms: 16 px text, 44 px targets, each label above its control.
    await phone.goto(`${served.baseUrl}/admin/audit`);
    const controls = await phone.locator('form.audit-filter :is(input, select, button)').evaluateAll((els) => els.map((el) => {
      const r = el.getBoundingClientRect();
      return { name: el.getAttribute('name') ?? el.textContent, height: r.height, font: parseFloat(getComputedStyle(el).fontSize) };
    }));
    expect(controls.length).toBe(7);
    for (const c of controls) expect(c, String(c.name)).toMatchObject({ height: expect.toSatisfy((h: number) => h >= 44), font: expect.toSatisfy((f: number) => f >= 16) });
    const labelsAbove = await phone.locator('form.audit-filter label').evaluateAll((labels) => labels.every((l) => {
      const control = document.getElementById(l.getAttribute('for')!)!;
      return l.getBoundingClientRect().bottom <= control.getBoundingClientRect().top + 1;
    }));
    expect(labelsAbove).toBe(true);
    // After filtering, the results start on the first screen: the form folds away and the chain head is below the list.
    await phone.goto(`${served.baseUrl}/admin/audit?action=user.deactivate`);
    const results = phone.locator('#audit-results-h');
    await expect(results.textContent()).resolves.toContain('1 条');
    await expect(phone.locator('table.audit-entries tbody tr').first().evaluate((tr) => tr.getBoundingClientRect().top)).resolves.toBeLessThan(844);
    await expect(phone.locator('details.audit-filter-fold').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    expect(await axeViolations(phone)).toEqual([]);
    await phone.screenshot({ path: path.join(SHOTS, 'audit-log-filtered-phone.png'), fullPage: true });
    await phone.goto(`${served.baseUrl}/admin/audit?from=2026-02-30`);
    expect(await fits(phone)).toBe(true);
    await expect(phone.locator('.error-summary').textContent()).resolves.toContain('起始日期“2026-02-30”不是有效日期');
    await phone.screenshot({ path: path.join(SHOTS, 'audit-log-refused-phone.png'), fullPage: true });
  });
});

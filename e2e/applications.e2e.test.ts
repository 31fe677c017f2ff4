import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/support/db.ts';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { axeViolations } from '../test/support/axe.ts';
import { createOrgan, createStaff } from '../test/support/factories.ts';
import { AdminPages } from './pages/admin-pages.ts';
import { ApplicationsAdminPage } from './pages/applications-admin.ts';
import { ApplicationsPortalPage } from './pages/applications-portal.ts';
import { linesSpanned } from './pages/text-lines.ts';

const SHOTS = path.resolve('test-results/screenshots');

describe.skipIf(SKIP_BROWSER)('依申请公开 in Chromium: the public form, the status query and the staff case page', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let baseUrl: string;
  let organ: { code: string; name: string };
  let officer: { username: string; password: string };
  let setClock: (at: string) => void;
  let receipt: { trackingNo: string; queryCode: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-03-09T01:00:00Z');
    setClock = (at) => deps.clock.set(at);
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    organ = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局' });
    officer = await createStaff(deps, organ.code, 'organ_admin');
    served = await serveForBrowser(app, handle, SHOTS);
    baseUrl = served.baseUrl;
  }, 120_000);

  afterAll(async () => served?.close());

  const newPage = () => served.newPage({ acceptDownloads: true });

  it('an applicant applies without an account, is told what is wrong, and gets a tracking number and query code', async () => {
    const page = await newPage();
    const portal = new ApplicationsPortalPage(page, baseUrl);
    setClock('2026-03-09T01:00:00Z');
    await portal.openApplyForm(organ.code);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(organ.name);
    await portal.fill({
      applicantType: '自然人', name: '王某', idKind: '居民身份证', idNumber: '110105194912310021', phone: '13800000000',
      subject: '青岚县2025年城区老旧小区改造项目清单', provisionForm: '电子文件', deliveryMethod: '网上查询下载',
    });
    setClock('2026-03-09T01:02:00Z');
    await portal.submit();
    await expect(portal.errorSummary()).resolves.toContain('身份证号码有误：号码中有数字不对');
    await expect(page.getByLabel('所需信息的内容描述').inputValue()).resolves.toBe('青岚县2025年城区老旧小区改造项目清单');
    await page.getByLabel('证件号码').fill('11010519491231002X');
    setClock('2026-03-09T01:04:00Z');
    await portal.submit();
    receipt = await portal.receipt();
    expect(receipt.trackingNo).toBe(`${organ.code.toUpperCase()}-2026-00001`);
    expect(receipt.queryCode).toMatch(/^[A-Z2-9]{8}$/);
    await page.screenshot({ path: path.join(SHOTS, 'application-submitted.png'), fullPage: true });

    await portal.checkStatus(receipt.trackingNo, 'WRONG123');
    await expect(portal.errorSummary()).resolves.toContain('申请编号或查询码不正确');
    await portal.checkStatus(receipt.trackingNo, receipt.queryCode);
    await expect(portal.statusValue('办理状态')).resolves.toBe('已提交，等待工作人员与您确认');
    await expect(portal.statusValue('收到申请日期')).resolves.toBe('待确认');
    await page.context().close();
  }, 60_000);

  it('the officer confirms receipt, sees the due date with its trace, works the case and replies; the refused extension names the rule', async () => {
    const page = await newPage();
    setClock('2026-03-10T01:00:00Z');
    await new AdminPages(page, baseUrl).signIn(officer.username, officer.password);
    const admin = new ApplicationsAdminPage(page, baseUrl);
    await admin.openWorkList(organ.code, 'awaiting_confirmation');
    await expect(admin.workListRows()).resolves.toEqual([expect.stringContaining(receipt.trackingNo)]);
    await admin.openCase(receipt.trackingNo);
    await expect(admin.dueDate()).resolves.toContain('尚未与申请人确认收到申请');
    await expect(admin.verbsOffered()).resolves.toEqual(['确认收到申请', '不予登记']);

    await admin.perform('确认收到申请', { 双方确认日期: '2026-03-10', 确认方式: '电话确认，申请人本人接听' });
    await expect(admin.flash()).resolves.toContain('已确认收到申请');
    await expect(admin.state()).resolves.toBe('已登记');
    await expect(admin.dueDate()).resolves.toContain('答复期限：2026-04-08（含当日）');
    const trace = await admin.traceLines();
    expect(trace[0]).toContain('2026-03-10 收到申请，当日不计');
    expect(trace).toContain('2026-04-06 清明节放假，不计');
    expect(trace[trace.length - 1]).toBe('2026-04-08 截止日期（第20个工作日）');

    await admin.perform('延期答复', { 延长工作日数: '25', 延期理由: '需要调取多个街道的档案' });
    await expect(admin.fieldError()).resolves.toContain('延长答复期限最长不得超过20个工作日（条例第三十三条第二款）');
    await expect(admin.dueDate()).resolves.toContain('答复期限：2026-04-08（含当日）');

    await admin.perform('开始审核');
    await admin.perform('指定承办人', { 承办人: `${(await page.locator('.admin-nav form span').textContent())!.trim()}` });
    await admin.perform('转入办理');
    await expect(admin.state()).resolves.toBe('办理中');
    await page.screenshot({ path: path.join(SHOTS, 'application-case-page.png'), fullPage: true });

    await admin.perform('答复', { 办理结果: '予以公开', 依据: '予以公开：所申请公开信息可以公开（第三十六条第（二）项）', 实际提供形式: '电子文件', 答复日期: '2026-03-10', 答复内容: '随本告知书提供2025年城区老旧小区改造项目清单（电子文件）。' });
    await expect(admin.state()).resolves.toBe('已答复');
    await expect(admin.letterNames()).resolves.toEqual(['申请登记回执', '答复告知书']);
    await admin.openWorkList(organ.code, 'closed');
    await expect(admin.workListRows()).resolves.toEqual([expect.stringContaining(receipt.trackingNo)]);
    await page.context().close();
  }, 60_000);

  it('the applicant sees the reply and downloads the letter as PDF and as a web page', async () => {
    // bypassCSP only so that axe-core can be injected to check the letter page.
    const page = await served.newPage({ acceptDownloads: true, bypassCSP: true });
    const portal = new ApplicationsPortalPage(page, baseUrl);
    await portal.checkStatus(receipt.trackingNo, receipt.queryCode);
    await expect(portal.statusValue('办理状态')).resolves.toBe('已答复');
    await expect(portal.statusValue('办理结果')).resolves.toBe('予以公开');
    await expect(portal.letterNames()).resolves.toEqual(['申请登记回执', '答复告知书']);
    await page.screenshot({ path: path.join(SHOTS, 'application-status.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    const pdf = await portal.downloadLetter('答复告知书', 'PDF');
    expect(pdf.fileName).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await portal.viewLetter('答复告知书');
    await expect(page.locator('.doc-title').textContent()).resolves.toBe('政府信息公开申请答复告知书');
    await expect(page.locator('article.document').textContent()).resolves.toContain('向青岚县人民政府申请行政复议');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'application-reply-letter.png'), fullPage: true });
    // Back from the letter shows the status again, and so does the letter's own link (found by an outside tester).
    await page.goBack();
    await expect(portal.statusValue('办理状态')).resolves.toBe('已答复');
    expect(page.url()).not.toContain(receipt.queryCode);
    await portal.viewLetter('答复告知书');
    await page.getByRole('link', { name: '返回办理进度' }).click();
    await expect(portal.statusValue('办理结果')).resolves.toBe('予以公开');
    await page.context().close();
  }, 60_000);

  it('lists the 答复文书 at 320 px 字号 大 + 适老化 with each name and date on one line and no sideways scroll (found by an outside tester: 申请登记回执 one character a line, 2026/年12月/6日)', async () => {
    const page = await served.newPage({ viewport: { width: 320, height: 568 } });
    await page.goto(`${baseUrl}/prefs?fs=l&elder=1&return=/`);
    const portal = new ApplicationsPortalPage(page, baseUrl);
    await portal.checkStatus(receipt.trackingNo, receipt.queryCode);
    await page.screenshot({ path: path.join(SHOTS, 'application-status-letters-320-big.png'), fullPage: true });
    const rows = page.locator('#letters tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    for (let i = 0; i < 2; i++) {
      const [name, date] = await rows.nth(i).locator('td').evaluateAll((tds) => tds.slice(0, 2).map((td) => td.textContent!.trim()));
      for (const text of [name!, date!]) expect(await linesSpanned(page, `#letters tbody tr:nth-child(${i + 1})`, text), text).toBe(1);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expect(page.locator('#letters').evaluate((t) => t.scrollWidth <= t.clientWidth)).resolves.toBe(true);
    await page.context().close();
  }, 60_000);
});

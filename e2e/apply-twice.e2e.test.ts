import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/support/db.ts';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createOrgan } from '../test/support/factories.ts';
import { ApplicationsPortalPage } from './pages/applications-portal.ts';

const SHOTS = path.resolve('test-results/screenshots');

/** A refresh of the answer in a real browser makes no second case (docs/workflows/public-forms.md). */
describe.skipIf(SKIP_BROWSER)('the online application form in Chromium, refreshed after sending', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let deps: Awaited<ReturnType<typeof buildTestApp>>['deps'];
  let organ: { id: number; code: string; name: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const built = await buildTestApp(handle, '2026-03-09T01:00:00Z');
    deps = built.deps;
    organ = await createOrgan(deps, { parentCode: (await createOrgan(deps, { name: '青岚县人民政府' })).code, name: '青岚县住房和城乡建设局' });
    served = await serveForBrowser(built.app, handle, SHOTS);
  }, 120_000);

  afterAll(async () => served?.close());

  const cases = async () => Number((await deps.db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).where('organ_id', '=', organ.id).executeTakeFirstOrThrow()).n);

  it('refreshing the page after 提交申请 shows the same numbers and makes no second case', async () => {
    const page = await served.newPage();
    const portal = new ApplicationsPortalPage(page, served.baseUrl);
    deps.clock.set('2026-03-09T01:00:00Z');
    await portal.openApplyForm(organ.code);
    await portal.fill({
      applicantType: '自然人', name: '王某', idKind: '居民身份证', idNumber: '11010519491231002X', phone: '13800000000',
      subject: '青岚县2025年城区老旧小区改造项目清单', provisionForm: '电子文件', deliveryMethod: '网上查询下载',
    });
    deps.clock.set('2026-03-09T01:02:00Z');
    await portal.submit();
    const receipt = await portal.receipt();
    expect(receipt.trackingNo).toBe(`${organ.code.toUpperCase()}-2026-00001`);
    expect(await cases()).toBe(1);

    // Refreshing the answer page (what a citizen does when it loads slowly) stores nothing new.
    page.on('dialog', (d) => void d.accept());
    await page.reload();
    await expect(portal.receipt()).resolves.toEqual(receipt);
    expect(await cases()).toBe(1);

    await portal.checkStatus(receipt.trackingNo, receipt.queryCode);
    await expect(portal.statusValue('办理状态')).resolves.toContain('等待');
  });

  it('Back after 提交申请, then 提交申请 again, shows the same receipt and makes no second case (outside tester)', async () => {
    const before = await cases();
    const page = await served.newPage();
    const portal = new ApplicationsPortalPage(page, served.baseUrl);
    const form = {
      applicantType: '自然人', name: '李某', idKind: '居民身份证', idNumber: '11010519491231002X', phone: '13900000000',
      subject: '青岚县2025年城区燃气管道更新改造项目清单', provisionForm: '电子文件', deliveryMethod: '网上查询下载',
    } as const;
    deps.clock.set('2026-03-09T03:00:00Z');
    await portal.openApplyForm(organ.code);
    await portal.fill(form);
    deps.clock.set('2026-03-09T03:02:00Z');
    await portal.submit();
    const receipt = await portal.receipt();
    expect(receipt.queryCode).not.toBe('');
    expect(await cases()).toBe(before + 1);

    // The browser's Back, then 提交申请 again (what was typed is there, or typed once more).
    await page.goBack();
    await page.getByRole('button', { name: '提交申请' }).waitFor();
    await portal.fill(form);
    deps.clock.set('2026-03-09T03:04:00Z');
    await portal.submit();
    await expect(portal.receipt()).resolves.toEqual(receipt);
    expect(await cases()).toBe(before + 1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestDatabase } from '../test/support/db.ts';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { axeViolations } from '../test/support/axe.ts';
import { seedDemoRegion } from '../src/main/seed-demo.ts';
import { performReviewVerb } from '../src/modules/review/index.ts';
import { createReviewCast } from '../test/support/factories.ts';
import { ApplicationsPortalPage } from './pages/applications-portal.ts';

/**
 * axe-core with the WCAG 2.1 A and AA rules on every public page type and every public form, in each
 * state a citizen meets (empty, refused with errors, answered). The annual report page is checked
 * in annual-report.e2e.test.ts, where a report gets published.
 */
describe.skipIf(SKIP_BROWSER)('accessibility of the portal (axe-core, WCAG 2.1 AA)', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let baseUrl: string;
  let organ: { code: string; name: string };
  let item: { plain: number; withAttachments: number; replaced: number; withdrawn: number };
  let nodeId: number;
  let proposal: { id: number; nodeId: number };
  let later: () => void;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-11-29T02:00:00Z');
    // The apply form refuses a submission made faster than a person types: let minutes pass between steps.
    later = () => deps.clock.set(new Date(deps.clock.now().getTime() + 120_000).toISOString());
    await seedDemoRegion(deps);
    organ = await deps.db.selectFrom('organs').select(['code', 'name']).where('name', 'like', '%住房和城乡建设局').executeTakeFirstOrThrow();
    const published = deps.db.selectFrom('publications').innerJoin('organs', 'organs.id', 'publications.organ_id').select('publications.id')
      .where('organs.code', '=', organ.code).where('publications.status', '=', 'published');
    item = {
      plain: (await published.where('publications.replaced_by_id', 'is', null).orderBy('publications.id', 'desc').executeTakeFirstOrThrow()).id,
      withAttachments: (await published.where('publications.id', 'in', deps.db.selectFrom('attachments').select('publication_id')).executeTakeFirstOrThrow()).id,
      replaced: (await published.where('publications.replaced_by_id', 'is not', null).executeTakeFirstOrThrow()).id,
      withdrawn: (await published.where('publications.replaced_by_id', 'is', null).orderBy('publications.id', 'asc').executeTakeFirstOrThrow()).id,
    };
    // A withdrawn item keeps its address and says why (HTTP 410): a page type of its own.
    await performReviewVerb(deps, (await createReviewCast(deps, organ.code)).office.actor, item.withdrawn, 'withdraw', { withdrawReason: 'published_in_error', withdrawNote: '重复发布' });
    nodeId = (await deps.db.selectFrom('catalog_nodes').innerJoin('organs', 'organs.id', 'catalog_nodes.organ_id').select('catalog_nodes.id')
      .where('organs.code', '=', organ.code).where('catalog_nodes.name', '=', '工作推进').executeTakeFirstOrThrow()).id;
    // 建议提案办理结果: the demo 住建局's published results and the catalog node that links them.
    proposal = {
      id: (await deps.db.selectFrom('proposals').innerJoin('organs', 'organs.id', 'proposals.organ_id').select('proposals.id')
        .where('organs.code', '=', organ.code).where('proposals.state', '=', 'published').orderBy('proposals.id').executeTakeFirstOrThrow()).id,
      nodeId: (await deps.db.selectFrom('catalog_nodes').innerJoin('organs', 'organs.id', 'catalog_nodes.organ_id').select('catalog_nodes.id')
        .where('organs.code', '=', organ.code).where('catalog_nodes.name', '=', '建议提案办理').executeTakeFirstOrThrow()).id,
    };
    served = await serveForBrowser(app, handle, 'test-results/screenshots');
    baseUrl = served.baseUrl;
  }, 120_000);

  afterAll(async () => served?.close());

  /** Visits each path and returns the violations by path; an empty object when every page passes. */
  async function audit(page: Page, paths: string[]) {
    const found: Record<string, string[]> = {};
    for (const p of paths) {
      await page.goto(`${baseUrl}${p}`);
      const v = await axeViolations(page);
      if (v.length) found[p] = v;
    }
    return found;
  }

  const portalPaths = () => [
    '/',
    '/organs',
    `/organs/${organ.code}`,
    `/organs/${organ.code}/guide`,
    `/organs/${organ.code}/rules`,
    `/organs/${organ.code}/statutory`,
    `/organs/${organ.code}/annual-reports`,
    `/organs/${organ.code}/catalog`,
    `/organs/${organ.code}/catalog/${nodeId}`,
    `/organs/${organ.code}/catalog/${nodeId}?page=2`,
    `/organs/${organ.code}/items/${item.plain}`,
    `/organs/${organ.code}/items/${item.withAttachments}`,
    `/organs/${organ.code}/items/${item.replaced}`,
    `/organs/${organ.code}/items/${item.plain}?print=1`,
    `/organs/${organ.code}/items/${item.withdrawn}`,
    `/organs/${organ.code}/letters`,
    `/organs/${organ.code}/letters/new`,
    '/letters/status',
    `/organs/${organ.code}/catalog/${proposal.nodeId}`,
    `/organs/${organ.code}/proposals`,
    `/organs/${organ.code}/proposals/${proposal.id}`,
    '/organs/no-such-organ',
  ];

  it('every portal page type has no WCAG 2.1 A/AA violation', async () => {
    const page = await served.newPage({ bypassCSP: true });
    expect(await audit(page, portalPaths())).toEqual({});
    expect((await page.goto(`${baseUrl}/organs/${organ.code}/items/${item.withdrawn}`))?.status()).toBe(410);
    await page.context().close();
  }, 120_000);

  it('the large-type and 适老化 variants have none either', async () => {
    const page = await served.newPage({ bypassCSP: true });
    await page.goto(`${baseUrl}/prefs?fs=l&return=/`);
    expect(await audit(page, portalPaths())).toEqual({});
    await page.goto(`${baseUrl}/prefs?fs=s&elder=1&return=/`);
    expect(await page.locator('body').getAttribute('class')).toContain('elder');
    expect(await audit(page, portalPaths())).toEqual({});
    await page.context().close();
  }, 180_000);

  it('the public forms have none: apply (empty, refused, accepted), the status query (empty, refused, answered) and sign-in', async () => {
    const page = await served.newPage({ bypassCSP: true });
    const portal = new ApplicationsPortalPage(page, baseUrl);
    const found: Record<string, string[]> = {};
    const check = async (state: string) => {
      const v = await axeViolations(page);
      if (v.length) found[state] = v;
    };
    await portal.openApplyForm(organ.code);
    await check('apply form');
    await portal.fill({
      applicantType: '自然人', name: '王某', idKind: '居民身份证', idNumber: '110105194912310021', phone: '13800000000',
      subject: '青岚县2025年城区老旧小区改造项目清单', provisionForm: '电子文件', deliveryMethod: '网上查询下载',
    });
    later();
    await portal.submit();
    await expect(portal.errorSummary()).resolves.toContain('身份证号码有误');
    await check('apply form with errors');
    await page.getByLabel('证件号码').fill('11010519491231002X');
    later();
    await portal.submit();
    const receipt = await portal.receipt();
    expect(receipt.trackingNo).not.toBe('');
    await check('apply receipt');

    await page.goto(`${baseUrl}/applications/status`);
    await check('status query form');
    await portal.checkStatus(receipt.trackingNo, 'WRONG123');
    await expect(portal.errorSummary()).resolves.toContain('申请编号或查询码不正确');
    await check('status query refused');
    await portal.checkStatus(receipt.trackingNo, receipt.queryCode);
    await expect(portal.statusValue('办理状态')).resolves.toContain('已提交');
    await check('status query answered');

    await page.goto(`${baseUrl}/admin/login`);
    await check('sign-in form');
    await page.getByLabel('用户名').fill('nobody');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await check('sign-in refused');
    expect(found).toEqual({});
    await page.context().close();
  }, 120_000);
});

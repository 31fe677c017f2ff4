import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createNode, createOrgan, createStaff } from '../test/support/factories.ts';
import { makeTempDir } from '../test/support/temp-dirs.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * Issue 17 in Chromium: an organ's administrator uploads an item file from 导入导出, sees every bad
 * row with its reason (nothing imported), uploads the corrected file, reaches the report, finds the
 * item on the portal with its original date and 索引号, and downloads the export. axe-core 0 on every page.
 */
describe.skipIf(SKIP_BROWSER)('导入导出 in Chromium', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let adminUser: { username: string; password: string };
  let organ: Awaited<ReturnType<typeof createOrgan>>;
  let dir: string;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const policy = await createNode(deps, organ.id, { name: '政策文件' });
    await createNode(deps, organ.id, { name: '规范性文件', parentId: policy });
    adminUser = await createStaff(deps, organ.code, 'organ_admin');
    served = await serveForBrowser(app, handle, SHOTS);
    dir = makeTempDir('e2e-import');
  }, 120_000);
  afterAll(async () => {
    await served?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('uploads a file with bad rows, reads every reason, then imports the corrected file', async () => {
    const page = await served.newPage({ bypassCSP: true });
    const admin = new AdminPages(page, served.baseUrl);
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      const v = await axeViolations(page);
      if (v.length) found[name] = v;
    };
    const header = '索引号,标题,文号,成文日期,发布日期,五公开,文件类型,体裁,目录,正文';
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, [header,
      'QL-2019-00031,青岚县公共租赁住房保障管理办法,青建〔2019〕12号,2019-04-01,2019-04-03,决策,行政规范性文件,通知,政策文件/规范性文件,<p>第一条 为规范公共租赁住房管理，制定本办法。</p>',
      'QL-2019-00032,关于张某住房困难的答复,,2019-04-01,2019-04-03,结果,其他,函,政策文件/规范性文件,<p>张某（身份证号11010519491231002X）：</p>',
      'QL-2019-00033,停水通知,,2019-04-31,2019-05-03,服务,其他,通知,通知公告,<p>停水。</p>',
    ].join('\n'));
    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(good, [header, 'QL-2019-00031,青岚县公共租赁住房保障管理办法,青建〔2019〕12号,2019-04-01,2019-04-03,决策,行政规范性文件,通知,政策文件/规范性文件,<p>第一条 为规范公共租赁住房管理，制定本办法。</p>'].join('\n'));

    await admin.signIn(adminUser.username, adminUser.password);
    await page.getByRole('link', { name: '导入导出' }).click();
    await check('transfer index');
    await page.getByRole('link', { name: organ.name }).click();
    await check('import form');
    await page.getByLabel(/已发布的历史信息/).check();
    await page.getByLabel(/只检查/).uncheck();
    await page.getByLabel(/^信息文件/).setInputFiles(bad);
    await page.getByRole('button', { name: '开始' }).click();
    await page.getByRole('heading', { name: /未导入：文件有错误/ }).waitFor({ timeout: 15_000 });
    // The errors refuse the file; the scan's finding is listed apart, masked (the row would be held back as a draft, 63a155d).
    const rowsOf = (caption: RegExp) => page.locator('table', { has: page.locator('caption', { hasText: caption }) }).locator('tbody tr').allTextContents();
    expect(await rowsOf(/^错误清单/)).toEqual([
      '第4行成文日期“2019-04-31”不是有效日期（如 2020-01-02）',
      '第4行目录“通知公告”不在本机关的公开目录中',
    ]);
    expect(await rowsOf(/^隐私与保密扫描发现/)).toEqual(['第3行关于张某住房困难的答复正文身份证号110105********002X阻止发布：须逐处遮盖或由审核人说明理由']);
    expect(await page.content()).not.toContain('11010519491231002X');
    await check('import refused with every reason');

    await page.getByRole('link', { name: '返回导入与导出' }).click();
    await page.getByLabel(/已发布的历史信息/).check();
    await page.getByLabel(/只检查/).uncheck();
    await page.getByLabel(/^信息文件/).setInputFiles(good);
    await page.getByRole('button', { name: '开始' }).click();
    await page.getByRole('heading', { name: /导入完成/ }).waitFor({ timeout: 15_000 });
    await expect(page.getByRole('status').textContent()).resolves.toContain('已导入 1 条信息');
    await check('import done');

    await page.goto(`${served.baseUrl}/search?q=${encodeURIComponent('公共租赁住房保障管理办法')}`);
    await page.getByRole('link', { name: '青岚县公共租赁住房保障管理办法' }).first().click();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('QL-2019-00031');
    expect(text).toContain('2019-04-03');

    await page.goto(`${served.baseUrl}/admin/organs/${organ.code}/transfer`);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /下载 JSON/ }).click();
    const file = await (await download).path();
    expect(JSON.parse(fs.readFileSync(file!, 'utf8')).items[0]).toMatchObject({ indexNumber: 'QL-2019-00031', publishedOn: '2019-04-03', catalogPaths: ['政策文件/规范性文件'] });
    await page.setViewportSize({ width: 375, height: 800 });
    await check('import form on a phone');
    expect(found).toEqual({});
  }, 120_000);
});

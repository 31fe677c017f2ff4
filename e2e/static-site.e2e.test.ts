import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../test/support/axe.ts';
import { launchBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, createPublished, system } from '../test/support/factories.ts';
import { makeTempDir } from '../test/support/temp-dirs.ts';
import { addAttachment, recordRedirect } from '../src/modules/catalog/index.ts';
import { publishImported } from '../src/modules/review/index.ts';
import { exportSite } from '../src/main/static-site/export-site.ts';

/**
 * Issue 17's static copy in Chromium, opened from disk (file://, no server at all): a reader clicks
 * from the region's home to an organ, into a catalog node, to an item and its attachment, and the
 * search box leads to the page that says the copy cannot search.
 */
describe.skipIf(SKIP_BROWSER)('the static copy of the portal, opened from disk', () => {
  let browser: Browser;
  let dir: string;
  let drop: () => Promise<void>;
  let bureauName: string;
  let bureauCode: string;
  let nodeId: number;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    drop = () => handle.drop();
    const deps = buildDeps(handle, '2026-12-03T01:00:00Z');
    const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府' });
    const bureau = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县住房和城乡建设局' });
    bureauName = bureau.name;
    const node = await createNode(deps, bureau.id, { name: '保障性住房' });
    await createPublished(deps, bureau.id, [node], { title: '公共租赁住房租金标准的通知' });
    const draft = await createDraft(deps, bureau.id, [node], { title: '2026年公共租赁住房保障对象名单公示' });
    await addAttachment(deps, system, draft.id, { fileName: '公示说明.txt', bytes: Buffer.from('公示期为7天，自2026年12月3日起。\n') });
    const published = await publishImported(deps, system, draft.id);
    // The old site's address of the list, and a node merged away: both must still lead somewhere in the copy.
    await recordRedirect(deps.db, { fromPath: '/xxgk/%E5%85%AC%E7%A4%BA_88.html', toPath: `/organs/${bureau.code}/items/${published.id}`, reason: '原网站地址' });
    await recordRedirect(deps.db, { fromPath: `/organs/${bureau.code}/catalog/99999`, toPath: `/organs/${bureau.code}/catalog/${node}`, reason: '合并栏目' });
    bureauCode = bureau.code;
    nodeId = node;
    dir = path.join(makeTempDir('static-e2e'), 'copy');
    await exportSite(deps, { dir, publicUrl: null, now: deps.clock.now() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await drop?.();
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('clicks from the home to an organ, a catalog node, an item and its attachment, all from files', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } })).newPage();
    const failed: string[] = [];
    // A file the copy lacks fails to load; one cut short by the next click (ERR_ABORTED) is not missing,
    // nor axe-core's own re-reading of the stylesheet (a fetch, which file:// pages may not make).
    page.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED' && !['xhr', 'fetch'].includes(r.resourceType())) failed.push(`${r.url()} ${r.failure()?.errorText} on ${r.frame().url()}`); });
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
    await page.getByRole('link', { name: bureauName }).first().click();
    expect(page.url()).toMatch(/^file:.*\/organs\/[^/]+\/index\.html$/);
    expect(await page.locator('h1').innerText()).toContain(bureauName);
    // The stylesheet came from the copy: the page is styled, not bare.
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');

    await page.getByRole('link', { name: /保障性住房/ }).first().click({ timeout: 5000 });
    expect(page.url()).toMatch(/\/catalog\/\d+\/index\.html$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '2026年公共租赁住房保障对象名单公示' }).click({ timeout: 5000 });
    expect(decodeURIComponent(page.url())).toMatch(/\/items\/\d+\/index(\.node-\d+)?\.html$/);
    expect(await page.locator('h1').innerText()).toContain('2026年公共租赁住房保障对象名单公示');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: /公示说明/ }).click({ timeout: 5000 });
    expect(decodeURIComponent(page.url())).toMatch(/\/attachments\/\d+\/公示说明\.txt$/);
    expect(await page.locator('body').innerText()).toContain('公示期为7天');
    expect(failed).toEqual([]);
  });

  it('lands on the new page when an old address of the copy is opened from disk', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(pathToFileURL(path.join(dir, 'xxgk/公示_88.html')).href);
    await page.waitForURL(/\/items\/\d+\/index\.html$/);
    expect(await page.locator('h1').innerText()).toContain('2026年公共租赁住房保障对象名单公示');
    await page.goto(pathToFileURL(path.join(dir, `organs/${bureauCode}/catalog/99999/index.html`)).href);
    await page.waitForURL((u) => u.pathname.endsWith(`/catalog/${nodeId}/index.html`));
    expect(await page.locator('h1').innerText()).toContain('保障性住房');
  });

  it('sends a search from the copy to the page that says the copy cannot search', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
    await page.getByRole('searchbox').first().fill('公租房');
    await page.getByRole('searchbox').first().press('Enter');
    await page.waitForURL(/unavailable\.html/);
    expect(await page.locator('h1').innerText()).toBe('静态副本不提供此功能');
    expect(await axeViolations(page)).toEqual([]);
  });
});

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../test/support/factories.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * An outside tester at 360 px: the breadcrumb's label 当前位置： stood alone on a line above the crumbs, which began
 * on the next line. On a phone the crumbs start the breadcrumb (the nav's aria-label still names it); a wide screen
 * keeps the label.
 */
describe.skipIf(SKIP_BROWSER)('the breadcrumb on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let url = '';

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    const nodeId = await createNode(deps, organ.id, { name: '政策文件' });
    const item = await createPublished(deps, organ.id, [nodeId], { title: '关于建立健全农村危房改造长效机制的意见' });
    url = `/organs/${organ.code}/items/${item.id}`;
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('starts with its first crumb at 360 px, the nav still named 当前位置', async () => {
    const page = await served.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${served.baseUrl}${url}`);
    const nav = page.locator('nav.breadcrumb');
    await expect(nav.getAttribute('aria-label')).resolves.toBe('当前位置');
    await expect(page.locator('.breadcrumb-label').isVisible()).resolves.toBe(false);
    const navTop = (await nav.boundingBox())!.y;
    const firstCrumb = (await page.locator('.breadcrumb li').first().boundingBox())!;
    expect(firstCrumb.y - navTop, 'the first crumb on the breadcrumb’s first line').toBeLessThan(24);
    // The first crumb's words start at the breadcrumb's edge, as a wrapped line's do (首页 stood indented, centred in its box).
    const indent = await page.locator('.breadcrumb a').first().evaluate((a) => {
      const range = document.createRange();
      range.selectNodeContents(a);
      return range.getBoundingClientRect().left - a.closest('nav')!.getBoundingClientRect().left;
    });
    expect(indent).toBeLessThan(2);
    await page.context().close();
  }, 60_000);

  it('keeps the label 当前位置： on a wide screen', async () => {
    const page = await served.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${served.baseUrl}${url}`);
    await expect(page.locator('.breadcrumb-label').isVisible()).resolves.toBe(true);
    await page.context().close();
  }, 60_000);
});

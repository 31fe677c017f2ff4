import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../test/support/factories.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * The API reference (/api/docs, Swagger UI) under the site's own Content-Security-Policy, never bypassed: an outside
 * tester saw a console error on every visit — Swagger UI's top bar drew its logo as an SVG with a <style> of its own
 * (sha256-RL3ie0nH…), which the policy refuses. The page loads and is used (an operation opened, 试用 with 执行)
 * with no console error and no policy violation, on a wide screen and a phone; the policy is the site's.
 */
describe.skipIf(SKIP_BROWSER)('the API reference page in Chromium', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let sitePolicy = '';

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    await createPublished(deps, organ.id, [await createNode(deps, organ.id)], { title: '关于农村危房改造补助标准的通知' });
    sitePolicy = String((await app.inject({ method: 'GET', url: '/' })).headers['content-security-policy']);
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  /** Every console error, uncaught error and policy violation of the page, from before its HTML is parsed. */
  async function watched(page: Page): Promise<() => Promise<string[]>> {
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    return async () => [...errors, ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))];
  }

  for (const [label, viewport] of [['a wide screen', { width: 1280, height: 900 }], ['a 390 px phone', { width: 390, height: 844 }]] as const) {
    it(`loads and is used on ${label} with no console error, under the site's own policy`, async () => {
      const page = await served.newPage({ viewport });
      const problems = await watched(page);
      const answer = await page.goto(`${served.baseUrl}/api/docs`);
      // The same policy as every other page: no exception for this one.
      expect(answer!.headers()['content-security-policy']).toBe(sitePolicy);
      await page.locator('.opblock-tag').first().waitFor();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('gongkai 政府信息公开平台 API');
      // An operation opened, tried and executed: what a developer does on this page.
      const operation = page.locator('.opblock', { hasText: '/api/v1/organs' }).first();
      await operation.locator('.opblock-summary').first().click();
      await operation.getByRole('button', { name: 'Try it out' }).click();
      await operation.getByRole('button', { name: 'Execute' }).click();
      const status = operation.locator('.live-responses-table tbody .response-col_status').first();
      await status.waitFor();
      await expect(status.textContent()).resolves.toContain('200');
      await page.screenshot({ path: path.join(SHOTS, `api-docs-${viewport.width}.png`) });
      expect(await problems()).toEqual([]);
      await page.context().close();
    }, 90_000);
  }
});

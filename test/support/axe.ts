import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG 2.1 A and AA rules of axe-core (the tags axe gives them). */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it is now and returns one line per violating element
 * (`rule (impact): selector — what to fix`), so a failing assertion says where to look.
 * axe is injected as an inline script, which the platform's CSP rightly forbids: open the page in a
 * context created with `bypassCSP: true` (e.g. `served.newPage({ bypassCSP: true })`).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.waitForLoadState('load');
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: AXE_SOURCE });
    if (!(await page.evaluate(() => 'axe' in window))) throw new Error('axe-core 未能注入页面：浏览器上下文需要 bypassCSP: true');
  }
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_21_AA,
  );
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

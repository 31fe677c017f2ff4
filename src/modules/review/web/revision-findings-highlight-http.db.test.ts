import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createPendingRevision } from '../../../../test/support/pending-revision.ts';
import { loadForm } from '../index.ts';

const ID = '11010519491231002X';
/** The text each highlighted finding of the page's 正文扫描结果 covers. */
const highlighted = (page: string) => {
  const text = page.slice(page.indexOf('aria-label="正文扫描结果"'));
  return [...text.matchAll(/<mark id="finding-\d+"[^>]*>([^<]*)<span/g)].map((m) => m[1]);
};

/**
 * The reviewer's panel highlighted a revision's body findings in the published text, while their offsets
 * are into the revision's: a revision that moved the ID number had the wrong characters marked (the
 * number itself left plain). The findings are highlighted in the text they were found in.
 */
describeEachDialect('a pending revision\'s body findings are highlighted in the revision\'s text', (db) => {
  it('marks the ID number where the revision put it, for the reviewer and the officer', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { item, publisher, page } = await createPendingRevision(app, deps, {
        publishedBody: `<p>停水户：王建国，身份证号${ID}。</p>`,
        revisedBody: `<p>因管网改造，城关镇幸福路自 6 月 3 日起停水。停水户：王建国，身份证号${ID}。</p>`,
      });
      const findings = (await loadForm(deps.db, item.id))!.scanFindings;
      expect(findings.map((f) => [f.source, f.text])).toEqual([['正文', ID]]);
      expect(highlighted(await page(await loginAs(app, publisher.username, publisher.password)))).toEqual([ID]);
      expect(highlighted(await page())).toEqual([ID]);
    } finally {
      await app.close();
    }
  });
});

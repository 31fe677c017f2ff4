import fs from 'node:fs';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { createNode, createOrgan, createPublished, system } from '../../../../../test/support/factories.ts';
import { performReviewVerb } from '../../../review/index.ts';

/**
 * The portal offers no PDF of an item of its own: its PDF is the organ's attachment, the document as
 * issued, served as uploaded. What a citizen prints or saves as PDF is the print view (打印本页, ?print=1),
 * and there a repealed or lapsed item says so at the top of the first page, before its title.
 */
describeEachDialect('the print view of an item no longer in force', (db) => {
  it('opens with 本文件已废止 / 本文件已失效 before the title, in a box print does not hide', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const repealed = await createPublished(deps, organ.id, [node], { title: '测试县物业管理办法', formedOn: '2021-06-07' });
    await performReviewVerb(deps, system, repealed.id, 'repeal', { comment: '不再适用' });
    const lapsed = await createPublished(deps, organ.id, [node], { title: '测试县租赁补贴办法', formedOn: '2021-06-07', validThroughOn: '2026-06-06' });
    for (const [id, words] of [[repealed.id, '本文件已废止。'], [lapsed.id, '本文件已失效。']] as const) {
      const page = (await app.inject(`/organs/${organ.code}/items/${id}?print=1`)).body;
      expect(page).toMatch(/<body class="[^"]*\bprint-view\b/);
      const notice = page.indexOf(words);
      expect(notice).toBeGreaterThan(0);
      expect(notice).toBeLessThan(page.indexOf('<h1 class="article-title"'));
      // The box it stands in is a plain .notice, which neither print view nor @media print hides.
      expect(page.slice(page.lastIndexOf('<div', notice), notice)).toMatch(/<div class="notice" role="note">/);
    }
    const css = fs.readFileSync(new URL('../../../../platform/views/assets/site.css', import.meta.url), 'utf8');
    for (const rule of css.matchAll(/@media print\s*\{([\s\S]*?)\}\s*\}/g)) expect(rule[1]).not.toMatch(/\.notice\b/);
    await app.close();
  });
});

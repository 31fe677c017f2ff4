import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { createNode, createOrgan, createPublished, publicationInput } from '../../../../../test/support/factories.ts';

const interpretation = (policyIds: number[], node: number, over: Record<string, unknown> = {}) =>
  publicationInput([node], { stage: 'decision', genre: '解读', itemKind: 'interpretation', interpretationForm: 'text', policyIds, ...over });
const text = (html: string) => html.replace(/<[^>]+>/g, '');

/**
 * Found by an outside tester: a 政策解读 marked 已废止 read 本文件已废止 on the portal. An interpretation has no 效力 of its own
 * (review-states.md); one marked before the rule (or by an earlier import) keeps its stored 效力, which no page says. Its page
 * speaks of the documents it explains instead: 所解读的文件《…》已废止, linked, when one is no longer in force; nothing otherwise.
 */
describeEachDialect('a 政策解读’s page speaks of its document’s 效力, never of its own', (db) => {
  it('says 所解读的文件《…》已废止 with a link and the way to its replacement, not 本文件已废止; no 有效性 among its properties', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const policies = await createNode(deps, organ.id, { name: '政策文件' });
      const node = await createNode(deps, organ.id, { name: '政策解读' });
      const successor = await createPublished(deps, organ.id, [policies], { title: '青岚县城镇排水与污水处理管理办法（2026年修订）', documentNumber: '岚政规〔2026〕2号' });
      const policy = await createPublished(deps, organ.id, [policies], {
        title: '青岚县城镇排水与污水处理管理办法', documentNumber: '岚政规〔2021〕5号', validity: 'repealed', replacedById: successor.id,
      });
      const stale = await createPublished(deps, organ.id, [node], interpretation([policy.id], node, { title: '《青岚县城镇排水与污水处理管理办法》政策解读' }));
      // Marked 已废止 on its own before the rule, and named by the successor as a document it repealed.
      await deps.db.updateTable('publications').set({ validity: 'repealed', replaced_by_id: successor.id }).where('id', '=', stale.id).execute();

      const page = (await app.inject(`/organs/${organ.code}/items/${stale.id}`)).body;
      expect(page).not.toContain('本文件已废止');
      expect(page).not.toContain('本文件已被');
      const notice = /<div class="notice interpreted-validity" role="note">[\s\S]*?<\/div>/.exec(page)?.[0] ?? '';
      expect(notice).toContain(`<a href="/organs/${organ.code}/items/${policy.id}">青岚县城镇排水与污水处理管理办法</a>`);
      expect(text(notice)).toContain('所解读的文件《青岚县城镇排水与污水处理管理办法》（岚政规〔2021〕5号，');
      expect(text(notice)).toContain('已废止。本解读说明的是该文件的规定，现已不再适用；替代它的文件见下方“本文解读的政策文件”。');
      expect(notice).toContain('href="#policies-h"');
      expect(page).not.toContain('<th scope="row">有效性</th>');
      expect(page).not.toContain('<dt>有效性</dt>');

      // Listed in its column without （已废止）; the policy’s own page lists it so too, and its successor does not say it repealed it.
      const column = (await app.inject(`/organs/${organ.code}/catalog/${node}`)).body;
      expect(column).toContain('《青岚县城镇排水与污水处理管理办法》政策解读');
      expect(column).not.toContain('（已废止）');
      const policyPage = (await app.inject(`/organs/${organ.code}/items/${policy.id}`)).body;
      const box = /<section class="panel interpretations"[\s\S]*?<\/section>/.exec(policyPage)?.[0] ?? '';
      expect(box).toContain(`href="/organs/${organ.code}/items/${stale.id}"`);
      expect(box).not.toContain('已废止');
      expect(policyPage).toContain('本文件已被');
      const successorPage = (await app.inject(`/organs/${organ.code}/items/${successor.id}`)).body;
      expect(successorPage).toContain('本文件废止了');
      expect(text(/<div class="notice validity-of-others"[\s\S]*?<\/div>/.exec(successorPage)?.[0] ?? '')).not.toContain('政策解读》');
    } finally {
      await app.close();
    }
  });

  it('says 已修改 of an amended document, and nothing when the document is in force, whatever the interpretation’s stored 效力', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id, { name: '政策解读' });
      const amended = await createPublished(deps, organ.id, [node], { title: '青岚县物业服务管理办法', validity: 'amended' });
      const inForce = await createPublished(deps, organ.id, [node], { title: '青岚县住房租赁补贴办法' });
      const ofAmended = await createPublished(deps, organ.id, [node], interpretation([amended.id], node, { title: '物业服务管理办法解读' }));
      const ofInForce = await createPublished(deps, organ.id, [node], interpretation([inForce.id], node, { title: '住房租赁补贴办法解读' }));
      await deps.db.updateTable('publications').set({ validity: 'amended' }).where('id', 'in', [ofAmended.id, ofInForce.id]).execute();

      const a = (await app.inject(`/organs/${organ.code}/items/${ofAmended.id}`)).body;
      expect(a).not.toContain('本文件已修改');
      expect(text(/<div class="notice interpreted-validity" role="note">[\s\S]*?<\/div>/.exec(a)?.[0] ?? '')).toContain('所解读的文件《青岚县物业服务管理办法》');
      expect(text(a)).toContain('已修改。本解读所述内容可能与修改后的规定不一致，请以修改后的文件为准。');
      const b = (await app.inject(`/organs/${organ.code}/items/${ofInForce.id}`)).body;
      expect(b).not.toContain('本文件已修改');
      expect(b).not.toContain('interpreted-validity');
      expect(b).not.toContain('<th scope="row">有效性</th>');
      // An ordinary document still has its 有效性 and its banner.
      const doc = (await app.inject(`/organs/${organ.code}/items/${amended.id}`)).body;
      expect(doc).toContain('<th scope="row">有效性</th>');
      expect(doc).toContain('本文件已修改');
    } finally {
      await app.close();
    }
  });
});

import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, system } from '../../../../test/support/factories.ts';
import { publishImported } from '../../review/index.ts';
import { searchPublications, type SearchRequest } from '../index.ts';

const req = (q: string, over: Partial<SearchRequest> = {}): SearchRequest => ({ q, filters: { scopeOrganId: null }, sort: 'relevance', page: 1, pageSize: 20, ...over });

/**
 * A keyword that names an organ ranks none of that organ's items above the others (docs/search.md, "Order"): every item
 * the organ published is the organ's, whether or not its title says so. A tester's 住建局 公示 opened with seven years of
 * the bureau's 任前公示 — the only titles that hold 住建局 as well as 公示 — above this month's 公示.
 */
describeEachDialect('relevance when a keyword names an organ', (db) => {
  it('ranks the organ’s items by the other words, its name in a title counting for nothing more', async () => {
    const deps = await buildDeps(db());
    const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
    const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    const finance = await createOrgan(deps, { parentCode: county.code, name: '青岚县财政局', shortName: '县财政局' });
    const node = await createNode(deps, bureau.id);
    const publish = async (organId: number, nodeId: number, title: string, body: string, on: string) => {
      const draft = await createDraft(deps, organId, [nodeId], { title, bodyHtml: `<p>${body}</p>`, formedOn: on });
      return (await publishImported(deps, system, draft.id, { backdatedPublishedOn: on })).id;
    };
    const older = await publish(bureau.id, node, '县住建局2024年拟任职干部任前公示', '现将县住建局拟任职干部予以公示。', '2024-05-06');
    const old = await publish(bureau.id, node, '县住建局2025年拟任职干部任前公示', '现将县住建局拟任职干部予以公示。', '2025-05-06');
    const permit = await publish(bureau.id, node, '锦绣华庭二期商品房预售许可公示', '经县住建局审查，准予预售，现予公示。', '2026-11-09');
    const housing = await publish(bureau.id, node, '2026年第八批公共租赁住房保障资格审核结果公示', '经审核，现予公示。如有异议请向青岚县住房和城乡建设局反映。', '2026-11-24');
    const meeting = await publish(bureau.id, node, '县住建局召开物业服务工作推进会', '会议要求推行收费标准公示。', '2026-10-28');
    // Another organ's item that names the bureau in its title: the name is a word of its own there.
    const other = await publish(finance.id, await createNode(deps, finance.id), '关于拨付县住建局保障性住房资金的公示', '现予公示。', '2026-03-02');

    const order = async (q: string, over: Partial<SearchRequest> = {}) => (await searchPublications(deps, req(q, over))).hits.map((h) => h.id);
    // Every 公示 in a title by date — the bureau's and the finance bureau's, whose title names the bureau as a word of its
    // own — the bureau's 任前公示 of another year (a series) after the others; the meeting, 公示 only in its body, last.
    expect(await order('住建局 公示')).toEqual([housing, permit, other, old, older, meeting]);
    // The same within the bureau (its own header box).
    expect(await order('住建局 公示', { filters: { scopeOrganId: bureau.id } })).toEqual([housing, permit, old, older, meeting]);
    // The full name typed names the same organ.
    expect(await order('住房和城乡建设局 公示', { filters: { scopeOrganId: bureau.id } })).toEqual([housing, permit, old, older, meeting]);
    // No organ named: the titles holding every word first, as before.
    expect(await order('干部 公示')).toEqual([old, older]);
  });
});

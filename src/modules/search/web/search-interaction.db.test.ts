import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createConsultation, createNode, createOrgan, createProposal, createPublished, system } from '../../../../test/support/factories.ts';
import { performProposalVerb } from '../../interaction/index.ts';

const q = (s: string) => encodeURIComponent(s);
const mainOf = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)![1]!;
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');
/** The block of 意见征集 and 建议提案 on the results page, or null. */
const blockOf = (main: string) => /<section class="[^"]*search-interaction[^"]*"[\s\S]*?<\/section>/.exec(main)?.[0] ?? null;

/**
 * An outside tester (a resident on a phone) searched 加装电梯 and got 50 items that mention it in passing, while the open
 * 意见征集 《青岚县既有住宅加装电梯实施办法（征求意见稿）》 — what she wanted — appeared nowhere. The search also finds the
 * interaction pages: 意见征集 (open ones first) and published 建议提案 results, matched on their titles by the items' rule.
 */
describeEachDialect('the site search finds 意见征集 and 建议提案 too', (db) => {
  it('shows matching consultations and published proposal results beside the items, in the search’s scope, on the page and in the API', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-04-01T02:00:00Z');
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
      const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const finance = await createOrgan(deps, { parentCode: county.code, name: '青岚县财政局', shortName: '县财政局' });
      const node = await createNode(deps, bureau.id);
      // Items that mention it in passing.
      for (let i = 0; i < 3; i++) await createPublished(deps, bureau.id, [node], { title: `2026年第${i + 1}季度城建工作简报`, bodyHtml: '<p>继续推进既有住宅加装电梯工作。</p>' });

      // Opened on 1 April: one closed by the day searched, one open, one not yet started (hidden, as on the organ's list).
      const closed = await createConsultation(deps, bureau.id, { title: '关于既有住宅加装电梯财政补助办法的征求意见稿', startOn: '2026-04-01', endOn: '2026-04-15' });
      const open = await createConsultation(deps, bureau.id, { title: '《青岚县既有住宅加装电梯实施办法（征求意见稿）》', startOn: '2026-04-10', endOn: '2026-05-20' });
      const upcoming = await createConsultation(deps, bureau.id, { title: '青岚县加装电梯管理维护规定（征求意见稿）', startOn: '2026-06-01', endOn: '2026-06-30' });
      await createConsultation(deps, bureau.id, { title: '关于城区停车收费标准调整的征求意见稿', startOn: '2026-04-02', endOn: '2026-05-30' });
      // Results: one published, one answered but not published (not public), one of another organ.
      const published = await createProposal(deps, bureau.id, { title: '关于加快老旧小区加装电梯的建议' });
      const notPublic = await createProposal(deps, bureau.id, { title: '关于加装电梯补贴标准的建议', publish: false });
      const financeOne = await createProposal(deps, finance.id, { title: '关于加装电梯财政资金保障的提案', kind: 'proposal' });
      deps.clock.set('2026-04-20T02:00:00Z');

      const page = mainOf((await app.inject(`/search?q=${q('加装电梯')}`)).body);
      const block = blockOf(page);
      expect(block, 'the block of 意见征集 and 建议提案').not.toBeNull();
      // A heading and lists, under the heading with the count and above the items (an outside tester on a phone: above the
      // count, the block pushed it and the first item out of the first screen).
      expect(block).toMatch(/<section class="[^"]*search-interaction[^"]*" aria-labelledby="interaction-h">/);
      expect(block).toMatch(/<h3 id="interaction-h"[^>]*>/);
      expect(page.indexOf('id="results-h"')).toBeLessThan(page.indexOf('id="interaction-h"'));
      expect(page.indexOf('id="interaction-h"')).toBeLessThan(page.indexOf('class="search-hit"'));
      // The open one first, with its period and state; then the closed one; never the one not yet started.
      const text = textOf(block!);
      expect(block).toContain(`href="/organs/${bureau.code}/consultations/${open.id}"`);
      expect(block).toContain(`href="/organs/${bureau.code}/consultations/${closed.id}"`);
      expect(block).not.toContain(`/consultations/${upcoming.id}"`);
      expect(block).not.toContain('停车收费');
      expect(block!.indexOf(`/consultations/${open.id}"`)).toBeLessThan(block!.indexOf(`/consultations/${closed.id}"`));
      expect(text).toContain('正在征集');
      expect(text).toContain('已结束');
      expect(text).toContain('征集期 2026-04-10 至 2026-05-20');
      // Published results only, every organ's when the whole region is searched.
      expect(block).toContain(`href="/organs/${bureau.code}/proposals/${published.id}"`);
      expect(block).toContain(`href="/organs/${finance.code}/proposals/${financeOne.id}"`);
      expect(block).not.toContain(`/proposals/${notPublic.id}"`);
      // The matched words are marked, as in an item's title.
      expect(block).toContain('<mark>加装电梯</mark>');
      // The whole title, never cut to … before its first match.
      expect(textOf(block!)).toContain('关于加快老旧小区加装电梯的建议');
      expect(textOf(block!)).not.toContain('…');
      // The items are still there.
      expect(page).toContain('共找到 3 条');

      // The scope: an organ's own (the bureau's here; the finance bureau's, only its proposal; the county government's own, none).
      const inBureau = blockOf(mainOf((await app.inject(`/search?q=${q('加装电梯')}&organ=${bureau.code}`)).body));
      expect(inBureau).toContain(`/consultations/${open.id}"`);
      expect(inBureau).not.toContain(`/proposals/${financeOne.id}"`);
      const inFinance = blockOf(mainOf((await app.inject(`/search?q=${q('加装电梯')}&organ=${finance.code}`)).body));
      expect(inFinance).toContain(`/proposals/${financeOne.id}"`);
      expect(inFinance).not.toContain('/consultations/');
      expect(blockOf(mainOf((await app.inject(`/search?q=${q('加装电梯')}&organ=${county.code}`)).body))).toBeNull();

      // A filter of the items (体裁, 五公开, a year …) is not one a consultation has: no block.
      expect(blockOf(mainOf((await app.inject(`/search?q=${q('加装电梯')}&genre=${q('通知')}`)).body))).toBeNull();
      expect(blockOf(mainOf((await app.inject(`/search?q=${q('加装电梯')}&year=2026`)).body))).toBeNull();

      // Found in no item, found in a consultation: not "nothing found" — the block, and no advice to check the words.
      const onlyThere = mainOf((await app.inject(`/search?q=${q('实施办法 加装电梯')}`)).body);
      expect(blockOf(onlyThere)).toContain(`/consultations/${open.id}"`);
      expect(textOf(onlyThere)).not.toContain('可以这样再试');
      expect(onlyThere).toContain('href="#results-h"');
      expect(onlyThere.indexOf('id="results-h"')).toBeLessThan(onlyThere.indexOf('id="interaction-h"'));

      // The API carries them as lists of their own.
      const api = (await app.inject(`/api/v1/search?q=${q('加装电梯')}`)).json();
      expect(api.interaction.consultations.total).toBe(2);
      expect(api.interaction.consultations.items.map((c: { id: number }) => c.id)).toEqual([open.id, closed.id]);
      expect(api.interaction.consultations.items[0]).toMatchObject({
        id: open.id, title: '《青岚县既有住宅加装电梯实施办法（征求意见稿）》', url: `/organs/${bureau.code}/consultations/${open.id}`,
        organ: { code: bureau.code, name: '青岚县住房和城乡建设局', label: '县住建局' }, startOn: '2026-04-10', endOn: '2026-05-20', open: true,
      });
      expect(api.interaction.consultations.items[1]).toMatchObject({ open: false });
      expect(api.interaction.proposals.total).toBe(2);
      expect(api.interaction.proposals.items.map((p: { id: number }) => p.id).sort()).toEqual([published.id, financeOne.id].sort());
      expect(api.interaction.proposals.items.find((p: { id: number }) => p.id === financeOne.id)).toMatchObject({
        kind: 'proposal', url: `/organs/${finance.code}/proposals/${financeOne.id}`, organ: { code: finance.code },
      });
      expect((await app.inject(`/api/v1/search?q=${q('加装电梯')}&genre=${q('通知')}`)).json().interaction).toBeNull();
      const apiOnlyThere = (await app.inject(`/api/v1/search?q=${q('实施办法 加装电梯')}`)).json();
      expect(apiOnlyThere).toMatchObject({ total: 0, interaction: { consultations: { total: 1, items: [{ id: open.id }] } } });

      // Kept result pages follow what is public: a result withheld leaves, a consultation opened today comes.
      await performProposalVerb(deps, system, published.id, { verb: 'withhold', reason: '复文涉及商业秘密' });
      const after = blockOf(mainOf((await app.inject(`/search?q=${q('加装电梯')}`)).body));
      expect(after).not.toContain(`/proposals/${published.id}"`);
      const today = await createConsultation(deps, bureau.id, { title: '关于加装电梯运行维护资金的征求意见稿', startOn: '2026-04-20', endOn: '2026-05-10' });
      expect(blockOf(mainOf((await app.inject(`/search?q=${q('加装电梯')}`)).body))).toContain(`/consultations/${today.id}"`);
    } finally {
      await app.close();
    }
  });

  it('shows a few of many, open ones first, and links the organ’s list for the rest', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-04-01T02:00:00Z');
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
      const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      for (let i = 1; i <= 5; i++) await createConsultation(deps, bureau.id, { title: `关于ＰＰＰ项目第${i}批实施方案的征求意见稿`, startOn: `2026-04-0${i}`, endOn: i === 1 ? '2026-06-30' : `2026-04-1${i}` });
      deps.clock.set('2026-04-20T02:00:00Z');
      // Full-width letters found by half-width ones in lower case, as items are.
      const page = mainOf((await app.inject(`/search?q=ppp`)).body);
      const block = blockOf(page)!;
      // (The first is in the page twice, one copy for each layout of the panel: interaction-block.tsx.)
      expect(new Set(block.match(/\/consultations\/\d+"/g))).toHaveProperty('size', 3);
      // The only open one (the first, started earliest) comes first.
      expect(textOf(block)).toMatch(/第1批[\s\S]*正在征集[\s\S]*第5批[\s\S]*第4批/);
      expect(block).toContain(`href="/organs/${bureau.code}/consultations"`);
      expect(textOf(block)).toContain('共 5 项');
      const api = (await app.inject(`/api/v1/search?q=ppp`)).json();
      expect(api.interaction.consultations).toMatchObject({ total: 5, lists: [{ organ: { code: bureau.code }, url: `/organs/${bureau.code}/consultations` }] });
      expect(api.interaction.consultations.items).toHaveLength(3);
      // Nothing of the kind: no block; the API's lists empty.
      expect(blockOf(mainOf((await app.inject(`/search?q=${q('公租房')}`)).body))).toBeNull();
      expect((await app.inject(`/api/v1/search?q=${q('公租房')}`)).json().interaction).toEqual({ consultations: { total: 0, items: [], lists: [] }, proposals: { total: 0, items: [], lists: [] } });
    } finally {
      await app.close();
    }
  });
});

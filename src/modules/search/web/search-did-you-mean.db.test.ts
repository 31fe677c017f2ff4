import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';

const mainOf = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)![1]!;
const q = encodeURIComponent;
/** The results heading (the skip link's and the focus's target) as a screen reader reads it. */
const headingOf = (main: string) => /<h2 id="results-h"[^>]*>([\s\S]*?)<\/h2>/.exec(main)![1]!.replace(/<[^>]+>/g, '').trim();
const textOf = (main: string) => main.replace(/<[^>]+>/g, '');
const previewOf = (main: string) => /<section class="offer-preview[^"]*"[\s\S]*?<\/section>/.exec(main)?.[0].replace(/<\/?mark>/g, '') ?? '';

/**
 * Issue #13: a citizen on a phone typed 公阻房 (meant 公租房), 危方改造 (危房改造), 住房公基金 (住房公积金) — a homophone
 * picked in a pinyin IME — and got nothing, and no hint. A search that finds nothing, nor with its words apart, offers
 * the keyword corrected (您是不是要找), as a link to that search with its count, when it finds something.
 */
describeEachDialect('a search that found nothing offers the keyword typed with a wrong character corrected', (db) => {
  it('on the page and in the API, with its count, only when the corrected search finds something', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      await createPublished(deps, bureau.id, [node], { title: '青岚县2026年公租房分配结果公示', stage: 'result' });
      await createPublished(deps, bureau.id, [node], { title: '关于下达2026年农村危房改造补助资金的通知' });
      await createPublished(deps, bureau.id, [node], { title: '关于调整住房公积金缴存基数的通知' });

      const page = mainOf((await app.inject(`/search?q=${q('公阻房')}&organ=${bureau.code}`)).body);
      // The corrected search's items are shown, under a heading that says nothing matched what was typed and whose items
      // these are, with their count — never 共找到 0 条 above items (two outside testers; issue 13).
      expect(headingOf(page)).toBe('在县住建局范围内没有找到包含“公阻房”的公开信息；以下是“公租房”的结果（共 1 条）');
      expect(page).not.toContain('共找到 0 条');
      expect(textOf(page)).toContain('您是不是要找“公租房”？检索词中可能有错别字（如读音相同的字）。');
      expect(previewOf(page)).toContain('青岚县2026年公租房分配结果公示');
      // What was typed is not lost: it can be searched again as typed, from the box that holds it.
      expect(page).toContain('value="公阻房"');
      const followed = mainOf((await app.inject(`/search?q=${q('公租房')}&organ=${bureau.code}`)).body);
      expect(followed).toContain('共找到 1 条');
      expect(followed).not.toContain('您是不是要找');

      expect((await app.inject(`/api/v1/search?q=${q('公阻房')}`)).json().didYouMean).toEqual({ q: '公租房', total: 1, kind: 'homophone' });
      expect((await app.inject(`/api/v1/search?q=${q('公阻房')}`)).json()).toMatchObject({ total: 0, items: [], shownInstead: { kind: 'didYouMean', q: '公租房', total: 1 } });
      expect((await app.inject(`/api/v1/search?q=${q('危方改造')}`)).json().didYouMean).toEqual({ q: '危房改造', total: 1, kind: 'homophone' });
      expect((await app.inject(`/api/v1/search?q=${q('住房公基金')}`)).json().didYouMean).toEqual({ q: '住房公积金', total: 1, kind: 'homophone' });
      expect(headingOf(mainOf((await app.inject(`/search?q=${q('住房公基金')}`)).body))).toBe('没有找到包含“住房公基金”的公开信息；以下是“住房公积金”的结果（共 1 条）');

      // Found as typed: nothing offered.
      expect((await app.inject(`/api/v1/search?q=${q('危房改造')}`)).json().didYouMean).toBeNull();
      // The corrected keyword finds nothing either (廉租房): nothing offered.
      const none = mainOf((await app.inject(`/search?q=${q('廉阻房')}`)).body);
      expect(headingOf(none)).toBe('没有找到包含“廉阻房”的公开信息');
      expect(none).not.toContain('offer-preview');
      expect(none).not.toContain('您是不是要找');
      expect((await app.inject(`/api/v1/search?q=${q('廉阻房')}`)).json().didYouMean).toBeNull();

      // Nothing within another organ, as typed or corrected: the correction over the whole site, with its count there.
      const other = await createOrgan(deps, { shortName: '县财政局' });
      const elsewhere = mainOf((await app.inject(`/search?q=${q('公阻房')}&organ=${other.code}`)).body);
      expect(elsewhere).toContain(`您是不是要找：<a class="keep-words" href="/search?q=${q('公租房')}">公租房</a>（全站 1 条）`);
      // Only a link there: no items are shown, so the heading says only what was not found where.
      expect(headingOf(elsewhere)).toBe('在县财政局范围内没有找到包含“公阻房”的公开信息');
      expect(elsewhere).not.toContain('offer-preview');
    } finally {
      await app.close();
    }
  });

  it('keeps the other keywords, the scope and the filters of the search, as the split link does', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      await createPublished(deps, bureau.id, [node], { title: '青岚县2026年公租房分配结果公示', stage: 'result' });
      await createPublished(deps, bureau.id, [node], { title: '关于公租房租金标准的通知', stage: 'decision' });

      const page = mainOf((await app.inject(`/search?q=${q('公阻房 分配')}&organ=${bureau.code}&stage=result`)).body);
      expect(headingOf(page)).toBe('在县住建局范围内、所选条件下没有找到包含“公阻房 分配”的公开信息；以下是“公租房 分配”的结果（共 1 条）');
      expect(previewOf(page)).toContain('青岚县2026年公租房分配结果公示');
      expect(previewOf(page)).not.toContain('关于公租房租金标准的通知');
      const api = (await app.inject(`/api/v1/search?q=${q('公阻房 分配')}&organ=${bureau.code}&stage=result`)).json();
      expect(api.didYouMean).toEqual({ q: '公租房 分配', total: 1, kind: 'homophone' });
      // Under a filter that the corrected search finds nothing in either: nothing offered.
      expect((await app.inject(`/api/v1/search?q=${q('公阻房 分配')}&organ=${bureau.code}&stage=decision`)).json().didYouMean).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('offers the item whose 文号 has the same year and serial and a 代字 one character off (岚建字〔2026〕58号 for 岚建〔2026〕58号)', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      await createPublished(deps, bureau.id, [node], { title: '关于公布2026年公租房保障对象的通知', documentNumber: '岚建〔2026〕58号' });
      await createPublished(deps, bureau.id, [node], { title: '关于印发物业服务收费办法的通知', documentNumber: '岚建〔2026〕59号' });

      const page = mainOf((await app.inject(`/search?q=${q('岚建字〔2026〕58号')}`)).body);
      // Said as a number, and the item of the 文号 one character off shown under it.
      expect(headingOf(page)).toBe('没有找到文号为 岚建字〔2026〕58号 的文件；以下是“岚建〔2026〕58号”的结果（共 1 条）');
      expect(textOf(page)).toContain('您是不是要找“岚建〔2026〕58号”？文号中的发文机关代字可能有误。');
      expect(previewOf(page)).toContain('关于公布2026年公租房保障对象的通知');
      expect((await app.inject(`/api/v1/search?q=${q('岚建字〔2026〕58号')}`)).json().shownInstead).toEqual({ kind: 'didYouMean', q: '岚建〔2026〕58号', total: 1 });
      expect((await app.inject(`/api/v1/search?q=${q('岚建字[2026]58号')}`)).json().didYouMean).toEqual({ q: '岚建〔2026〕58号', total: 1, kind: 'documentNumber' });
      // Another serial, or another year: nothing offered.
      expect((await app.inject(`/api/v1/search?q=${q('岚建字〔2026〕60号')}`)).json().didYouMean).toBeNull();
      expect((await app.inject(`/api/v1/search?q=${q('岚建字〔2025〕58号')}`)).json().didYouMean).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('corrects a character of another shape to the word the catalog holds, not the commonest (棚户区改递, 扬尘治埋, 公共租凭住房)', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      await createPublished(deps, bureau.id, [node], { title: '关于2026年棚户区改造项目征收补偿方案的公示' });
      await createPublished(deps, bureau.id, [node], { title: '关于开展建筑工地扬尘治理专项行动的通知' });
      await createPublished(deps, bureau.id, [node], { title: '关于公共租赁住房小区物业服务企业选聘结果的公告' });
      const didYouMean = async (typed: string) => (await app.inject(`/api/v1/search?q=${q(typed)}`)).json().didYouMean;

      // 递 for 造: 棚户区改地 and other words of the dictionary come first and find nothing; the first that finds something is offered.
      expect(await didYouMean('棚户区改递')).toEqual({ q: '棚户区改造', total: 1, kind: 'shape' });
      // 埋 for 理, several places tried (扬政治埋 and 扬尘治疗 find nothing).
      expect(await didYouMean('扬尘治埋')).toEqual({ q: '扬尘治理', total: 1, kind: 'shape' });
      // 凭 for 赁, inside a rare word of the dictionary (租凭); the other keywords kept.
      expect(await didYouMean('公共租凭住房 物业服务')).toEqual({ q: '公共租赁住房 物业服务', total: 1, kind: 'shape' });
      const page = mainOf((await app.inject(`/search?q=${q('棚户区改递')}`)).body);
      expect(page).toContain('您是不是要找');
      expect(page).toContain('棚户区改造');
      expect(page).not.toContain('棚户区改地');
      // The reason says which slip: 递 and 造 do not sound alike (an outside tester read 读音相同 under 违建 → 重建).
      expect(textOf(page)).toContain('您是不是要找“棚户区改造”？检索词中可能有错别字（如字形相近的字）。');
      expect(textOf(page)).not.toContain('读音相同');

      // Found as typed: nothing offered. A correction that finds nothing (预售许可证): nothing offered.
      expect(await didYouMean('棚户区改造')).toBeNull();
      expect(await didYouMean('预售许可征')).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('corrects to the domain’s own words that jieba’s dictionary lacks (杨尘, 扬沉, 杨尘污染), and leaves the correct keywords as typed', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      await createPublished(deps, bureau.id, [node], { title: '关于开展建筑工地扬尘污染防治专项检查的通知' });
      await createPublished(deps, bureau.id, [node], { title: '关于发放2026年公租房租赁补助的公示', bodyHtml: '<p>现将名单公示如下。</p>' });
      // The database is shared with the tests above (the factory's default text speaks of 扬尘): within this organ.
      const didYouMean = async (typed: string) => (await app.inject(`/api/v1/search?q=${q(typed)}&organ=${bureau.code}`)).json().didYouMean;

      // An outside tester: 扬尘 is not a word of jieba's dictionary, so these found nothing and offered nothing.
      expect(await didYouMean('杨尘')).toEqual({ q: '扬尘', total: 1, kind: 'homophone' });
      expect(await didYouMean('扬沉')).toEqual({ q: '扬尘', total: 1, kind: 'homophone' });
      expect(await didYouMean('杨尘污染')).toEqual({ q: '扬尘污染', total: 1, kind: 'homophone' });
      const page = mainOf((await app.inject(`/search?q=${q('杨尘')}&organ=${bureau.code}`)).body);
      expect(page).toContain('您是不是要找');
      expect(page).toContain('扬尘');
      // 补助 is a word as typed: the correction is 公租房's alone (not 不住 公租房, which found nothing).
      expect(await didYouMean('补助 公阻房')).toEqual({ q: '补助 公租房', total: 1, kind: 'homophone' });
    } finally {
      await app.close();
    }
  });
});

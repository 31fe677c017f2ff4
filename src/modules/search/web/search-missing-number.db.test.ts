import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';

const mainOf = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)![1]!;
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

/**
 * A 文号 that no item has (an outside tester: 岚建〔2026〕6号 when only 63号 exists, or 岚建〔2031〕1号, got the advice for
 * words — 请检查用字，词语之间用空格分开 — which says nothing of a number): the page and the API say no document has that 文号,
 * show the documents of the same 代字 and year nearest to it, and link the organ's list.
 */
describeEachDialect('a 文号 that no item has', (db) => {
  it('says so, offers the nearest documents of the same 代字 and year, newest first, and the organ’s list (page and API)', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
      const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const finance = await createOrgan(deps, { parentCode: county.code, name: '青岚县财政局', shortName: '县财政局' });
      const node = await createNode(deps, bureau.id);
      const fNode = await createNode(deps, finance.id);
      await createPublished(deps, bureau.id, [node], { title: '关于农村危房改造补助标准的通知', documentNumber: '岚建〔2026〕63号' });
      await createPublished(deps, bureau.id, [node], { title: '关于开展建筑工地扬尘治理检查的通知', documentNumber: '岚建〔2026〕2号' });
      await createPublished(deps, bureau.id, [node], { title: '关于公租房配租的公告', documentNumber: '岚建〔2026〕9号' });
      await createPublished(deps, bureau.id, [node], { title: '关于2025年住房保障工作的通知', documentNumber: '岚建〔2025〕6号' });
      await createPublished(deps, bureau.id, [node], { title: '很远的一份通知', documentNumber: '岚建〔2026〕200号' });
      await createPublished(deps, finance.id, [fNode], { title: '关于下达补助资金的通知', documentNumber: '岚财〔2026〕6号' });

      for (const typed of ['岚建〔2026〕6号', '岚建(2026)6号', '岚建2026年第6号']) {
        const page = await app.inject(`/search?q=${encodeURIComponent(typed)}`);
        expect(page.statusCode, typed).toBe(200);
        const main = mainOf(page.body);
        // What follows the form (whose hint gives 岚建〔2026〕63号 as an example of a 文号).
        const text = textOf(main.slice(main.indexOf('</form>')));
        expect(text, typed).toContain('没有找到文号为 岚建〔2026〕6号 的文件');
        expect(text, typed).not.toContain('请检查用字，词语之间用空格分开');
        // The same 代字 and year, the nearest chosen — 63号 (6 typed short), 9号, 2号; not 200号, not 2025's 6号, not 岚财 —
        // shown newest first (published the same day: the later one first).
        const shown = ['岚建〔2026〕9号', '岚建〔2026〕2号', '岚建〔2026〕63号'].map((n) => text.indexOf(n));
        expect(shown.every((i) => i >= 0), typed).toBe(true);
        expect([...shown].sort((a, b) => a - b), typed).toEqual(shown);
        expect(text, typed).not.toContain('岚建〔2026〕200号');
        expect(text, typed).not.toContain('岚建〔2025〕6号');
        expect(text, typed).not.toContain('岚财〔2026〕6号');
        expect(main, typed).toContain(`href="/search?organ=${bureau.code}"`);
        const api = (await app.inject(`/api/v1/search?q=${encodeURIComponent(typed)}`)).json();
        expect(api.total, typed).toBe(0);
        expect(api.missingDocumentNumber, typed).toMatchObject({
          documentNumber: '岚建〔2026〕6号',
          nearby: [{ documentNumber: '岚建〔2026〕9号' }, { documentNumber: '岚建〔2026〕2号' }, { documentNumber: '岚建〔2026〕63号' }],
          organ: { code: bureau.code, label: '县住建局' },
        });
        expect(api.missingDocumentNumber.nearby[0].url, typed).toMatch(new RegExp(`^/organs/${bureau.code}/items/\\d+$`));
      }

      // Typed without 号, 岚建〔2026〕6 is 6号 (never 63号, docs/search.md): the same answer.
      const short = (await app.inject(`/api/v1/search?q=${encodeURIComponent('岚建〔2026〕6')}`)).json();
      expect(short.missingDocumentNumber).toMatchObject({ documentNumber: '岚建〔2026〕6号', nearby: [{}, {}, { documentNumber: '岚建〔2026〕63号' }], organ: { code: bureau.code } });
      expect(textOf(mainOf((await app.inject(`/search?q=${encodeURIComponent('岚建〔2026〕6')}`)).body))).toContain('没有找到文号为 岚建〔2026〕6号 的文件');

      // Cited in another item's text but no item's own 文号: the citing item is found, under the sentence.
      await createPublished(deps, bureau.id, [node], { title: '关于落实住房保障政策的说明', bodyHtml: '<p>根据岚建〔2026〕7号文件精神，现说明如下。</p>' });
      const cited = (await app.inject(`/api/v1/search?q=${encodeURIComponent('岚建〔2026〕7号')}`)).json();
      expect(cited).toMatchObject({ total: 1, items: [{ title: '关于落实住房保障政策的说明' }], missingDocumentNumber: { documentNumber: '岚建〔2026〕7号' } });
      expect(textOf(mainOf((await app.inject(`/search?q=${encodeURIComponent('岚建〔2026〕7号')}`)).body))).toContain('没有找到文号为 岚建〔2026〕7号 的文件，以下是包含“岚建〔2026〕7号”的信息');

      // A year with no document yet: said, nothing near to show, the organ whose 代字 it is linked (found by its other years).
      const future = (await app.inject(`/api/v1/search?q=${encodeURIComponent('岚建〔2031〕1号')}`)).json();
      expect(future.missingDocumentNumber).toEqual({ documentNumber: '岚建〔2031〕1号', nearby: [], organ: { code: bureau.code, label: '县住建局' } });
      const futureMain = mainOf((await app.inject(`/search?q=${encodeURIComponent('岚建〔2031〕1号')}`)).body);
      const futureText = textOf(futureMain);
      expect(futureMain).toContain(`href="/search?organ=${bureau.code}"`);
      expect(futureText).toContain('没有找到文号为 岚建〔2031〕1号 的文件');
      expect(futureText).toContain('县住建局');

      // A 代字 no item has: said, nothing else to offer.
      expect((await app.inject(`/api/v1/search?q=${encodeURIComponent('岚水〔2026〕6号')}`)).json().missingDocumentNumber)
        .toEqual({ documentNumber: '岚水〔2026〕6号', nearby: [], organ: null });
      // The OpenAPI description names the field.
      const answer = (await app.inject('/api/openapi.json')).json().paths['/api/v1/search'].get.responses['200'].content['application/json'].schema.properties;
      expect(answer.missingDocumentNumber.description).toContain('文号');
      expect(Object.keys(answer.missingDocumentNumber.properties)).toEqual(['documentNumber', 'nearby', 'organ']);
      // A 文号 that exists, and words, are not missing numbers.
      expect((await app.inject(`/api/v1/search?q=${encodeURIComponent('岚建〔2026〕63号')}`)).json()).toMatchObject({ total: 1, missingDocumentNumber: null });
      expect((await app.inject(`/api/v1/search?q=${encodeURIComponent('危房')}`)).json()).toMatchObject({ missingDocumentNumber: null });
    } finally {
      await app.close();
    }
  });
});

import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';

const mainOf = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)![1]!;
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

/**
 * An 索引号 that no item has (an outside tester: …/2026-00930 got the advice for words, 请检查用字，词语之间用空格分开): said as a
 * number, with the organ whose code it starts with — its list linked — and how its 索引号 are made; the API's missingIndexNumber.
 */
describeEachDialect('an 索引号 that no item has', (db) => {
  it('says so, names the organ of its code with its list, and the 索引号’s format (page and API)', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      const item = await createPublished(deps, bureau.id, [node], { title: '关于公租房配租的公告' });
      const own = (await app.inject(`/api/v1/search?q=${encodeURIComponent('公租房配租')}`)).json().items[0].indexNumber as string;
      expect(item.id).toBeGreaterThan(0);
      const code = own.split('/')[0]!;
      const missing = `${code}/2026-00930`;

      const page = await app.inject(`/search?q=${encodeURIComponent(missing)}`);
      expect(page.statusCode).toBe(200);
      const main = mainOf(page.body);
      const text = textOf(main.slice(main.indexOf('</form>')));
      expect(text).toContain(`没有找到索引号为 ${missing} 的信息`);
      expect(text).toContain(`县住建局的索引号由 ${code}/发布年份（4 位）-5 位流水号 组成`);
      expect(text).not.toContain('请检查用字，词语之间用空格分开');
      expect(main).toContain(`href="/search?organ=${bureau.code}"`);
      const api = (await app.inject(`/api/v1/search?q=${encodeURIComponent(missing)}`)).json();
      expect(api.total).toBe(0);
      expect(api.missingIndexNumber).toEqual({ indexNumber: missing, organ: { code: bureau.code, label: '县住建局' }, format: `${code}/发布年份（4 位）-5 位流水号` });

      // A code no organ has: said, with the usual format, no organ.
      const stranger = (await app.inject(`/api/v1/search?q=${encodeURIComponent('99999999999999999X/2026-00001')}`)).json();
      expect(stranger.missingIndexNumber).toEqual({ indexNumber: '99999999999999999X/2026-00001', organ: null, format: '机关的统一社会信用代码（18 位）/发布年份（4 位）-5 位流水号' });
      // An 索引号 an item has, and words: none.
      expect((await app.inject(`/api/v1/search?q=${encodeURIComponent(own)}`)).json()).toMatchObject({ total: 1, missingIndexNumber: null });
      expect((await app.inject(`/api/v1/search?q=${encodeURIComponent('危房')}`)).json()).toMatchObject({ missingIndexNumber: null });
      // The OpenAPI description names the field.
      const doc = JSON.stringify((await app.inject('/api/openapi.json')).json());
      expect(doc).toContain('missingIndexNumber');
    } finally {
      await app.close();
    }
  });
});

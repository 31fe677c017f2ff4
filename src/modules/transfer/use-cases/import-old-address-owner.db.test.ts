import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, system } from '../../../../test/support/factories.ts';
import { findPublication, listCatalogNodes, recordRedirect, resolveRedirect, type Organ } from '../../catalog/index.ts';
import { importItems } from './import-items.ts';
import { readItemFile } from './read-item-file.ts';

/**
 * An old address belongs to one item (docs/import-export.md "Addresses", issue 17 tester): a second
 * import naming it — in another spelling of the same address — for another item is refused by row,
 * and nothing is imported; the same item imported again is refused by its 索引号 only.
 */
const HEADER = '索引号,标题,成文日期,发布日期,五公开,文件类型,体裁,目录,原网址,正文';

for (const dialect of DIALECTS) {
  describe(`an old address imported a second time on ${dialect}`, () => {
    let db: Awaited<ReturnType<typeof createTestDatabase>>;
    let deps: ReturnType<typeof buildDeps>;
    let organ: Organ;
    const csv = (lines: string[]) => readItemFile('items.csv', new TextEncoder().encode([HEADER, ...lines].join('\n')));
    const run = (lines: string[], dryRun: boolean) => importItems(deps, system, organ.code, csv(lines), { mode: 'published', dryRun, attachments: null, from: 'items.csv' });
    const count = async (t: 'publications' | 'redirects') => Number((await deps.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      deps = buildDeps(db);
      organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '工作动态' });
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('refuses, by row, an old address that is already another item\'s, in any spelling, and keeps its redirect', async () => {
      const first = await run(['Q1/2020-00088,住建局召开安全生产会议,2020-04-01,2020-04-02,执行,其他,工作动态,工作动态,http://old.example.gov.cn/xxgk/content.jsp?id=88&cat=3,<p>会议。</p>'], false);
      expect(first).toMatchObject({ ok: true, items: 1, redirects: 1 });
      const owner = (await resolveRedirect(deps.db, '/xxgk/content.jsp?id=88&cat=3'))!;
      const before = { items: await count('publications'), redirects: await count('redirects') };
      const second = [
        'Q1/2020-00100,住建局开展安全生产检查,2020-05-01,2020-05-02,执行,其他,工作动态,工作动态,/xxgk/other.jsp?id=1,<p>检查。</p>',
        'Q1/2020-00101,住建局召开防汛会议,2020-06-01,2020-06-02,执行,其他,工作动态,工作动态,http://old.example.gov.cn/xxgk/content.jsp?cat=3&id=88,<p>防汛。</p>',
      ];
      for (const dryRun of [true, false]) {
        const r = await run(second, dryRun);
        expect(r.ok).toBe(false);
        expect(r.problems).toEqual([{ at: '第3行', message: '原网址“/xxgk/content.jsp?cat=3&id=88”已是信息《住建局召开安全生产会议》（索引号 Q1/2020-00088）的原网址' }]);
      }
      expect({ items: await count('publications'), redirects: await count('redirects') }).toEqual(before);
      expect(await resolveRedirect(deps.db, '/xxgk/content.jsp?cat=3&id=88')).toBe(owner);
      expect((await findPublication(deps.db, Number(owner.split('/').pop())))!.title).toBe('住建局召开安全生产会议');
    });

    it('refuses a catalog node\'s former address that already leads elsewhere; one that leads to that very node is no problem', async () => {
      const news = (await listCatalogNodes(deps.db, organ.id)).find((n) => n.name === '工作动态')!;
      await recordRedirect(deps.db, { fromPath: '/xxgk/list.jsp?cat=9', toPath: `/organs/${organ.code}/catalog/${news.id}`, reason: '旧网站地址' });
      const before = await count('redirects');
      const json = (addresses: string[]) => readItemFile('c.json', Buffer.from(JSON.stringify({ catalog: [{ path: '工作动态', addresses }, { path: '通知公告', addresses: ['/xxgk/list.jsp?cat=9'] }], items: [] })));
      const r = await importItems(deps, system, organ.code, json(['/xxgk/list.jsp?cat=9', 'http://old.example.gov.cn/xxgk/content.jsp?cat=3&id=88']), { mode: 'published', dryRun: false, attachments: null, from: 'c.json' });
      expect(r.problems).toEqual([
        { at: '目录第1项', message: '原网址“/xxgk/content.jsp?cat=3&id=88”已是信息《住建局召开安全生产会议》（索引号 Q1/2020-00088）的原网址' },
        { at: '目录第2项', message: `原网址“/xxgk/list.jsp?cat=9”已转向本站的 /organs/${organ.code}/catalog/${news.id}` },
      ]);
      expect(await count('redirects')).toBe(before);
      expect((await listCatalogNodes(deps.db, organ.id)).map((n) => n.name)).not.toContain('通知公告');
    });

    it('the same item imported again with its own old address is refused by its 索引号 alone', async () => {
      const r = await run(['Q1/2020-00088,住建局召开安全生产会议,2020-04-01,2020-04-02,执行,其他,工作动态,工作动态,http://old.example.gov.cn/xxgk/content.jsp?cat=3&id=88,<p>会议。</p>'], true);
      expect(r.problems).toEqual([{ at: '第2行', message: '索引号“Q1/2020-00088”已被本系统中的其他信息使用' }]);
    });
  });
}

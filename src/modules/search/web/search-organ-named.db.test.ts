import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';

const mainOf = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)![1]!;
const search = (q: string, extra = '') => `/search?q=${encodeURIComponent(q)}${extra}`;

/**
 * An organ named among the keywords (found by an outside tester: 住建局 公示 over the whole region listed every
 * item that mentions the bureau, its 任前公示 first): the other words within that organ are offered with their
 * count, and the name alone leads to the organ's pages (docs/search.md, "An organ named in the keywords").
 */
describeEachDialect('an organ named among the keywords', (db) => {
  it('offers the other words within the organ named, with what they find there, and the organ’s pages for its name alone', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
      const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const finance = await createOrgan(deps, { parentCode: county.code, name: '青岚县财政局', shortName: '县财政局' });
      await createPublished(deps, bureau.id, [await createNode(deps, bureau.id)], { title: '2026年第一批公租房分配结果公示' });
      await createPublished(deps, finance.id, [await createNode(deps, finance.id)], { title: '关于拨付住建局保障性住房资金的公示' });

      const both = mainOf((await app.inject(search('住建局 公示'))).body);
      expect(both).toContain('共找到 2 条');
      const offer = /<p class="organ-named[^"]*"><a href="([^"]+)">在县住建局范围内检索“公示”<\/a>（1 条）<\/p>/.exec(both);
      expect(offer).not.toBeNull();
      const within = mainOf((await app.inject(offer![1].replaceAll('&amp;', '&'))).body);
      expect(within).toContain('共找到 1 条');
      expect(within).toContain('2026年第一批公租房分配结果');
      // Within the organ, the other words alone: nothing to offer.
      expect(within).not.toContain('class="organ-named');
      // The name typed in the organ's own header box (an outside tester): a wasted word there, the other words offered.
      expect(mainOf((await app.inject(search('住建局 公示', `&organ=${bureau.code}`))).body)).toContain('在县住建局范围内检索“公示”</a>（1 条）');
      // Within another organ: none.
      expect(mainOf((await app.inject(search('住建局 公示', `&organ=${finance.code}`))).body)).not.toContain('class="organ-named');
      // The API says the same.
      expect((await app.inject(`/api/v1/search?q=${encodeURIComponent('住建局 公示')}`)).json().organNamed).toEqual({ organ: bureau.code, organName: '县住建局', q: '公示', total: 1 });
      expect((await app.inject(`/api/v1/search?q=${encodeURIComponent('住建局')}`)).json().organNamed).toEqual({ organ: bureau.code, organName: '县住建局', q: '', total: null });
      expect((await app.inject(`/api/v1/search?q=${encodeURIComponent('危房 公示')}`)).json().organNamed).toBeNull();

      // The full name, typed as the item's footer says it, names the same organ.
      expect(mainOf((await app.inject(search('公示 住房和城乡建设局'))).body)).toContain('在县住建局范围内检索“公示”</a>（1 条）');

      // The other words find nothing within the organ: no offer.
      expect(mainOf((await app.inject(search('住建局 资金'))).body)).not.toContain('class="organ-named');

      // The name alone: the organ's own pages.
      expect(mainOf((await app.inject(search('住建局'))).body)).toContain(`<a href="/organs/${bureau.code}">县住建局的政府信息公开</a>`);

      // A word of a name that is not its ending, or two organs named: left as typed.
      expect(mainOf((await app.inject(search('住房 公示'))).body)).not.toContain('class="organ-named');
      expect(mainOf((await app.inject(search('住建局 财政局 公示'))).body)).not.toContain('class="organ-named');
    } finally {
      await app.close();
    }
  });

  it('keeps the other filters in the offer, and leads a name alone to its organ’s pages even when nothing is found', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
      const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县交通运输局', shortName: '县交通运输局' });
      const finance = await createOrgan(deps, { parentCode: county.code, name: '青岚县生态环境局', shortName: '县生态环境局' });
      await createPublished(deps, finance.id, [await createNode(deps, finance.id)], { title: '关于下达2026年城区扬尘治理专项资金的通知', stage: 'decision' });

      // The bureau has published nothing yet: nothing found, and its pages offered (its guide, its application form).
      const none = mainOf((await app.inject(search('交通运输局'))).body);
      expect(none.replace(/<[^>]+>/g, '')).toContain('没有找到包含“交通运输局”的公开信息');
      expect(none).toContain(`<a href="/organs/${bureau.code}">县交通运输局的政府信息公开</a>`);

      await createPublished(deps, bureau.id, [await createNode(deps, bureau.id)], { title: '2026年国省道扬尘治理工作方案', stage: 'decision' });
      const found = mainOf((await app.inject(search('县交通运输局 扬尘', '&stage=decision'))).body);
      const offer = /<a href="([^"]+)">在县交通运输局范围内检索“扬尘”<\/a>（1 条）/.exec(found);
      expect(offer).not.toBeNull();
      expect(offer![1]).toContain('stage=decision');
      expect(offer![1]).toContain(`organ=${bureau.code}`);
    } finally {
      await app.close();
    }
  });
});

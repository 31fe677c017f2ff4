import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';

const mainOf = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)![1]!;
const q = (s: string) => encodeURIComponent(s);
const hintOf = (main: string) => /<p class="count" id="search-hint">([\s\S]*?)<\/p>/.exec(main)![1]!;

/**
 * The search page's hint gave the demo's 文号 (如 岚建〔2026〕63号) whatever organ runs the portal: a county that installs
 * gongkai must not see another county's 文号. The example is the portal's own — the newest published item with a 文号
 * in the scope — and without one the hint says it without an example.
 */
describeEachDialect('the search page’s example 文号', (db) => {
  it('is the newest published 文号 in the scope, and none when the portal has none', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '松河县人民政府', shortName: '县政府' });
      const bureau = await createOrgan(deps, { parentCode: county.code, name: '松河县住房和城乡建设局', shortName: '县住建局' });
      const cNode = await createNode(deps, county.id);
      const node = await createNode(deps, bureau.id);
      await createPublished(deps, county.id, [cNode], { title: '关于公布权责清单的通知' });

      // No item has a 文号: the hint says a 文号 may be typed, with no other county's number as its example.
      const none = mainOf((await app.inject('/search')).body);
      expect(hintOf(none)).toContain('可直接输入文号或索引号');
      expect(none).not.toContain('岚建');
      const tips = mainOf((await app.inject(`/search?q=${q('翡翠湖')}`)).body);
      expect(tips).toContain('查找某一文件，可以直接输入文号或索引号（信息页面上标有）');
      expect(tips).not.toContain('岚建');

      await createPublished(deps, county.id, [cNode], { title: '关于印发松河县政务公开工作要点的通知', documentNumber: '松政办〔2026〕7号' });
      await createPublished(deps, bureau.id, [node], { title: '关于开展建筑工地扬尘治理检查的通知', documentNumber: '松建〔2026〕12号' });
      await createPublished(deps, bureau.id, [node], { title: '公租房配租结果公示' });

      // The whole region: the newest item that has a 文号.
      const region = mainOf((await app.inject('/search')).body);
      expect(hintOf(region)).toContain('可直接输入文号（如 松建〔2026〕12号）或索引号');
      const regionTips = mainOf((await app.inject(`/search?q=${q('翡翠湖')}`)).body);
      expect(regionTips).toContain('查找某一文件，可以直接输入文号（如 松建〔2026〕12号）或索引号');
      // Within an organ: its own.
      const own = mainOf((await app.inject(`/search?q=${q('翡翠湖')}&organ=${county.code}`)).body);
      expect(hintOf(own)).toContain('如 松政办〔2026〕7号');
      expect(own).not.toContain('岚建');
    } finally {
      await app.close();
    }
  });
});

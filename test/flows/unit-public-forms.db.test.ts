import { expect, it } from 'vitest';
import { buildTestApp } from '../support/app.ts';
import { describeEachDialect } from '../support/db.ts';
import { createOrgan } from '../support/factories.ts';

const mainOf = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)![1]!;
const titleOf = (body: string) => /<title>([^<]*)<\/title>/.exec(body)![1]!;
const crumbsOf = (body: string) => [.../<nav[^>]*class="breadcrumb"[^>]*>([\s\S]*?)<\/nav>/.exec(body)![1]!.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

/**
 * A unit's (下属单位, 二级机构) per-organ public addresses — 依申请公开, 部门信箱 and its form, 意见征集,
 * 建议提案 — are guidance pages (200, not an error) that name the organ handling the unit's disclosure
 * work, stand under it in the breadcrumb and link its page; they are kept out of search engines and the
 * sitemap (docs/rules/applications.md, 条例第十条第二款、第二十七条). Found by an outside tester.
 */
describeEachDialect('the public form addresses of a unit', (db) => {
  it('are guidance pages under the organ that handles the unit, linking its form', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
      const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const unit = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit', name: '青岚县住房和城乡建设局房屋征收服务中心', shortName: '房屋征收服务中心' });
      // A unit of a unit still leads to the organ, not to the unit above it.
      const subunit = await createOrgan(deps, { parentCode: unit.code, kind: 'unit', name: '房屋征收服务中心档案组', shortName: '档案组' });
      const b = bureau.code;
      const cases = [
        { path: 'apply', title: '向青岚县住房和城乡建设局申请政府信息公开', crumb: '依申请公开', link: `<a href="/organs/${b}/apply">向青岚县住房和城乡建设局申请政府信息公开</a>` },
        { path: 'letters/new', title: '给青岚县住房和城乡建设局写信', crumb: '我要写信', link: `<a href="/organs/${b}/letters/new">给青岚县住房和城乡建设局写信</a>` },
        { path: 'letters', title: '青岚县住房和城乡建设局部门信箱', crumb: '互动交流', link: `<a href="/organs/${b}/letters">进入青岚县住房和城乡建设局部门信箱</a>` },
        { path: 'consultations', title: '青岚县住房和城乡建设局意见征集', crumb: '意见征集', link: `<a href="/organs/${b}/consultations">查看青岚县住房和城乡建设局意见征集</a>` },
        { path: 'proposals', title: '青岚县住房和城乡建设局建议提案办理结果', crumb: '建议提案办理结果', link: `<a href="/organs/${b}/proposals">查看青岚县住房和城乡建设局建议提案办理结果</a>` },
      ];
      for (const u of [unit, subunit]) {
        for (const c of cases) {
          const res = await app.inject({ url: `/organs/${u.code}/${c.path}` });
          expect(res.statusCode, `${u.code}/${c.path}`).toBe(200);
          expect(titleOf(res.body)).toMatch(new RegExp(`^${c.title} - `));
          expect(res.body).toContain('<meta name="robots" content="noindex"/>');
          const main = mainOf(res.body);
          expect(main).toContain(c.link);
          expect(main).toContain(`是青岚县住房和城乡建设局的下属单位`);
          expect(main).not.toContain('错误代码');
          expect(main).not.toContain('内设机构');
          const crumbs = crumbsOf(res.body);
          expect(crumbs.slice(0, 3)).toEqual(['首页', '信息公开', '县住建局']);
          expect(crumbs).toContain(u.shortName);
          expect(crumbs.at(-1)).toBe(c.crumb);
        }
      }
      // Not in the sitemap; an unknown code stays a plain 404, and so does a form sent to a unit.
      const sitemap = (await app.inject({ url: '/sitemap.xml' })).body;
      expect(sitemap).not.toContain(unit.code);
      expect((await app.inject({ url: '/organs/no-such-organ/apply' })).statusCode).toBe(404);
      expect((await app.inject({ url: '/organs/no-such-organ/letters/new' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'POST', url: `/organs/${unit.code}/letters/new`, payload: {} })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});

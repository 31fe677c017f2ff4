import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';
import { reindex } from '../index.ts';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

const tables = (body: string) => {
  const table = (id: string) => {
    const html = new RegExp(`<table class="list" id="${id}">[\\s\\S]*?</table>`).exec(body)![0];
    return [...html.matchAll(/<tr><td>([^<]*)<\/td><td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td>/g)].map((m) => m.slice(1).join(' '));
  };
  return { popular: table('search-terms-popular'), zero: table('search-terms-zero') };
};

/**
 * Found by an outside tester (the county housing bureau's disclosure officer): /search?q=排水管网改造&validity=valid&year=2025
 * found nothing under its filters while the words find an item, and 检索统计 listed the term as 无结果 (its 查看结果 link,
 * unfiltered, then showed 1 result); and the page counted 按日、检索词和范围 but showed every organ's terms to every officer.
 */
describeEachDialect('检索统计: what counts as 无结果, and each organ its own', (db) => {
  it('counts a search whose filters left nothing, while its words find items, as searched and not as 无结果', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-07T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id, { name: '通知公告' });
      await createPublished(deps, organ.id, [node], { title: '城区排水管网改造工程项目公告' });
      await reindex(deps);
      const q = encodeURIComponent('排水管网改造');
      const none = encodeURIComponent('地下综合管廊');
      for (const [i, address] of ['203.0.113.7', '203.0.113.8', '198.51.100.9'].entries()) {
        const page = await app.inject({ url: `/search?q=${q}&year=2025`, remoteAddress: address, headers: { 'user-agent': CHROME } });
        expect(page.statusCode).toBe(200);
        if (i === 2) await app.inject({ url: `/api/v1/search?q=${q}&year=2025`, remoteAddress: '198.51.100.10', headers: { 'user-agent': CHROME } });
        // Words that find nothing at all are 无结果, filtered or not.
        await app.inject({ url: `/search?q=${none}${i ? '&year=2025' : ''}`, remoteAddress: address, headers: { 'user-agent': CHROME } });
      }
      const staff = await createStaff(deps, organ.code, 'disclosure_office');
      const { cookies } = await loginAs(app, staff.username, 'correct-horse-1');
      const res = await app.inject({ url: '/admin/search-terms?days=7&organ=all', cookies });
      expect(res.statusCode).toBe(200);
      const { popular, zero } = tables(res.body);
      expect(popular).toEqual(['排水管网改造 4 0 4', '地下综合管廊 3 3 3']);
      expect(zero).toEqual(['地下综合管廊 3 3 3']);
      // The page says what 无结果 counts.
      expect(res.body).toContain('检索词本身没有找到任何信息的；只因筛选条件（年份、效力等）没有结果、去掉筛选能找到的，不计为无结果');
    } finally {
      await app.close();
    }
  });

  it('shows an organ’s officer the terms searched in their organ by default, offers 全站 and their organs, links results in that scope; a system admin sees the whole region', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-20T02:00:00Z');
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
      const housing = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const education = await createOrgan(deps, { parentCode: county.code, name: '青岚县教育体育局', shortName: '县教体局' });
      await reindex(deps);
      const search = (query: string, address: string) => app.inject({ url: `/search?${query}`, remoteAddress: address, headers: { 'user-agent': CHROME } });
      const addresses = ['203.0.113.7', '203.0.113.8', '198.51.100.9'];
      for (const a of addresses) {
        await search(`q=${encodeURIComponent('公租房')}&organ=${housing.code}`, a);
        await search(`q=${encodeURIComponent('教师招聘')}&organ=${education.code}`, a);
        await search(`q=${encodeURIComponent('人才引进')}`, a);
      }
      const officer = await createStaff(deps, housing.code, 'disclosure_office');
      const { cookies } = await loginAs(app, officer.username, 'correct-horse-1');
      const own = await app.inject({ url: '/admin/search-terms?days=7', cookies });
      expect(own.statusCode).toBe(200);
      expect(tables(own.body).popular).toEqual(['公租房 3 3 3']);
      expect(own.body).not.toContain('教师招聘');
      expect(own.body).toContain(`<a href="/search?${new URLSearchParams({ q: '公租房', organ: housing.code }).toString().replace('&', '&amp;')}" target="_blank">查看结果</a>`);
      // The choice of 范围: the whole region and the officer's own organ (the one shown, not a link), never the 教体局.
      expect(own.body).toContain('统计范围：');
      expect(own.body).toContain('<a href="/admin/search-terms?days=7&amp;organ=all">全站</a>');
      expect(own.body).toContain('<strong>县住建局</strong>');
      expect(own.body).not.toContain(`organ=${education.code}`);
      // 全站: the searches made over the whole region (a search within an organ is that organ's), linked unscoped.
      const region = await app.inject({ url: '/admin/search-terms?days=7&organ=all', cookies });
      expect(tables(region.body).popular).toEqual(['人才引进 3 3 3']);
      expect(region.body).toContain(`<a href="/search?${new URLSearchParams({ q: '人才引进' })}" target="_blank">查看结果</a>`);
      // Another organ's terms are refused, as its other back-office pages are.
      expect((await app.inject({ url: `/admin/search-terms?days=7&organ=${education.code}`, cookies })).statusCode).toBe(403);
      // The period's links keep the scope.
      expect(own.body).toContain(`<a href="/admin/search-terms?days=30&amp;organ=${housing.code}">`);

      // A system administrator opens on the whole region, every organ's searches counted, and may choose any organ.
      const admin = await createStaff(deps, county.code, 'system_admin');
      const adminCookies = (await loginAs(app, admin.username, 'correct-horse-1')).cookies;
      const all = await app.inject({ url: '/admin/search-terms?days=7', cookies: adminCookies });
      expect(all.statusCode).toBe(200);
      expect(tables(all.body).popular.sort()).toEqual(['人才引进 3 3 3', '公租房 3 3 3', '教师招聘 3 3 3']);
      expect(all.body).toContain('<strong>全站及各机关</strong>');
      const theirs = await app.inject({ url: `/admin/search-terms?days=7&organ=${education.code}`, cookies: adminCookies });
      expect(tables(theirs.body).popular).toEqual(['教师招聘 3 3 3']);
    } finally {
      await app.close();
    }
  });
});

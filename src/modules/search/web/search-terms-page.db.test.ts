import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';
import { reindex } from '../index.ts';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

describeEachDialect('检索统计 counts visitors, not searches', (db) => {
  it('shows a term only once three visitors searched it: one visitor reloading, re-sorting or choosing a year is one (an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-07T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id, { name: '通知公告' });
      await createPublished(deps, organ.id, [node], { title: '槐店镇棚户区改造项目征收公告' });
      await reindex(deps);
      const search = (query: string, address: string, userAgent = CHROME) =>
        app.inject({ url: `/search?${query}`, remoteAddress: address, headers: { 'user-agent': userAgent } });
      const api = (query: string, address: string, userAgent = CHROME) =>
        app.inject({ url: `/api/v1/search?${query}`, remoteAddress: address, headers: { 'user-agent': userAgent } });
      const name = encodeURIComponent('张三丰住址');
      const place = encodeURIComponent('槐店镇');
      // One visitor loads /search?q=张三丰住址 three times; another searches 槐店镇, re-sorts it, chooses a year
      // and asks the API too.
      for (let i = 0; i < 3; i++) expect((await search(`q=${name}`, '203.0.113.7')).statusCode).toBe(200);
      expect((await search(`q=${place}`, '203.0.113.8')).body).toContain('共找到 1 条');
      await search(`q=${place}&sort=newest`, '203.0.113.8');
      await search(`q=${place}&sort=newest&year=2026`, '203.0.113.8');
      await api(`q=${place}`, '203.0.113.8');
      const staff = await createStaff(deps, organ.code, 'disclosure_office');
      const { cookies } = await loginAs(app, staff.username, 'correct-horse-1');
      const report = async () => {
        const res = await app.inject({ url: '/admin/search-terms?days=7&organ=all', cookies });
        expect(res.statusCode).toBe(200);
        const table = (id: string) => {
          const html = new RegExp(`<table class="list" id="${id}">[\\s\\S]*?</table>`).exec(res.body)![0];
          return [...html.matchAll(/<tr><td>([^<]*)<\/td><td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td>/g)].map((m) => m.slice(1).join(' '));
        };
        return { body: res.body, popular: table('search-terms-popular'), zero: table('search-terms-zero') };
      };
      const first = await report();
      expect(first.popular).toEqual([]);
      expect(first.zero).toEqual([]);
      expect(first.body).not.toContain('张三丰住址');
      // The page says what it counts and what it leaves out, in its columns and its text.
      expect(first.body).toMatch(/<th scope="col">检索词<\/th><th scope="col">检索人次<\/th><th scope="col">无结果人次<\/th><th scope="col">检索次数<\/th>/);
      expect(first.body).toContain('同一访客当天再次检索同一词（刷新、改排序、筛选、翻页）不重复计人次');
      expect(first.body).toContain('不足 3 人次的检索词不显示');
      // Two more visitors: a phone behind the same address as the first (another browser), and another address.
      await search(`q=${place}`, '203.0.113.8', 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1');
      await search(`q=${place}&sort=newest`, '198.51.100.20');
      const second = await report();
      // 槐店镇: three visitors, six searches (the API's included), none found nothing.
      expect(second.popular).toEqual(['槐店镇 3 0 6']);
      expect(second.zero).toEqual([]);
      expect(second.body).not.toContain('张三丰住址');
      // Two other people look for the same address: now three visitors, who found nothing.
      await search(`q=${name}`, '198.51.100.21');
      await api(`q=${name}`, '198.51.100.22');
      const third = await report();
      expect(third.popular).toEqual(['槐店镇 3 0 6', '张三丰住址 3 3 5']);
      expect(third.zero).toEqual(['张三丰住址 3 3 5']);
      // Only numbers were written.
      const written = JSON.stringify(await deps.db.selectFrom('search_terms').selectAll().execute());
      expect(written).not.toMatch(/203\.0\.113|198\.51\.100|Mozilla|iPhone/);
    } finally {
      await app.close();
    }
  });
});

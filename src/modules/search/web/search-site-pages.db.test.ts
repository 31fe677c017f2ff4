import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';

const q = (s: string) => encodeURIComponent(s);
const mainOf = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)![1]!;
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');
/** The 本站栏目/服务 panel on the results page, or null. */
const panelOf = (main: string) => /<section class="[^"]*search-site-pages[^"]*"[\s\S]*?<\/section>/.exec(main)?.[0] ?? null;

/**
 * An outside tester (a resident on a phone) searched 政府信息公开指南 and got annual reports — the 指南 is a page of the
 * organ, not a catalog item — and 住建局 电话 gave 征求意见采纳情况的说明 items first: neither offered the page wanted. The
 * results page links the portal's own pages the words ask for, above the items.
 */
describeEachDialect('the search offers the portal’s own pages the words ask for', (db) => {
  it('links the organ’s guide, its page with its phone, and nothing for a plain word, on the page and in the API', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-04-01T02:00:00Z');
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
      const bureau = await createOrgan(deps, {
        parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局', consultPhone: '0564-5022106', address: '青岚县岚城街道建设路26号', officeHours: '周一至周五 8:00—12:00',
      });
      const node = await createNode(deps, bureau.id);
      const item = (title: string, body: string) => createPublished(deps, bureau.id, [node], { title, bodyHtml: `<p>${body}</p>` });
      await item('2025年政府信息公开工作年度报告', '本报告依据《中华人民共和国政府信息公开条例》和本机关政府信息公开指南编制。');
      await item('关于农村危房改造的征求意见采纳情况的说明', '电话征求意见，联系电话 0564-5022106。');
      await item('农村危房改造补助资金分配情况', '危房改造。');

      // 政府信息公开指南 over the whole region: the county government's guide, the others' said to exist; the items stay below.
      const guide = mainOf((await app.inject(`/search?q=${q('政府信息公开指南')}`)).body);
      const panel = panelOf(guide);
      expect(panel, 'the 本站栏目/服务 panel').not.toBeNull();
      expect(panel).toMatch(/<h3 id="site-pages-h"[^>]*>本站栏目\/服务<\/h3>/);
      expect(panel).toContain(`href="/organs/${county.code}/guide"`);
      expect(textOf(panel!)).toContain('县政府的政府信息公开指南');
      expect(panel).toContain('href="/organs"');
      expect(guide.indexOf('id="results-h"')).toBeLessThan(guide.indexOf('id="site-pages-h"'));
      expect(guide.indexOf('id="site-pages-h"')).toBeLessThan(guide.indexOf('class="search-hit"'));
      expect(guide).toContain('共找到 1 条');

      // 住建局电话 in the bureau's scope: its phone (a tel: link), and its page; 住建局 电话 over the region names it too.
      for (const url of [`/search?q=${q('住建局电话')}&organ=${bureau.code}`, `/search?q=${q('住建局 电话')}`]) {
        const phone = panelOf(mainOf((await app.inject(url)).body));
        expect(phone, url).toContain('href="tel:05645022106"');
        expect(phone).toContain(`href="/organs/${bureau.code}"`);
        expect(textOf(phone!)).toContain('县住建局的联系方式');
        expect(textOf(phone!)).toContain('咨询电话：0564-5022106');
        expect(phone).not.toContain('href="/organs"');
        // Asked for the phone: the phone only, the panel kept short (the address and hours when asked for them).
        expect(textOf(phone!)).not.toContain('地址');
      }

      // A plain word: no panel.
      expect(panelOf(mainOf((await app.inject(`/search?q=${q('危房')}`)).body))).toBeNull();
      // A filter of the items: no panel (as 互动交流).
      expect(panelOf(mainOf((await app.inject(`/search?q=${q('政府信息公开指南')}&year=2025`)).body))).toBeNull();

      // Found in no item, the panel found: not "nothing found" — no advice to check the words.
      const onlyPanel = mainOf((await app.inject(`/search?q=${q('县住建局办公时间')}`)).body);
      expect(panelOf(onlyPanel)).toContain('办公时间：周一至周五 8:00—12:00');
      expect(panelOf(onlyPanel)).not.toContain('咨询电话');
      expect(textOf(onlyPanel)).not.toContain('可以这样再试');

      // The API: the same panel, described in OpenAPI.
      const api = (await app.inject(`/api/v1/search?q=${q('政府信息公开指南')}`)).json();
      expect(api.sitePages).toEqual({
        organ: { code: county.code, name: '青岚县人民政府', label: '县政府' },
        pages: [{ page: 'guide', title: '政府信息公开指南', url: `/organs/${county.code}/guide` }], contact: null, regionWide: true,
      });
      const apiPhone = (await app.inject(`/api/v1/search?q=${q('住建局电话')}&organ=${bureau.code}`)).json();
      expect(apiPhone.sitePages).toMatchObject({ organ: { code: bureau.code }, pages: [{ page: 'contact', url: `/organs/${bureau.code}` }], contact: { phone: '0564-5022106' }, regionWide: false });
      expect((await app.inject(`/api/v1/search?q=${q('危房')}`)).json().sitePages).toBeNull();
      const answer = (await app.inject('/api/openapi.json')).json().paths['/api/v1/search'].get.responses['200'].content['application/json'].schema.properties;
      expect(answer.sitePages).toBeDefined();
    } finally {
      await app.close();
    }
  });
});

import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { buildTestApp } from '../../../../../test/support/app.ts';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { portalRoutes } from './portal-routes.tsx';
import { createNode, createOrgan, createPublished } from '../../../../../test/support/factories.ts';
import { fillReviewForm, performReviewVerb } from '../../../review/index.ts';
import { system } from '../../../../../test/support/factories.ts';

describeEachDialect('public portal', (db) => {
  it('shows an item with its metadata, breadcrumb, QR code and a real view counter', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps, { shortName: '县住建局', consultPhone: '0564-5022001' });
    const parent = await createNode(deps, organ.id, { name: '监督保障' });
    const node = await createNode(deps, organ.id, { name: '工作推进', parentId: parent });
    const item = await createPublished(deps, organ.id, [node], { documentNumber: '清建〔2026〕12号', title: '关于开展扬尘治理的通知' });
    const url = `/organs/${organ.code}/items/${item.id}`;
    const first = await app.inject(url);
    expect(first.statusCode).toBe(200);
    for (const text of ['索引号', item.indexNumber!, '发布机构', '成文日期', '发布日期', '清建〔2026〕12号', '执行公开', '主动公开', '长期公开', '面向社会', '有效', '浏览次数', '扫一扫在手机打开当前页', '0564-5022001', '<svg role="img" aria-label="本页二维码"']) {
      expect(first.body).toContain(text);
    }
    expect(first.body).toMatch(/首页.*信息公开.*县住建局.*监督保障.*工作推进/s);
    const second = await app.inject(url);
    expect(/class="view-count">(\d+)</.exec(second.body)![1]).toBe('2');
    await app.close();
  });

  it('says at the top that a repealed document is repealed and links its replacement', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const current = await createPublished(deps, organ.id, [node], { title: '新办法' });
    const old = await createPublished(deps, organ.id, [node], { title: '旧办法' });
    await performReviewVerb(deps, system, old.id, 'repeal', { replacedById: current.id });
    const res = await app.inject(`/organs/${organ.code}/items/${old.id}`);
    // 本文件已被《X》废止 (ADR 0026), X linked.
    expect(res.body).toContain(`本文件已被《<a href="/organs/${organ.code}/items/${current.id}">新办法</a>》（<span class="nowrap">${current.publishedOn}</span>发布）废止。`);
    await app.close();
  });

  it('links an amended document’s 现行文件 at its own organ’s address, with its 文号 and date; says only 已修改 when none is recorded (an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db());
    const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府' });
    const organ = await createOrgan(deps, { parentCode: county.code });
    const node = await createNode(deps, organ.id);
    const countyNode = await createNode(deps, county.id);
    // The amending decision is the county government's: its page is under the county, not the bureau.
    const decision = await createPublished(deps, county.id, [countyNode], { title: '青岚县人民政府关于修改部分规范性文件的决定', documentNumber: '岚政〔2026〕5号' });
    const amended = await createPublished(deps, organ.id, [node], { title: '农村危房改造补助资金管理办法', validity: 'amended', replacedById: decision.id });
    const res = await app.inject(`/organs/${organ.code}/items/${amended.id}`);
    expect(res.statusCode).toBe(200);
    const banner = /<div class="notice" role="note">[\s\S]*?<\/div>/.exec(res.body)?.[0] ?? '';
    // 本文件已被《X》（文号）修改 (ADR 0026): a 替代文件编号 given to an amended item names its amender.
    expect(banner).toContain(`本文件已被《<a href="/organs/${county.code}/items/${decision.id}">青岚县人民政府关于修改部分规范性文件的决定</a>》`);
    expect(banner).toContain('修改。');
    expect(banner).toContain('岚政〔2026〕5号');
    expect(banner).toContain(`<span class="nowrap">${decision.publishedOn}</span>发布`);
    // The link leads to the page, not to 页面不存在.
    expect((await app.inject(`/organs/${county.code}/items/${decision.id}`)).statusCode).toBe(200);
    // Nothing recorded: the banner says so plainly and points to the documents after it (a resident on a phone
    // read a bare 本文件已修改。 and could not tell what changed it or where the text in force is).
    const bare = await createPublished(deps, organ.id, [node], { title: '关于印发《住宅工程质量分户验收管理办法》的通知', validity: 'amended' });
    const bareBanner = /<div class="notice" role="note">[\s\S]*?<\/div>/.exec((await app.inject(`/organs/${organ.code}/items/${bare.id}`)).body)?.[0] ?? '';
    expect(bareBanner).toContain('本文件已修改。');
    expect(bareBanner).toContain('本站没有记载是哪份文件、何时修改了本文件。');
    expect(bareBanner).toContain(`<a href="/organs/${organ.code}/catalog">`);
    expect(bareBanner).toContain(`<a href="/search?q=${encodeURIComponent('住宅工程质量分户验收管理办法')}&amp;sort=newest">`);
    expect(bareBanner).not.toContain('/items/');
    await app.close();
  });

  it('lists the annual reports once, a year a row: the published report and the platform’s of that year, told apart in plain words (an outside tester)', async () => {
    const { deps } = await buildTestApp(db());
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const node = await createNode(deps, organ.id, { name: '政府信息公开年报' });
    const r2018 = await createPublished(deps, organ.id, [node], { title: '青岚县住房和城乡建设局2018年政府信息公开工作年度报告' });
    const r2019 = await createPublished(deps, organ.id, [node], { title: '青岚县住房和城乡建设局2019年政府信息公开工作年度报告' });
    const app = Fastify();
    await app.register(cookie);
    await app.register(portalRoutes(deps, { publicUrl: null, publishedReportYears: async () => [2020, 2019] }));
    try {
      const main = /<main[\s\S]*<\/main>/.exec((await app.inject(`/organs/${organ.code}/annual-reports`)).body)![0];
      // One list, not two of the same titles.
      expect(main).not.toContain('已发布的年度报告信息');
      expect([...main.matchAll(/<ul/g)]).toHaveLength(1);
      const list = /<ul class="report-years">[\s\S]*?<\/ul>/.exec(main)![0];
      const rows = [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
      expect(rows).toEqual([
        '2020年度　青岚县住房和城乡建设局2020年政府信息公开工作年度报告',
        `2019年度　青岚县住房和城乡建设局2019年政府信息公开工作年度报告（${r2019.publishedOn}发布）　统计表格完整版`,
        `2018年度　青岚县住房和城乡建设局2018年政府信息公开工作年度报告（${r2018.publishedOn}发布）`,
      ]);
      expect(main).toContain(`<a href="/organs/${organ.code}/items/${r2019.id}">`);
      expect(main).toContain(`<a href="/organs/${organ.code}/items/${r2018.id}">`);
      expect(main).toContain(`<a href="/organs/${organ.code}/annual-reports/2019" aria-label="2019年度报告统计表格完整版">统计表格完整版</a>`);
      expect(main).toContain(`<a href="/organs/${organ.code}/annual-reports/2020">`);
      // What each is, said once.
      expect(main).toContain('标题链接是本机关发布的报告原文；“统计表格完整版”是本平台按国务院办公厅规定的统一格式');
    } finally {
      await app.close();
    }
  });

  it('keeps a withdrawn item’s address with the reason (410), and lists amendments on the item page', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const { publicationInput } = await import('../../../../../test/support/factories.ts');
    const amended = await createPublished(deps, organ.id, [node], { title: '原标题' });
    await fillReviewForm(deps, system, amended.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    await performReviewVerb(deps, system, amended.id, 'amend', { changeNote: '更正联系电话', amended: publicationInput([node], { title: '新标题' }) });
    expect((await app.inject(`/organs/${organ.code}/items/${amended.id}`)).body).not.toContain('新标题');
    await performReviewVerb(deps, system, amended.id, 'approve_amendment');
    const page = await app.inject(`/organs/${organ.code}/items/${amended.id}`);
    expect(page.body).toContain('修订记录');
    expect(page.body).toContain('更正联系电话');
    expect(page.body).toContain('新标题');
    await performReviewVerb(deps, system, amended.id, 'withdraw', { withdrawReason: 'contains_personal_data', withdrawNote: '附件含个人信息' });
    const gone = await app.inject(`/organs/${organ.code}/items/${amended.id}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('本信息已于');
    expect(gone.body).toContain('含有个人信息（附件含个人信息）');
    expect((await app.inject(`/organs/${organ.code}/catalog/${node}`)).body).not.toContain('新标题');
    await app.close();
  });

  it('dates a withdrawal by the day in China: withdrawn at 01:35 Beijing time is withdrawn that day, not the UTC day before', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-05T17:35:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const item = await createPublished(deps, organ.id, [node], { title: '凌晨撤回的信息' });
    await fillReviewForm(deps, system, item.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    await performReviewVerb(deps, system, item.id, 'withdraw', { withdrawReason: 'contains_personal_data', withdrawNote: '附件含个人信息' });
    const gone = await app.inject(`/organs/${organ.code}/items/${item.id}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('本信息已于 2026-12-06 撤回');
    await app.close();
  });

  it('dates a sitemap entry by the day in China: an item changed at 01:35 Beijing time was last modified that day', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-05T17:35:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const item = await createPublished(deps, organ.id, [node], { title: '凌晨发布的信息' });
    const sitemap = await app.inject('/sitemap.xml');
    expect(sitemap.body).toContain(`/items/${item.id}</loc><lastmod>2026-12-06</lastmod>`);
    await app.close();
  });

  it('lists a node’s items newest first with pagination and keeps drafts off the portal, the sitemap and item URLs', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id, { name: '政策文件' });
    for (let i = 0; i < 22; i++) await createPublished(deps, organ.id, [node], { title: `第${i}号文件` });
    const { createDraft } = await import('../../../../../test/support/factories.ts');
    const draft = await createDraft(deps, organ.id, [node], { title: '尚未发布的草稿' });
    const page1 = await app.inject(`/organs/${organ.code}/catalog/${node}`);
    expect(page1.body).toContain('第21号文件');
    expect(page1.body).not.toContain('第1号文件<');
    expect(page1.body).toContain('共 22 条');
    const page2 = await app.inject(`/organs/${organ.code}/catalog/${node}?page=2`);
    expect(page2.body).toContain('第0号文件');
    expect((await app.inject(`/organs/${organ.code}/catalog/${node}?page=3`)).statusCode).toBe(404);
    expect(page1.body).not.toContain('尚未发布的草稿');
    expect((await app.inject(`/organs/${organ.code}/items/${draft.id}`)).statusCode).toBe(404);
    // The whole catalog's list pages the same way, and every link of its pager answers.
    const whole = await app.inject(`/organs/${organ.code}/catalog`);
    const links = [...new Set([...whole.body.matchAll(/<nav class="pager"[\s\S]*?<\/nav>/g)].flatMap((m) => [...m[0].matchAll(/href="([^"]+)"/g)].map((h) => h[1].replace(/&amp;/g, '&'))))];
    expect(links).toEqual([`/organs/${organ.code}/catalog?page=2`]);
    for (const href of links) expect((await app.inject(href)).body).toContain('第0号文件');
    const sitemap = await app.inject('/sitemap.xml');
    expect(sitemap.headers['content-type']).toContain('xml');
    expect(sitemap.body.match(new RegExp(`/organs/${organ.code}/items/`, 'g'))).toHaveLength(22);
    expect(sitemap.body).not.toContain(`/items/${draft.id}<`);
    await app.close();
  });

  it('splits the sitemap into files of at most the protocol’s number of addresses, under a sitemap index', async () => {
    const { app: full, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const items = [];
    for (let i = 0; i < 12; i++) items.push(await createPublished(deps, organ.id, [node], { title: `地图第${i}条` }));
    expect((await full.inject('/sitemaps/abc.xml')).statusCode).toBe(404);
    await full.close();
    // The portal alone, with 5 addresses a file instead of 50,000.
    const app = Fastify();
    await app.register(cookie);
    await app.register(portalRoutes(deps, { publicUrl: 'https://gk.example.gov.cn', sitemapUrls: 5 }));
    try {
      const index = await app.inject('/sitemap.xml');
      expect(index.body).toContain('<sitemapindex');
      const files = [...index.body.matchAll(/<loc>https:\/\/gk\.example\.gov\.cn(\/sitemaps\/\d+\.xml)<\/loc>/g)].map((m) => m[1]);
      expect(files.length).toBeGreaterThanOrEqual(3);
      const listed: string[] = [];
      for (const f of files) {
        const body = (await app.inject(f)).body;
        const urls = [...body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
        expect(urls.length).toBeLessThanOrEqual(5);
        listed.push(...urls);
      }
      for (const item of items) expect(listed).toContain(`https://gk.example.gov.cn/organs/${organ.code}/items/${item.id}`);
      expect(new Set(listed).size).toBe(listed.length);
    } finally {
      await app.close();
    }
  });

  it('sets font size and 适老化 mode by plain links, and refuses to redirect off the site', async () => {
    const { app } = await buildTestApp(db());
    const res = await app.inject('/prefs?fs=l&return=/organs');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/organs');
    expect(res.cookies.find((c) => c.name === 'gk_fs')?.value).toBe('l');
    const page = await app.inject({ url: '/', cookies: { gk_fs: 'l', gk_elder: '1' } });
    expect(page.body).toContain('class="fs-l elder"');
    expect(page.body).toContain('退出适老化模式');
    expect((await app.inject('/prefs?elder=1&return=//evil.example')).headers.location).toBe('/');
    await app.close();
  });

  it('lets browsers revalidate public pages by ETag', async () => {
    const { app } = await buildTestApp(db());
    const first = await app.inject('/organs');
    // Kept by the page cache and always revalidated: a change shows at once (docs/adr/0021-rendered-page-cache.md).
    expect(first.headers['cache-control']).toBe('public, no-cache');
    expect(first.headers['last-modified']).toMatch(/GMT$/);
    const again = await app.inject({ url: '/organs', headers: { 'if-none-match': first.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    await app.close();
  });

  it('answers unknown pages with a Chinese 404 page, and /healthz', async () => {
    const { app } = await buildTestApp(db());
    const res = await app.inject('/no/such/page');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('页面不存在');
    expect((await app.inject('/organs/nope')).statusCode).toBe(404);
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    // Browsers ask for the site's icon on every page: it is there, and pages link it.
    for (const url of ['/favicon.ico', '/assets/favicon.svg']) {
      const icon = await app.inject(url);
      expect([icon.statusCode, icon.headers['content-type']]).toEqual([200, 'image/svg+xml']);
    }
    expect(res.body).toContain('<link rel="icon" href="/assets/favicon.svg"/>');
    await app.close();
  });

  it('leads an address typed or linked with a slash at its end to the page without it (an outside tester: /organs/x/items/5/ answered 404)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const item = await createPublished(deps, organ.id, [await createNode(deps, organ.id)]);
    for (const [typed, page] of [
      [`/organs/${organ.code}/items/${item.id}/`, `/organs/${organ.code}/items/${item.id}`],
      [`/organs/${organ.code}//`, `/organs/${organ.code}`],
      ['/search/?q=%E5%8D%B1%E6%88%BF', '/search?q=%E5%8D%B1%E6%88%BF'],
    ]) {
      const res = await app.inject(typed);
      expect([res.statusCode, res.headers.location], typed).toEqual([301, page]);
      expect((await app.inject(page)).statusCode, page).toBe(200);
    }
    // Only a page's address: the API answers as it did, a form's POST is not redirected, and an unknown page stays 404 after the hop.
    expect((await app.inject('/api/v1/search/?q=x')).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/search/' })).statusCode).toBe(404);
    expect((await app.inject('/no/such/page/')).headers.location).toBe('/no/such/page');
    expect((await app.inject('/no/such/page')).statusCode).toBe(404);
    // An address beginning with two slashes is never sent elsewhere (//evil.example/ would be another site).
    expect((await app.inject('//evil.example/')).headers.location ?? null).toBeNull();
    await app.close();
  });

  it('法定主动公开内容 names a column by its path where another column of the organ shares its name (found by an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const policy = await createNode(deps, organ.id, { name: '政策文件' });
    await createNode(deps, organ.id, { name: '其他文件', parentId: policy });
    const areas = await createNode(deps, organ.id, { name: '重点领域' });
    const housing = await createNode(deps, organ.id, { name: '保障性住房', parentId: areas });
    const housingPolicy = await createNode(deps, organ.id, { name: '政策文件', parentId: housing });
    const body = (await app.inject(`/organs/${organ.code}/statutory`)).body;
    const row = /<tr><td>（一）[\s\S]*?<\/tr>/.exec(body)?.[0] ?? '';
    expect(row).toContain(`<a href="/organs/${organ.code}/catalog/${policy}">政策文件</a>`);
    expect(row).toContain(`<a href="/organs/${organ.code}/catalog/${housingPolicy}">保障性住房 › 政策文件</a>`);
    expect(row).toContain('其他文件</a>');
    await app.close();
  });

  it('网站地图 in the footer is a page for people listing the organs and their catalogs; /sitemap.xml stays for crawlers (found by an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const unit = await createOrgan(deps, { name: '城市建设股', kind: 'unit', parentCode: organ.code });
    const policy = await createNode(deps, organ.id, { name: '政策文件' });
    const normative = await createNode(deps, organ.id, { name: '规范性文件', parentId: policy });
    const home = (await app.inject('/')).body;
    expect(home).toContain('<a href="/sitemap">网站地图</a>');
    expect(home).not.toContain('href="/sitemap.xml"');
    const map = await app.inject('/sitemap');
    expect(map.statusCode).toBe(200);
    expect(map.headers['content-type']).toContain('text/html');
    expect(map.body).toContain('<h1 class="keep-words">网站地图</h1>');
    expect(map.body).toContain(`<a href="/organs/${organ.code}">青岚县住房和城乡建设局</a>`);
    expect(map.body).toContain(`<a href="/organs/${organ.code}/catalog/${policy}">政策文件</a>`);
    expect(map.body).toContain(`<a href="/organs/${organ.code}/catalog/${normative}">规范性文件</a>`);
    expect(map.body).toContain(`<a href="/organs/${unit.code}">城市建设股</a>`);
    expect(map.body).toContain(`<a href="/organs/${unit.code}/catalog">本单位报送的信息</a>（由青岚县住房和城乡建设局统一发布）`);
    expect((await app.inject('/sitemap.xml')).statusCode).toBe(200);
    await app.close();
  });
});


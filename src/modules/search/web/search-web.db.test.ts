import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { createNode, createOrgan, createPublished, createStaff, system } from '../../../../test/support/factories.ts';
import { saveOrgan } from '../../catalog/index.ts';
import { performReviewVerb } from '../../review/index.ts';
import { reindex } from '../index.ts';
import { contentVersionReader } from '../../../platform/db/content-version.ts';

describeEachDialect('search pages and API', (db) => {
  it('puts a search box in every portal page header, scoped to the organ on its pages', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    await createNode(deps, organ.id);
    const home = await app.inject('/');
    expect(home.body).toContain('action="/search"');
    expect(home.body).not.toContain('id="header-scope"');
    const named = await saveOrgan(deps, system, { code: 'qlx-zjj', name: '青岚县住房和城乡建设局', shortName: '县住建局', kind: 'department', parentCode: organ.code, creditCode: '11341525000000999K' });
    // The scope is named as on the results page: the organ's short name, or its name when it has none.
    expect((await app.inject(`/organs/${named.code}`)).body).toMatch(new RegExp(`<select id="header-scope" name="organ"><option value="${named.code}" selected(="")?>县住建局</option><option value(="")?>全站</option>`));
    // The county government's pages are where most citizens arrive (the home page lists it first), and
    // they mean the county (扬尘, 公租房 are its departments' items): 全站 comes first there, the
    // government's own items the other choice (an outside tester found 0 for each under 县政府).
    const governmentPage = await app.inject(`/organs/${organ.code}`);
    expect(governmentPage.body).toMatch(new RegExp(`<select id="header-scope" name="organ"><option value(="")? selected(="")?>全站</option><option value="${organ.code}">${organ.name}</option>`));
    await app.close();
  });

  it('shows results with highlight, metadata and facets, without JavaScript; counts terms without personal data', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const parent = await createNode(deps, organ.id, { name: '政策文件' });
    const item = await createPublished(deps, organ.id, [parent], { title: '关于农村危房改造补助标准的通知', documentNumber: '岚建〔2026〕63号', genre: '通知' });
    await createPublished(deps, organ.id, [parent], { title: '城市道路扬尘管控', genre: '通告' });
    await reindex(deps);
    const res = await app.inject(`/search?q=${encodeURIComponent('危房')}&organ=${organ.code}`);
    expect(res.statusCode).toBe(200);
    // Without JavaScript: the results, facets and filters are in the page itself; the one script is the
    // portal's deferred enhancement (Esc closes the phone menu), nothing inline.
    expect(res.body.match(/<script[^>]*>/g)).toEqual(['<script src="/assets/portal.js" defer>']);
    // The 索引号 in parts that never break inside (a <wbr> after its /), its text whole.
    expect(res.body.replace(/<[^>]+>/g, '')).toContain(item.indexNumber!);
    for (const text of ['共找到 1 条', '<mark>危房</mark>', '岚建〔2026〕63号', '政策文件', '发布日期', organ.name, '按五公开筛选', '执行公开', '2026年']) expect(res.body).toContain(text);
    const byNumber = await app.inject(`/api/v1/search?q=${encodeURIComponent('岚建[2026]63号')}`);
    expect(byNumber.statusCode).toBe(200);
    expect(byNumber.json().items[0]).toMatchObject({ id: item.id, exactNumber: true, documentNumber: '岚建〔2026〕63号' });
    // Which number matched, the item's own writing of it (issue #13); exactNumber stays a boolean.
    expect(byNumber.json().items[0].exactNumberMatch).toEqual({ kind: 'documentNumber', value: '岚建〔2026〕63号' });
    expect(byNumber.json().facets.genre).toEqual([{ value: '通知', label: '通知', count: 1 }]);
    const bad = await app.inject('/api/v1/search?q=x&from=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'ERR_SEARCH_INVALID_DATE', field: 'from' });
    const badPage = await app.inject('/search?q=x&from=2026-13-01');
    expect(badPage.statusCode).toBe(400);
    expect(badPage.body).toContain('起始日期没有这一天（2026-13-01），请按“年-月-日”选择日历上的日期，如 2026-03-10');
    // A citizen is told in words, not “YYYY-MM-DD”, also when only the day does not exist (found by an outside tester).
    expect(bad.json().error.message).toBe('起始日期没有这一天（2026-02-30），请按“年-月-日”选择日历上的日期，如 2026-03-10');
    const typed = await app.inject('/search?q=x&to=2026年3月');
    expect(typed.body).toContain('截止日期应按“年-月-日”填写，如 2026-03-10');
    for (let i = 0; i < 3; i++) await app.inject({ url: `/search?q=${encodeURIComponent('不存在的东西')}`, remoteAddress: `10.3.0.${i}` }); // shown from 3 visitors
    await app.inject(`/search?q=${encodeURIComponent('13800138000')}`);
    // Counted in memory, not written per search; the report writes them first.
    expect(await deps.db.selectFrom('search_terms').select('term').execute()).toEqual([]);
    const staff = await createStaff(deps, organ.code, 'disclosure_office');
    const { cookies } = await loginAs(app, staff.username, 'correct-horse-1');
    const admin = await app.inject({ url: '/admin/search-terms?organ=all', cookies });
    expect(admin.statusCode).toBe(200);
    expect(admin.body).toMatch(/id="search-terms-zero"[\s\S]*不存在的东西/);
    const rows = await deps.db.selectFrom('search_terms').select(['term', 'searches', 'zero_results']).orderBy('term').execute();
    expect(rows.map((r) => r.term).sort()).toEqual(['不存在的东西', '危房', '岚建[2026]63号'].sort());
    // (After the counted terms: these searches are counted too.)
    const byIndex = (await app.inject(`/api/v1/search?q=${encodeURIComponent(item.indexNumber!)}`)).json().items[0];
    expect(byIndex).toMatchObject({ id: item.id, exactNumber: true, exactNumberMatch: { kind: 'indexNumber', value: item.indexNumber } });
    expect((await app.inject(`/api/v1/search?q=${encodeURIComponent('危房')}`)).json().items[0].exactNumberMatch).toBeNull();
    const hitSchema = (await app.inject('/api/openapi.json')).json().paths['/api/v1/search'].get.responses['200'].content['application/json'].schema.properties.items.items;
    expect(hitSchema.properties.exactNumberMatch.description).toContain('indexNumber');
    expect((await app.inject('/api/openapi.json')).body).toContain('/api/v1/search');
    // Searches still in memory are written when the server closes (SIGTERM closes it the same way).
    await app.inject(`/search?q=${encodeURIComponent('扬尘')}`);
    await app.close();
    expect((await deps.db.selectFrom('search_terms').select('searches').where('term', '=', '扬尘').execute()).map((r) => Number(r.searches))).toEqual([1]);
  });
  it('tells two 目录栏目 of one name apart by their paths, and offers the whole region when an organ has nothing', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const other = await createOrgan(deps);
    const statutory = await createNode(deps, organ.id, { name: '法定主动公开内容' });
    const news = await createNode(deps, organ.id, { name: '重点领域信息' });
    const planA = await createNode(deps, organ.id, { name: '规划计划', parentId: statutory });
    const planB = await createNode(deps, organ.id, { name: '规划计划', parentId: news });
    const single = await createNode(deps, organ.id, { name: '通知公告' });
    await createPublished(deps, organ.id, [planA], { title: '城区排水专项规划', documentNumber: '岚建〔2026〕71号' });
    await createPublished(deps, organ.id, [planB], { title: '老旧小区改造规划' });
    await createPublished(deps, organ.id, [single], { title: '规划公示' });
    const page = (await app.inject(`/search?q=${encodeURIComponent('规划')}`)).body;
    // The facet links (the results' own 目录 line names the path anyway), each › kept with the name before it.
    expect(page).toMatch(/node=\d+[^"]*">法定主动公开内容\u00a0› 规划计划<\/a>/);
    expect(page).toMatch(/node=\d+[^"]*">重点领域信息\u00a0› 规划计划<\/a>/);
    expect(page).toMatch(new RegExp(`node=${single}[^"]*">通知公告</a>`));
    const api = (await app.inject(`/api/v1/search?q=${encodeURIComponent('规划')}`)).json();
    expect(api.facets.node.map((f: { label: string }) => f.label).sort()).toEqual(['法定主动公开内容 › 规划计划', '通知公告', '重点领域信息 › 规划计划'].sort());
    // One rule at every depth: the path from the organ's top column, also where no other column shares the name (an
    // outside tester read 保障性住房 › 意见征集 beside 公众参与 › 意见征集, and 申请与审核 without its parent).
    const interaction = await createNode(deps, organ.id, { name: '互动交流' });
    const participation = await createNode(deps, organ.id, { name: '公众参与', parentId: interaction });
    const housing = await createNode(deps, organ.id, { name: '保障性住房', parentId: news });
    const otherHousing = await createNode(deps, organ.id, { name: '保障性住房', parentId: statutory });
    for (const [parentId, title] of [[participation, '意见征询一'], [housing, '意见征询二'], [otherHousing, '意见征询三']] as const) {
      const consult = await createNode(deps, organ.id, { name: '意见征集', parentId });
      await createPublished(deps, organ.id, [consult], { title });
    }
    await createPublished(deps, organ.id, [housing], { title: '保障政策征询' });
    const nested = (await app.inject(`/api/v1/search?q=${encodeURIComponent('征询')}`)).json();
    expect(nested.facets.node.map((f: { label: string }) => f.label).sort()).toEqual([
      '互动交流 › 公众参与 › 意见征集', '法定主动公开内容 › 保障性住房 › 意见征集', '重点领域信息 › 保障性住房 › 意见征集', '重点领域信息 › 保障性住房',
    ].sort());

    // A 文号 searched within an organ that did not issue it: nothing here, and a link to the whole region, which finds it.
    const scoped = (await app.inject(`/search?q=${encodeURIComponent('岚建〔2026〕71号')}&organ=${other.code}`)).body;
    expect(scoped.replace(/<[^>]+>/g, '')).toContain('范围内没有找到文号为 岚建〔2026〕71号 的文件');
    expect(scoped).toContain(`<a href="/search?q=${encodeURIComponent('岚建〔2026〕71号')}">在全站检索“岚建〔2026〕71号”</a>`);
    expect((await app.inject(`/search?q=${encodeURIComponent('岚建〔2026〕71号')}`)).body).toContain('共找到 1 条');
    expect((await app.inject(`/search?q=${encodeURIComponent('不存在的东西')}`)).body).not.toContain('在全站检索');

    // The API without q: its stable code and a Chinese message, not the validator's.
    const empty = await app.inject('/api/v1/search');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ code: 'ERR_SEARCH_EMPTY_QUERY', message: '请输入检索词', field: 'q' });
    // Nor with an empty q or one of spaces only (found by an outside tester): the same refusal.
    for (const q of ['', '+', '%20%20', '%E3%80%80']) {
      const blank = await app.inject(`/api/v1/search?q=${q}`);
      expect(blank.statusCode).toBe(400);
      expect(blank.json().error).toMatchObject({ code: 'ERR_SEARCH_EMPTY_QUERY', message: '请输入检索词', field: 'q' });
    }
    // The OpenAPI document says so, as docs/errors.md does.
    expect((await app.inject('/api/openapi.json')).json().paths['/api/v1/search'].get.parameters.find((p: { name: string }) => p.name === 'q').description).toContain('ERR_SEARCH_EMPTY_QUERY');
    // The page with a blank query over the whole region: the form asking for a word, never
    // 「“ ”的检索结果」; 200, and not for search engines.
    // (With an organ chosen, a blank query lists the organ's items: a filter without a word.)
    for (const url of ['/search?q=+', '/search?q=%20%20']) {
      const page = await app.inject(url);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<meta name="robots" content="noindex, follow"/>');
      expect(page.body).toContain('请输入检索词');
      expect(page.body).not.toContain('检索结果');
      // No maxlength: a pasted query over 100 characters is searched by its start and the page says so, never cut silently.
      expect(page.body).toMatch(/<input type="search" id="search-q" name="q" value [^>]*aria-describedby/);
      expect(page.body).not.toMatch(/<input [^>]*id="search-q"[^>]*maxlength/);
    }
    // The form first opened is indexed as before.
    expect((await app.inject('/search')).body).not.toContain('noindex');
    await app.close();
  });

  it('lists by filters without a word, newest first, on the page (without JavaScript) and in the API; with neither it asks for a word', async () => {
    const { app, deps } = await buildTestApp(db());
    const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
    const bureau = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    const node = await createNode(deps, bureau.id, { name: '政策文件' });
    const countyNode = await createNode(deps, county.id, { name: '政府文件' });
    const older = await createPublished(deps, bureau.id, [node], { title: '城市绿化养护办法', validity: 'repealed', genre: '通知', summary: '规定城市绿化的养护标准和责任。', bodyHtml: '<p>第一条 为加强城市绿化养护，制定本办法。</p>' });
    const valid = await createPublished(deps, bureau.id, [node], { title: '关于做好冬季施工安全的通知', genre: '通知' });
    const newer = await createPublished(deps, bureau.id, [node], { title: '建筑市场管理办法', validity: 'repealed', genre: '公告', bodyHtml: '<p>第一条 为规范建筑市场秩序，制定本办法。</p>' });
    await createPublished(deps, county.id, [countyNode], { title: '县政府已废止的文件', validity: 'repealed', genre: '公告' });
    await reindex(deps);
    const order = (html: string) => [...html.matchAll(/<li class="search-hit"><h3><a href="\/organs\/[^/]+\/items\/(\d+)"/g)].map((m) => Number(m[1]));

    // The box left empty, 范围 and 效力 chosen: what a 高级检索 lists — the organ's repealed items, newest first.
    const page = await app.inject(`/search?q=&organ=${bureau.code}&validity=repealed`);
    expect(page.statusCode).toBe(200);
    expect(order(page.body)).toEqual([newer.id, older.id]);
    expect(page.body).toContain('<title>按条件列出：已废止 · 县住建局');
    expect(page.body).toContain('<h1 class="keep-words">按条件列出：已废止 · 县住建局</h1>');
    expect(page.body).toContain('共找到 2 条，按发布日期排列（未输入检索词，不按相关度排序）');
    // No relevance without words: neither the switch nor a marked word; the box is not said to be missing.
    expect(page.body).not.toContain('改为按相关度');
    expect(page.body).not.toContain('<mark>');
    expect(page.body).not.toContain('请输入检索词');
    // A listing is a page of results too: not for search engines' indexes (issue #13), its links followed.
    expect(page.body).toContain('<meta name="robots" content="noindex, follow"/>');
    // A result line shows the item's 内容概述 when it has one, else the start of its text.
    expect(page.body).toContain('规定城市绿化的养护标准和责任。');
    expect(page.body).toContain('第一条 为规范建筑市场秩序，制定本办法。');
    // The facets and 已选条件 as for words; their links keep listing (no q in them).
    expect(page.body).toContain('按体裁筛选');
    expect(page.body).toContain(`<a href="/search?organ=${bureau.code}&amp;genre=${encodeURIComponent('公告')}&amp;validity=repealed">公告</a>`);
    expect(page.body).toContain('效力：已废止');

    // The form as sent without JavaScript (every field, the empty ones too): redirected, then listed.
    const sent = await app.inject(`/search?q=&organ=${bureau.code}&sort=relevance&from=&to=&validity=repealed`);
    expect(sent.statusCode).toBe(302);
    expect(sent.headers.location).toBe(`/search?q=&organ=${bureau.code}&validity=repealed`);
    // A 体裁 and a date, without q at all (a facet link's address).
    const notices = await app.inject(`/search?organ=${bureau.code}&genre=${encodeURIComponent('通知')}&from=2020-01-01`);
    expect(order(notices.body)).toEqual([valid.id, older.id]);
    expect(notices.body).toContain('按条件列出：通知 · 2020-01-01 起 · 县住建局');
    // Filters that let nothing through say so, without a pair of empty quotes.
    const none = await app.inject(`/search?q=&organ=${county.code}&genre=${encodeURIComponent('通知')}`);
    expect(none.body).toContain('共找到 0 条');
    expect(none.body).toContain('县政府范围内、所选条件下没有公开信息');
    expect(none.body).not.toContain('“”');
    // Neither a word nor a filter: the form asking for a word, as before.
    expect((await app.inject('/search?q=+')).body).toContain('请输入检索词');

    // The API: the same list, said to be newest first whatever sort was asked, and that it is a listing.
    const api = await app.inject(`/api/v1/search?organ=${bureau.code}&validity=repealed&sort=relevance`);
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ query: '', total: 2, sort: 'newest', listing: true, notWholeWords: null });
    expect(api.json().items.map((i: { id: number }) => i.id)).toEqual([newer.id, older.id]);
    expect(api.json().items[1].snippet).toEqual([{ text: '规定城市绿化的养护标准和责任。', hit: false }]);
    expect((await app.inject(`/api/v1/search?q=${encodeURIComponent('办法')}&organ=${bureau.code}`)).json().listing).toBe(false);
    // Neither a word nor a filter nor the newest first asked for (sort=newest alone lists everything: search-form-filters.db.test.ts).
    const refused = await app.inject('/api/v1/search?q=&sort=relevance&page=1');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'ERR_SEARCH_EMPTY_QUERY', field: 'q' });
    const doc = (await app.inject('/api/openapi.json')).json().paths['/api/v1/search'].get;
    expect(doc.parameters.find((p: { name: string }) => p.name === 'q').description).toContain('按发布日期列出');
    // A listing is no search term: nothing is counted for it, only the one search of a word (written when the server closes).
    await app.close();
    expect(await deps.db.selectFrom('search_terms').select('term').where('organ_id', 'in', [bureau.id, county.id]).execute()).toEqual([{ term: '办法' }]);
    expect(await deps.db.selectFrom('search_terms').select('term').where('term', '=', '').execute()).toEqual([]);
  });

  it('offers no internal unit as a scope; an old link to a unit searches the organ that publishes for it, and says so (page and API)', async () => {
    const { app, deps } = await buildTestApp(db());
    const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
    const bureau = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    const unit = await createOrgan(deps, { kind: 'unit', parentCode: bureau.code, name: '村镇建设股' });
    const node = await createNode(deps, bureau.id, { name: '政策文件' });
    await createPublished(deps, bureau.id, [node], { title: '农村危房改造补助标准' });
    const fresh = (await app.inject(`/search?q=${encodeURIComponent('危房')}`)).body;
    // 范围 lists the organs (全站, 县政府, 县住建局), never a 股室 of one of them.
    expect(fresh).toContain(`<option value="${bureau.code}">县住建局</option>`);
    // The whole site is 全站, not 全区: the platform does not know its region's level (a county's site, found by an outside tester).
    expect(fresh).toMatch(/<select id="search-scope" name="organ"><option value(="")?>全站<\/option>/);
    expect(fresh).not.toContain('全区');
    expect(fresh).not.toContain(`value="${unit.code}"`);
    expect(fresh).not.toContain('村镇建设股');
    // The results page has one search box, its own: the header's is not repeated there; every other page has it.
    expect(fresh).not.toContain('id="header-q"');
    expect((await app.inject(`/organs/${unit.code}`)).body).toContain('id="header-q"');
    const old = await app.inject(`/search?q=${encodeURIComponent('危房')}&organ=${unit.code}`);
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain('共找到 1 条');
    expect(old.body).toContain(`<option value="${bureau.code}" selected>县住建局</option>`);
    expect(old.body).toContain('村镇建设股是县住建局的下属单位，不单独发布信息，已在县住建局范围内检索。');
    // Every link of the page (facets, sort, pages) carries the organ searched, not the unit.
    expect(old.body).not.toContain(`organ=${unit.code}`);
    const api = await app.inject(`/api/v1/search?q=${encodeURIComponent('危房')}&organ=${unit.code}`);
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ total: 1, scope: { code: bureau.code, name: '青岚县住房和城乡建设局', label: '县住建局', unit: { code: unit.code, name: '村镇建设股' } } });
    expect((await app.inject(`/api/v1/search?q=${encodeURIComponent('危房')}&organ=${bureau.code}`)).json().scope).toEqual({ code: bureau.code, name: '青岚县住房和城乡建设局', label: '县住建局', unit: null });
    expect((await app.inject(`/api/v1/search?q=${encodeURIComponent('危房')}`)).json().scope).toBeNull();
    await app.close();
  });

  it('lists the chosen 发布日期 range under 已选条件, with a link that drops it', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    await createPublished(deps, organ.id, [node], { title: '农村危房改造补助标准' });
    const q = encodeURIComponent('危房');
    const both = (await app.inject(`/search?q=${q}&from=2020-01-01&to=2030-12-31&sort=newest`)).body;
    expect(both).toContain('发布日期：2020-01-01 至 2030-12-31');
    expect(both).toContain(`href="/search?q=${q}&amp;sort=newest" aria-label="取消发布日期条件"`);
    expect((await app.inject(`/search?q=${q}&from=2020-01-01`)).body).toContain('发布日期：2020-01-01 起');
    expect((await app.inject(`/search?q=${q}&to=2030-12-31`)).body).toContain('发布日期：至 2030-12-31');
    await app.close();
  });

  it('shows a newly published, withdrawn or renamed item at once, though repeated searches are kept in memory', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id, { name: '住房保障' });
    await createPublished(deps, organ.id, [node], { title: '公共租赁住房配租公告' });
    const count = async () => (await app.inject(`/api/v1/search?q=${encodeURIComponent('公租房')}`)).json().total;
    const page = async () => (await app.inject(`/search?q=${encodeURIComponent('公租房')}`)).body;
    expect(await count()).toBe(1);
    expect(await page()).toContain('共找到 1 条');
    // Asked again the page is the kept one, yet every search is still counted, and the reading preferences are kept apart.
    await page();
    const staff = await createStaff(deps, organ.code, 'disclosure_office');
    const { cookies } = await loginAs(app, staff.username, 'correct-horse-1');
    const searches = async () => {
      expect((await app.inject({ url: '/admin/search-terms', cookies })).statusCode).toBe(200); // the report writes the counted searches first
      return (await deps.db.selectFrom('search_terms').select('searches').where('term', '=', '公租房').execute()).reduce((n, r) => n + Number(r.searches), 0);
    };
    expect(await searches()).toBe(3); // one through the API, two pages
    const large = (await app.inject({ url: `/search?q=${encodeURIComponent('公租房')}`, cookies: { gk_fs: 'l' } })).body;
    expect(large).not.toBe(await page());
    expect((await app.inject({ url: `/search?q=${encodeURIComponent('公租房')}`, cookies: { gk_fs: 'l' } })).body).toBe(large);
    const second = await createPublished(deps, organ.id, [node], { title: '公租房租金调整的通知' });
    expect(await count()).toBe(2);
    expect(await page()).toContain('共找到 2 条');
    await saveOrgan(deps, system, { code: organ.code, name: '岚山县住房和城乡建设局', kind: organ.kind, creditCode: organ.creditCode, consultPhone: organ.consultPhone }, organ.id);
    expect(await page()).toContain('岚山县住房和城乡建设局');
    await performReviewVerb(deps, system, second.id, 'withdraw', { withdrawReason: 'published_in_error', withdrawNote: '内容有误' });
    expect(await count()).toBe(1);
    expect(await page()).toContain('共找到 1 条');
    // A rebuild of the index may change what a search finds (another tokenizer): it moves the version too.
    const version = async () => (await contentVersionReader(deps.db)()).version;
    const before = await version();
    await reindex(deps);
    expect(await version()).toBeGreaterThan(before);
    await app.close();
  });

  it('narrows to exactly what a 机关 facet counted: a parent organ is its own items, page and API', async () => {
    const { app, deps } = await buildTestApp(db());
    const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
    const bureau = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    const countyNode = await createNode(deps, county.id);
    const bureauNode = await createNode(deps, bureau.id);
    await createPublished(deps, county.id, [countyNode], { title: '县政府述职专报', stage: 'management' });
    for (const t of ['危房改造述职专报', '保障房配租述职专报']) await createPublished(deps, bureau.id, [bureauNode], { title: t });
    await reindex(deps);
    const Q = encodeURIComponent('述职专报');
    const page = (await app.inject(`/search?q=${Q}`)).body;
    const facets = [...new Map([...page.matchAll(new RegExp(`<a href="(/search\\?q=${Q}&amp;organ=[^"]+)">([^<]+)</a> <span class="count">\\((\\d+)\\)</span>`, 'g'))].map((m) => [m[1], m] as const)).values()];
    expect(facets.map((m) => [m[2], m[3]])).toEqual([['县住建局', '2'], ['县政府', '1']]);
    // Every organ facet, clicked, finds what it counted (the wide and the phone copy are the same links).
    for (const [, href, , n] of facets) expect((await app.inject(href.replaceAll('&amp;', '&'))).body).toContain(`共找到 ${n} 条`);
    // The API: a facet's value is what organ= takes (the code), labelled as the portal words it.
    const api = (await app.inject(`/api/v1/search?q=${Q}`)).json();
    expect(api.facets.organ).toEqual([{ value: bureau.code, label: '县住建局', count: 2 }, { value: county.code, label: '县政府', count: 1 }]);
    for (const f of api.facets.organ) expect((await app.inject(`/api/v1/search?q=${Q}&organ=${f.value}`)).json().total).toBe(f.count);
    expect(api.facets.stage).toContainEqual({ value: 'management', label: '管理公开', count: 1 });
    expect(api.facets.validity).toEqual([{ value: 'valid', label: '有效', count: 3 }]);
    for (const k of ['stage', 'validity', 'year', 'genre', 'node'] as const) {
      for (const f of api.facets[k]) expect((await app.inject(`/api/v1/search?q=${Q}&${k}=${encodeURIComponent(f.value)}`)).json().total, `${k}=${f.value}`).toBe(f.count);
    }
    await app.close();
  });

  it('refuses an unknown stage, 效力, 体裁 or 栏目 and a repeated parameter, naming it (page and API)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    await createPublished(deps, organ.id, [node], { title: '农村危房改造补助标准', genre: '通知' });
    await reindex(deps);
    for (const [param, field, words] of [['stage=foo', 'stage', '五公开'], ['validity=zz', 'validity', '效力'], ['genre=xx', 'genre', '体裁'], ['node=99999', 'node', '目录栏目'], ['q=a&q=b', 'q', '检索词']] as const) {
      const api = await app.inject(`/api/v1/search?q=${encodeURIComponent('危房')}&${param}`.replace(`q=${encodeURIComponent('危房')}&q=a`, 'q=a'));
      expect(api.statusCode, param).toBe(400);
      expect(api.json().error, param).toMatchObject({ code: 'ERR_SEARCH_BAD_PARAMETER', field });
      expect(api.json().error.message, param).toContain(words);
      const page = await app.inject(`/search?q=${encodeURIComponent('危房')}&${param}`.replace(`q=${encodeURIComponent('危房')}&q=a`, 'q=a'));
      expect(page.statusCode, param).toBe(400);
      expect(page.body, param).toContain(api.json().error.message);
    }
    // The values the facets offer are taken.
    expect((await app.inject(`/api/v1/search?q=${encodeURIComponent('危房')}&genre=${encodeURIComponent('通知')}&stage=execution&validity=valid&node=${node}`)).json().total).toBe(1);
    await app.close();
  });

  it('never cuts a pasted query in the header box: 101 characters reach the results page, which searches the first 100 and says so (no JavaScript)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const long = '城市'.repeat(50) + '危';
    expect(long.length).toBe(101);
    for (const url of ['/', `/organs/${organ.code}`]) {
      const page = (await app.inject(url)).body;
      const form = /<form class="header-search"[^>]*>.*?<\/form>/s.exec(page)![0];
      expect(form, url).toContain('id="header-q"');
      expect(form, url).not.toMatch(/maxlength/i);
      // What a browser sends from the box as it stands: q and the preselected scope, if any.
      const scope = /<option value="([^"]*)" selected>/.exec(form)?.[1];
      const query = new URLSearchParams({ q: long, ...(scope === undefined ? {} : { organ: scope }) });
      let res = await app.inject(`/search?${query}`);
      if (res.statusCode === 302) res = await app.inject(String(res.headers.location));
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('检索词过长（101 个字），已按前 100 个字检索');
      expect(res.body).toContain('最多 100 个字');
      expect(res.body).toContain(`value="${long.slice(0, 100)}"`);
    }
    await app.close();
  });

  it('reads the organ list once for a search within an organ: its scope, its facets’ codes and the page (page and API)', async () => {
    const handle = db();
    const seen: string[] = [];
    const watched = handle.db.withPlugin({
      transformQuery: ({ node, queryId }) => (seen.push(handle.db.getExecutor().compileQuery(node, queryId).sql), node),
      transformResult: async ({ result }) => result,
    });
    const { app, deps } = await buildTestApp({ ...handle, db: watched });
    const organ = await createOrgan(deps);
    const unit = await createOrgan(deps, { parentCode: organ.code, kind: 'unit' });
    const node = await createNode(deps, organ.id, { name: '政策文件' });
    await createPublished(deps, organ.id, [node], { title: '关于农村危房改造补助标准的通知' });
    await reindex(deps);
    const organListReads = () => seen.filter((sql) => /^select \* from "organs" order by/.test(sql)).length;
    // The portal frame reads the organs once per content version (catalog's SiteFrames): read here first.
    expect((await app.inject('/')).statusCode).toBe(200);
    for (const url of [`/search?q=${encodeURIComponent('危房')}&organ=${organ.code}`, `/api/v1/search?q=${encodeURIComponent('危房')}&organ=${organ.code}`, `/search?q=${encodeURIComponent('危房改造')}&organ=${unit.code}`]) {
      seen.length = 0;
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(organListReads(), url).toBe(1);
    }
    await app.close();
  });

  it('drops the empty fields the results page’s form sends, so the address is the search itself', async () => {
    const { app } = await buildTestApp(db());
    const res = await app.inject(`/search?q=${encodeURIComponent('危房')}&organ=&sort=relevance&from=&to=`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/search?q=${encodeURIComponent('危房')}`);
    expect((await app.inject(`/search?q=${encodeURIComponent('危房')}&sort=newest&from=&to=`)).headers.location).toBe(`/search?q=${encodeURIComponent('危房')}&sort=newest`);
    await app.close();
  });
});

import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createPublished } from '../../../../../test/support/factories.ts';

const hrefsOf = (html: string) => [...new Set([...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&')))];

// 条例第二十七条、第四十九条: an internal unit (股室) takes no application and publishes no annual report of its own.
describeEachDialect('an internal unit’s portal pages', (db) => {
  it('link 依申请公开 and 年报 to the parent organ, and every link on the unit’s page resolves (found by an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const unit = await createOrgan(deps, { name: '村镇建设股', kind: 'unit', parentCode: organ.code });
    const node = await createNode(deps, unit.id, { name: '工作动态' });
    await createPublished(deps, unit.id, [node], { title: '股室工作动态' });
    const page = await app.inject(`/organs/${unit.code}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(`/organs/${unit.code}/apply`);
    expect(page.body).toContain(`href="/organs/${organ.code}/apply"`);
    expect(page.body).toContain(`href="/organs/${organ.code}/annual-reports"`);
    expect(page.body).toContain('由所属机关青岚县住房和城乡建设局受理');
    const broken: string[] = [];
    for (const href of hrefsOf(page.body).filter((h) => h.startsWith('/'))) {
      const res = await app.inject(href);
      if (res.statusCode === 404 || res.statusCode >= 500) broken.push(`${href} → ${res.statusCode}`);
    }
    expect(broken).toEqual([]);
    await app.close();
  });

  it('show 互动交流 on the unit’s home, leading to the parent organ’s 部门信箱, 写信 and 意见征集, since the unit has none of its own (a citizen looked for where to write)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const unit = await createOrgan(deps, { name: '村镇建设股', kind: 'unit', parentCode: organ.code });
    const page = await app.inject(`/organs/${unit.code}`);
    expect(page.statusCode).toBe(200);
    const card = /<li[^>]*><a href="[^"]*">互动交流<\/a>[\s\S]*?<\/li>/.exec(page.body)?.[0] ?? '';
    expect(card).toContain(`href="/organs/${organ.code}/letters"`);
    expect(card).toContain(`href="/organs/${organ.code}/letters/new"`);
    expect(card).toContain(`href="/organs/${organ.code}/consultations"`);
    expect(card).toContain('由所属机关青岚县住房和城乡建设局办理和答复');
    // The unit's own addresses only answer with guidance: the home links the organ's pages themselves.
    expect(page.body).not.toMatch(new RegExp(`href="/organs/${unit.code}/(letters|consultations)`));
    // The organ's own home keeps its 互动交流 as it was.
    const own = await app.inject(`/organs/${organ.code}`);
    expect(own.body).toContain(`<a href="/organs/${organ.code}/letters">互动交流</a><br/><span class="count">部门信箱：咨询、建议、投诉</span>`);
    await app.close();
  });

  it('name their organ in the breadcrumb on every page of the unit: its catalog, a column, an item, its guide and 年报', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    const unit = await createOrgan(deps, { name: '村镇建设股', kind: 'unit', parentCode: organ.code });
    const node = await createNode(deps, unit.id, { name: '工作动态' });
    const item = await createPublished(deps, unit.id, [node], { title: '股室工作动态' });
    const crumbs = (html: string) => [.../<nav class="breadcrumb"[\s\S]*?<\/nav>/.exec(html)![0].matchAll(/<li>(?:<a [^>]*>|<span[^>]*>)([^<]*)</g)].map((m) => m[1]);
    for (const path of [`/organs/${unit.code}/catalog`, `/organs/${unit.code}/catalog/${node}`, `/organs/${unit.code}/items/${item.id}`, `/organs/${unit.code}/guide`, `/organs/${unit.code}/annual-reports`]) {
      const res = await app.inject(path);
      expect(res.statusCode, path).toBe(200);
      expect(crumbs(res.body).slice(0, 4), path).toEqual(['首页', '信息公开', '县住建局', '村镇建设股']);
    }
    await app.close();
  });

  it('its 年报 address says the parent organ publishes the annual report and links it', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const unit = await createOrgan(deps, { name: '村镇建设股', kind: 'unit', parentCode: organ.code });
    const res = await app.inject(`/organs/${unit.code}/annual-reports`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('村镇建设股是青岚县住房和城乡建设局的下属单位，不单独发布政府信息公开工作年度报告');
    expect(res.body).toContain(`href="/organs/${organ.code}/annual-reports"`);
    expect(res.body).not.toContain('本机关于每年 1 月 31 日前公布');
    await app.close();
  });

  it('scope the header search to the parent organ, which publishes for the unit, named as everywhere else: by its short name (found by an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    const unit = await createOrgan(deps, { name: '村镇建设股', kind: 'unit', parentCode: organ.code });
    const headerForm = (html: string) => /<form class="header-search"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
    for (const path of [`/organs/${unit.code}`, `/organs/${unit.code}/catalog`]) {
      const res = await app.inject(path);
      expect(res.statusCode).toBe(200);
      const form = headerForm(res.body);
      expect(form).toContain(`<option value="${organ.code}" selected>县住建局</option>`);
      expect(form).not.toContain('本机关');
      expect(form).not.toContain(`value="${unit.code}"`);
    }
    // The organ's own pages and the results page word the scope the same way, in the header and in the form's 范围.
    const own = await app.inject(`/organs/${organ.code}`);
    expect(headerForm(own.body)).toContain(`<option value="${organ.code}" selected>县住建局</option>`);
    const results = (await app.inject(`/search?q=${encodeURIComponent('动态')}&organ=${organ.code}`)).body;
    // The results page has no header box (its own form is the search box) and names the scope the same way.
    expect(headerForm(results)).toBe('');
    expect(/<select id="search-scope"[\s\S]*?<\/select>/.exec(results)?.[0]).toMatch(new RegExp(`<option value="${organ.code}" selected(="[a-z]*")?>县住建局</option>`));
    expect(results).toContain('机关：县住建局');
    await app.close();
  });

  it('say on a unit without a catalog that the organ publishes its information, link the organ’s catalog, and list what the unit submitted (found by an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    const unit = await createOrgan(deps, { name: '青岚县房屋征收服务中心', kind: 'unit', parentCode: organ.code });
    const node = await createNode(deps, organ.id, { name: '征收补偿' });
    const submitted = await createPublished(deps, organ.id, [node], { title: '房屋征收补偿方案公告', submittingUnitCode: unit.code });
    await createDraft(deps, organ.id, [node], { title: '中心报送尚未发布的草稿', submittingUnitCode: unit.code });
    await createPublished(deps, organ.id, [node], { title: '住建局本机关的通知' });
    const says = '本单位的政府信息由青岚县住房和城乡建设局统一发布';
    const home = await app.inject(`/organs/${unit.code}`);
    expect(home.statusCode).toBe(200);
    const latest = /<section aria-labelledby="latest-h">[\s\S]*?<\/section>/.exec(home.body)?.[0] ?? '';
    expect(latest).toContain(says);
    expect(latest).toContain(`href="/organs/${organ.code}/catalog"`);
    // 最新公开信息: what the unit submitted and the organ published, at the organ's address; never 暂无信息.
    expect(latest).toContain(`<a href="/organs/${organ.code}/items/${submitted.id}">房屋征收补偿方案公告</a>`);
    expect(latest).not.toContain('住建局本机关的通知');
    expect(latest).not.toContain('尚未发布的草稿');
    expect(latest).not.toContain('暂无信息');
    // No empty 公开目录 panel (nor a phone toggle opening nothing) beside it.
    expect(home.body).not.toContain('aria-label="公开目录"');
    // Its 政府信息公开目录 tile leads to the organ's catalog, as its 依申请公开 tile to the organ's form.
    expect(home.body).toMatch(new RegExp(`<li><a href="/organs/${organ.code}/catalog">政府信息公开目录</a><br/><span class="count">由所属机关青岚县住房和城乡建设局统一发布</span></li>`));

    const catalog = await app.inject(`/organs/${unit.code}/catalog`);
    expect(catalog.statusCode).toBe(200);
    expect(catalog.body).toContain(says);
    expect(catalog.body).toContain(`href="/organs/${organ.code}/catalog"`);
    expect(catalog.body).not.toContain('本栏目暂无公开信息');
    expect(catalog.body).not.toContain('共 0 条');
    expect(catalog.body).toContain(`<a href="/organs/${organ.code}/items/${submitted.id}">房屋征收补偿方案公告</a>`);

    // A unit with nothing submitted yet still says where its information is, and lists nothing.
    const quiet = await createOrgan(deps, { name: '青岚县建筑工程质量安全监督站', kind: 'unit', parentCode: organ.code });
    const quietHome = (await app.inject(`/organs/${quiet.code}`)).body;
    expect(quietHome).toContain(says);
    expect(quietHome).toContain('本单位报送的信息暂无');
    // Its empty feed is dated by the unit's last change, not 1970-01-01 (an outside tester).
    const quietFeed = (await app.inject(`/organs/${quiet.code}/feed.atom`)).body;
    expect(quietFeed).not.toContain('1970-01-01');
    expect(quietFeed).toMatch(/<updated>20\d\d-\d\d-\d\dT/);
    expect((await app.inject(`/organs/${quiet.code}/feed.rss`)).body).not.toContain('1970');
    await app.close();
  });

  it('a unit without a catalog: its page pages through every item it submitted, as a catalog node does, and its feed lists the same, newest first', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const unit = await createOrgan(deps, { name: '房地产市场监管股', kind: 'unit', parentCode: organ.code });
    const node = await createNode(deps, organ.id, { name: '工作动态' });
    await createPublished(deps, organ.id, [node], { title: '局机关自己的信息' });
    const ids: number[] = [];
    for (let i = 1; i <= 23; i++) ids.push((await createPublished(deps, organ.id, [node], { title: `股室报送第${i}条`, submittingUnitCode: unit.code })).id);
    const newestFirst = [...ids].reverse();
    const listed = (html: string) => [...html.matchAll(/href="\/organs\/[^/]+\/items\/(\d+)"/g)].map((m) => Number(m[1]));
    const first = await app.inject(`/organs/${unit.code}/catalog`);
    expect(first.statusCode).toBe(200);
    expect(listed(first.body)).toEqual(newestFirst.slice(0, 20));
    expect(first.body).toContain(`href="/organs/${unit.code}/catalog?page=2"`);
    const second = await app.inject(`/organs/${unit.code}/catalog?page=2`);
    expect(second.statusCode).toBe(200);
    expect(listed(second.body)).toEqual(newestFirst.slice(20));
    expect(second.body).not.toContain('局机关自己的信息');
    expect((await app.inject(`/organs/${unit.code}/catalog?page=3`)).statusCode).toBe(404);
    const feed = await app.inject(`/organs/${unit.code}/feed.atom`);
    expect(feed.statusCode).toBe(200);
    const entries = [...feed.body.matchAll(/<entry>[\s\S]*?<id>[^<]*\/items\/(\d+)<\/id>/g)].map((m) => Number(m[1]));
    expect(entries).toEqual(newestFirst);
    expect(feed.body).not.toContain('局机关自己的信息');
    await app.close();
  });

  it('a unit without a catalog: its 法定主动公开内容 page says its organ publishes its information and links the organ’s, not 15 rows of 无此类信息 (found by an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    const unit = await createOrgan(deps, { name: '青岚县住房和城乡建设局城市建设股', kind: 'unit', parentCode: organ.code });
    await createNode(deps, organ.id, { name: '政策文件' });
    const page = await app.inject(`/organs/${unit.code}/statutory`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('本机关无此类信息或未单设栏目');
    expect(page.body).toContain('本单位的政府信息由青岚县住房和城乡建设局统一发布');
    expect(page.body).toContain(`href="/organs/${organ.code}/statutory"`);
    expect(page.body).toContain(`href="/organs/${organ.code}/catalog"`);
    // A unit with a catalog of its own keeps its own table.
    const own = await createOrgan(deps, { name: '村镇建设股', kind: 'unit', parentCode: organ.code });
    await createNode(deps, own.id, { name: '工作动态' });
    expect((await app.inject(`/organs/${own.code}/statutory`)).body).toContain('本机关无此类信息或未单设栏目');
    await app.close();
  });
});

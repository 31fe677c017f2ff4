import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { buildTestApp, loginAs } from '../../../../../test/support/app.ts';
import { createDraft, createNode, createOrgan, createPublished, createStaff, system } from '../../../../../test/support/factories.ts';
import { listCatalogNodes } from '../../index.ts';
import { listDirectoryMatters } from '../../storage/directory-matters-repository.ts';
import { findDirectoryTemplate } from '../../use-cases/directory-templates.ts';
import { importStandardDirectory } from '../../use-cases/import-standard-directory.ts';

/** 基层政务公开标准目录 in the back office (docs/standard-directories.md): the import page and the 事项 still missing. */
describeEachDialect('standard directories in the back office', (db) => {
  it('an organ administrator imports a template under a node; a second import adds nothing; an editor may not', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const keyAreas = await createNode(deps, organ.id, { name: '重点领域' });
    const admin = await createStaff(deps, organ.code, 'organ_admin');
    const { cookies, csrf } = await loginAs(app, admin.username, admin.password);
    const page = await app.inject({ method: 'GET', url: `/admin/organs/${organ.code}/standard-directories`, cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<option value="zhujian-fangwu-zhengshou">国有土地上房屋征收与补偿（5 个栏目，9 项事项）</option>');
    // No file of the source code is named to a county officer (found by an outside tester).
    expect(page.body).not.toContain('docs/');

    const missing = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/standard-directories`, cookies, payload: { _csrf: csrf, templateId: '', underNodeId: String(keyAreas) } });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#f-templateId"');
    expect(missing.body).toContain('请选择要导入的标准目录模板');
    const unknown = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/standard-directories`, cookies, payload: { _csrf: csrf, templateId: 'no-such-area', underNodeId: '' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('没有编号为“no-such-area”的标准目录模板');

    for (const round of [1, 2]) {
      const res = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/standard-directories`, cookies, payload: { _csrf: csrf, templateId: 'zhujian-fangwu-zhengshou', underNodeId: String(keyAreas) } });
      expect(res.statusCode).toBe(303);
      const flash = res.cookies.find((c) => c.name === 'gk_flash')!;
      const after = await app.inject({ method: 'GET', url: res.headers.location as string, cookies: { ...cookies, gk_flash: flash.value } });
      expect(after.body).toContain(round === 1 ? '新增栏目 5 个' : '目录中已有全部栏目和 9 项事项，未做改动');
      expect(after.body).toMatch(/<th scope="row">国有土地上房屋征收与补偿<\/th><td>重点领域 > 国有土地上房屋征收与补偿<\/td><td>9<\/td>/);
    }
    expect((await listCatalogNodes(deps.db, organ.id)).filter((n) => n.name === '国有土地上房屋征收与补偿')).toHaveLength(1);

    const editor = await createStaff(deps, organ.code, 'editor');
    const e = await loginAs(app, editor.username, editor.password);
    expect((await app.inject({ method: 'GET', url: `/admin/organs/${organ.code}/standard-directories`, cookies: e.cookies })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/standard-directories`, cookies: e.cookies, payload: { _csrf: e.csrf, templateId: 'zhujian-nongcun-weifang' } })).statusCode).toBe(403);
    expect((await listDirectoryMatters(deps.db, organ.id)).map((m) => m.templateId)).not.toContain('zhujian-nongcun-weifang');
    await app.close();
  });

  it('the organ’s staff read which 事项 have no published item, linked from the supervision page; others may not', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const keyAreas = await createNode(deps, organ.id, { name: '重点领域' });
    await importStandardDirectory(deps, system, organ.id, findDirectoryTemplate('zhujian-fangwu-zhengshou'), keyAreas);
    const matters = await listDirectoryMatters(deps.db, organ.id);
    const decision = matters.find((m) => m.key === 'fwzs-zsjd')!;
    await createPublished(deps, organ.id, [decision.nodeId], { matterId: decision.id, title: '青岚县人民政府房屋征收决定公告' });
    await createDraft(deps, organ.id, [decision.nodeId], { matterId: matters.find((m) => m.key === 'fwzs-bcfa')!.id });
    const office = await createStaff(deps, organ.code, 'disclosure_office');
    const { cookies } = await loginAs(app, office.username, office.password);

    const supervision = await app.inject({ method: 'GET', url: `/admin/supervision/${organ.code}`, cookies });
    expect(supervision.body).toContain(`<a href="/admin/organs/${organ.code}/supervision/matters">标准目录事项公开情况</a>`);
    const coverage = await app.inject({ method: 'GET', url: `/admin/organs/${organ.code}/supervision/matters`, cookies });
    expect(coverage.statusCode).toBe(200);
    // The draft does not count: 8 of 9 事项 have nothing published.
    expect(coverage.body).toContain('标准目录事项共 <strong>9</strong> 项，其中 <strong>8</strong> 项尚无已发布信息');
    expect(coverage.body).toContain('<th scope="row">房屋征收决定公告</th><td>重点领域 > 国有土地上房屋征收与补偿 > 征收决定</td><td>执行公开</td><td>全社会，主动公开</td><td>1</td><td>2026-03-10</td>');
    const plan = matters.find((m) => m.name === '征收补偿方案征求意见及修改情况')!;
    expect(coverage.body).toContain(`<th scope="row"><a href="/admin/organs/${organ.code}/publications/new?matter=${plan.id}">征收补偿方案征求意见及修改情况</a></th>`);
    expect(coverage.body).not.toContain('导入标准目录模板</a>');
    // The link opens the editor with the 事项's node ticked and the 事项 chosen.
    const editor = await createStaff(deps, organ.code, 'editor');
    const e = await loginAs(app, editor.username, editor.password);
    const form = (await app.inject({ method: 'GET', url: `/admin/organs/${organ.code}/publications/new?matter=${plan.id}`, cookies: e.cookies })).body;
    expect(form).toContain(`name="nodeIds" value="${plan.nodeId}" checked`);
    expect(form).toMatch(new RegExp(`<option value="${plan.id}" selected>`));
    expect((await app.inject({ method: 'GET', url: `/admin/organs/${organ.code}/publications/new?node=${keyAreas}`, cookies: e.cookies })).body)
      .toContain(`name="nodeIds" value="${keyAreas}" checked`);

    const other = await createOrgan(deps);
    const outsider = await createStaff(deps, other.code, 'organ_admin');
    const o = await loginAs(app, outsider.username, outsider.password);
    expect((await app.inject({ method: 'GET', url: `/admin/organs/${organ.code}/supervision/matters`, cookies: o.cookies })).statusCode).toBe(403);
    const empty = await app.inject({ method: 'GET', url: `/admin/organs/${other.code}/supervision/matters`, cookies: o.cookies });
    expect(empty.body).toContain(`本机关尚未导入基层政务公开标准目录。<a href="/admin/organs/${other.code}/standard-directories">导入标准目录模板</a>`);
    await app.close();
  });

  it('an item naming its 事项 shows the 事项’s legal basis and time limit on its page, and the API carries it', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    await importStandardDirectory(deps, system, organ.id, findDirectoryTemplate('zhujian-fangwu-zhengshou'), null);
    const decision = (await listDirectoryMatters(deps.db, organ.id)).find((m) => m.key === 'fwzs-zsjd')!;
    const item = await createPublished(deps, organ.id, [decision.nodeId], { matterId: decision.id, title: '青岚县人民政府房屋征收决定公告' });
    const page = await app.inject({ method: 'GET', url: `/organs/${organ.code}/items/${item.id}` });
    expect(page.body).toContain('<h2 id="matter-h">基层政务公开标准目录事项</h2>');
    expect(page.body).toContain('<dt>公开依据</dt><dd>《国有土地上房屋征收与补偿条例》（国务院令第590号）第十三条</dd>');
    expect(page.body).toContain('<dt>公开时限</dt><dd>作出房屋征收决定后及时公告</dd>');
    const api = await app.inject({ method: 'GET', url: `/api/v1/publications/${item.id}` });
    expect(api.json().matter).toMatchObject({ id: decision.id, key: 'fwzs-zsjd', name: '房屋征收决定公告', timeLimit: '作出房屋征收决定后及时公告', audience: '全社会', mode: '主动' });
    const plain = await createPublished(deps, organ.id, [decision.nodeId]);
    expect((await app.inject({ method: 'GET', url: `/organs/${organ.code}/items/${plain.id}` })).body).not.toContain('matter-h');
    expect((await app.inject({ method: 'GET', url: `/api/v1/publications/${plain.id}` })).json().matter).toBeNull();
    await app.close();
  });

  it('a standard-directory node’s page lists the 事项 it must carry, with their legal basis and time limit', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    await importStandardDirectory(deps, system, organ.id, findDirectoryTemplate('zhujian-fangwu-zhengshou'), null);
    const matters = await listDirectoryMatters(deps.db, organ.id);
    const decision = matters.find((m) => m.key === 'fwzs-zsjd')!;
    const page = (await app.inject({ method: 'GET', url: `/organs/${organ.code}/catalog/${decision.nodeId}` })).body;
    expect(page).toContain('本栏目公开事项（基层政务公开标准目录）');
    for (const m of matters.filter((x) => x.nodeId === decision.nodeId)) {
      expect(page).toContain(`<td>${m.name}</td>`);
      expect(page).toContain(`<td>${m.timeLimit}</td>`);
    }
    expect(page).toContain('<td class="wide-only">《国有土地上房屋征收与补偿条例》（国务院令第590号）第十三条</td>');
    // A node without 事项 shows no such table.
    const plainNode = await createNode(deps, organ.id, { name: '工作动态' });
    expect((await app.inject({ method: 'GET', url: `/organs/${organ.code}/catalog/${plainNode}` })).body).not.toContain('directory-matters');
    await app.close();
  });
});

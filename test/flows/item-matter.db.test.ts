import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/db.ts';
import { buildTestApp, loginAs } from '../support/app.ts';
import { createOrgan, createPublished, createStaff } from '../support/factories.ts';
import { createApiToken } from '../../src/modules/identity/index.ts';
import { listDirectoryMatters } from '../../src/modules/catalog/index.ts';

/** An item names the 标准目录 事项 it fulfils (docs/standard-directories.md): the editor, the item page and the API. */
describeEachDialect('an item and its standard-directory 事项', (db) => {
  it('the editor offers the 事项 by node and saves the chosen one; the item page and the API show its basis and time limit', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const admin = await createStaff(deps, organ.code, 'organ_admin');
    const { cookies, csrf } = await loginAs(app, admin.username, admin.password);
    await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/standard-directories`, cookies, payload: { _csrf: csrf, templateId: 'zhujian-fangwu-zhengshou', underNodeId: '' } });
    const matters = await listDirectoryMatters(deps.db, organ.id);
    const decision = matters.find((m) => m.key === 'fwzs-zsjd')!;
    const compensation = matters.find((m) => m.key === 'fwzs-bcjd')!;

    const form = await app.inject({ method: 'GET', url: `/admin/organs/${organ.code}/publications/new`, cookies });
    expect(form.body).toContain('<optgroup label="国有土地上房屋征收与补偿 > 征收决定">');
    expect(form.body).toContain(`<option value="${decision.id}">房屋征收决定公告</option>`);

    const typed = { _csrf: csrf, title: '关于解放路片区国有土地上房屋征收决定的公告', formedOn: '2026-03-02', stage: 'execution', docType: 'other', nodeIds: String(decision.nodeId) };
    const wrong = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies, payload: { ...typed, matterId: String(compensation.id) } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('所选标准目录事项不属于本信息所在的目录栏目');
    expect(wrong.body).toContain(`<option value="${compensation.id}" selected>`);
    const saved = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies, payload: { ...typed, matterId: String(decision.id) } });
    expect(saved.statusCode).toBe(303);
    const draftId = Number(/\/admin\/publications\/(\d+)/.exec(saved.headers.location as string)![1]);
    const edit = await app.inject({ method: 'GET', url: `/admin/publications/${draftId}`, cookies });
    expect(edit.body).toContain(`<option value="${decision.id}" selected>房屋征收决定公告</option>`);

    const item = await createPublished(deps, organ.id, [decision.nodeId], { matterId: decision.id, title: '青岚县人民政府房屋征收决定公告' });
    const itemPage = await app.inject({ method: 'GET', url: `/organs/${organ.code}/items/${item.id}` });
    expect(itemPage.body).toContain('基层政务公开标准目录事项');
    expect(itemPage.body).toContain('<dt>公开依据</dt><dd>《国有土地上房屋征收与补偿条例》（国务院令第590号）第十三条</dd>');
    expect(itemPage.body).toContain('<dt>公开时限</dt><dd>作出房屋征收决定后及时公告</dd>');
    const api = await app.inject({ method: 'GET', url: `/api/v1/publications/${item.id}` });
    expect(api.json().matter).toMatchObject({ id: decision.id, key: 'fwzs-zsjd', name: '房屋征收决定公告', timeLimit: '作出房屋征收决定后及时公告', audience: '全社会', mode: '主动' });
    // Over the API an item names its 事项 with matterId, one of its own nodes' only.
    const authorization = `Bearer ${await createApiToken(deps, admin.username, 'test')}`;
    const body = { title: '关于分户补偿情况的公示', formedOn: '2026-03-02', stage: 'result', docType: 'other', nodeIds: [decision.nodeId] };
    const refused = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload: { ...body, matterId: compensation.id } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'ERR_CATALOG_MATTER_INVALID', field: 'matterId' });
    const created = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload: { ...body, nodeIds: [compensation.nodeId], matterId: compensation.id } });
    expect(created.statusCode).toBe(201);
    expect(created.json().matter).toMatchObject({ key: 'fwzs-bcjd', legalBasis: '《国有土地上房屋征收与补偿条例》（国务院令第590号）第二十六条' });
    const plain = await createPublished(deps, organ.id, [decision.nodeId]);
    expect((await app.inject({ method: 'GET', url: `/api/v1/publications/${plain.id}` })).json().matter).toBeNull();

    await app.close();
  });
});

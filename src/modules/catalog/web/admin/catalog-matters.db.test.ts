import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { buildTestApp, loginAs } from '../../../../../test/support/app.ts';
import { createDraft, createNode, createOrgan, createPublished, createStaff, system } from '../../../../../test/support/factories.ts';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { findPublication, updatePublication } from '../../index.ts';
import { listDirectoryMatters } from '../../storage/directory-matters-repository.ts';
import { findDirectoryTemplate } from '../../use-cases/directory-templates.ts';
import { importStandardDirectory } from '../../use-cases/import-standard-directory.ts';

type Session = { cookies: Record<string, string>; csrf: string };

async function previewAndConfirm(app: FastifyInstance, as: Session, code: string, query: Record<string, string | string[]>) {
  const qs = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, x]))).toString();
  const preview = await app.inject({ method: 'GET', url: `/admin/organs/${code}/catalog/changes/preview?${qs}`, cookies: as.cookies });
  if (preview.statusCode !== 200) return { preview, confirm: null };
  const form = /<form method="post" action="[^"]+\/catalog\/changes">([\s\S]*?)<\/form>/.exec(preview.body)![1];
  const payload = [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&')]);
  const confirm = await app.inject({
    method: 'POST', url: `/admin/organs/${code}/catalog/changes`, cookies: as.cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(payload).toString(),
  });
  return { preview, confirm };
}

/** An organ with the 房屋征收 standard directory under 重点领域, one 事项 with a published item. */
async function organWithDirectory(deps: AppDeps) {
  const organ = await createOrgan(deps);
  const keyAreas = await createNode(deps, organ.id, { name: '重点领域' });
  await importStandardDirectory(deps, system, organ.id, findDirectoryTemplate('zhujian-fangwu-zhengshou'), keyAreas);
  const matters = await listDirectoryMatters(deps.db, organ.id);
  const m = (key: string) => matters.find((x) => x.key === key)!;
  const admin = await createStaff(deps, organ.code, 'organ_admin');
  return { organ, keyAreas, m, admin };
}

/** The 事项 of standard-directory nodes in the catalog's back office and in its changes (docs/standard-directories.md, docs/catalog-changes.md). */
describeEachDialect('standard-directory 事项 in the catalog back office', (db) => {
  it('the catalog page counts each node’s 事项 and the missing ones; the node form lists them with basis, time limit, items and a link to add one', async () => {
    const { app, deps } = await buildTestApp(db());
    const c = await organWithDirectory(deps);
    const decision = c.m('fwzs-zsjd');
    await createPublished(deps, c.organ.id, [decision.nodeId], { matterId: decision.id, title: '房屋征收决定公告（2026）' });
    await createDraft(deps, c.organ.id, [decision.nodeId], { matterId: c.m('fwzs-bcfa').id });
    const as = await loginAs(app, c.admin.username, c.admin.password);
    const page = (await app.inject({ url: `/admin/organs/${c.organ.code}/catalog`, cookies: as.cookies })).body;
    expect(page).toContain(`<a class="count" href="/admin/organs/${c.organ.code}/catalog?edit=${decision.nodeId}#matters-h" aria-label="事项 3 项，缺 2 项：栏目 征收决定 的标准目录事项">事项 3 项，缺 2 项</a>`);
    expect(page).toContain('事项 1 项，缺 1 项');

    const form = await app.inject({ url: `/admin/organs/${c.organ.code}/catalog?edit=${decision.nodeId}`, cookies: as.cookies });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('本栏目的标准目录事项（3 项，2 项尚无已发布信息）');
    expect(form.body).toContain(`<th scope="row">房屋征收决定公告</th><td>${decision.legalBasis}</td><td>${decision.timeLimit}</td><td>1 条</td>`);
    const plan = c.m('fwzs-bcfa');
    // The draft does not count; the link opens the editor with the 事项 chosen.
    expect(form.body).toContain(`<th scope="row">征收补偿方案征求意见及修改情况</th><td>${plan.legalBasis}</td><td>${plan.timeLimit}</td><td><strong>无（缺）</strong></td>`
      + `<td><a href="/admin/organs/${c.organ.code}/publications/new?matter=${plan.id}" aria-label="为事项“征收补偿方案征求意见及修改情况”新增信息">补发信息</a></td>`);
    expect(form.body).toContain('来自导入的基层政务公开标准目录模板（国有土地上房屋征收与补偿），此处只读');
    // A node without 事项 shows none.
    expect((await app.inject({ url: `/admin/organs/${c.organ.code}/catalog?edit=${c.keyAreas}`, cookies: as.cookies })).body).not.toContain('本栏目的标准目录事项');
    await app.close();
  });

  it('a merge’s preview says which 事项 go where, the merge does it, and the history tells it in a sentence by node names, without ids or JSON', async () => {
    const { app, deps } = await buildTestApp(db());
    const c = await organWithDirectory(deps);
    const survey = c.m('fwzs-dcdj');
    const comp = c.m('fwzs-bcjd');
    const item = await createPublished(deps, c.organ.id, [survey.nodeId], { matterId: survey.id, title: '房屋调查登记结果公示' });
    const as = await loginAs(app, c.admin.username, c.admin.password);
    const { preview, confirm } = await previewAndConfirm(app, as, c.organ.code, { kind: 'merge', nodeId: String(survey.nodeId), intoId: String(comp.nodeId) });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('标准目录事项（2 项）');
    expect(preview.body).toContain('<th scope="row">房屋调查登记结果</th><td>重点领域 > 国有土地上房屋征收与补偿 > 调查与评估</td><td>重点领域 > 国有土地上房屋征收与补偿 > 补偿与安置</td>');
    expect(preview.body).toContain('<th scope="row">评估机构选定和分户评估结果</th>');
    expect(confirm!.statusCode).toBe(303);
    const after = await listDirectoryMatters(deps.db, c.organ.id);
    expect(after.filter((m) => m.nodeId === comp.nodeId).map((m) => m.key).sort()).toEqual(['fwzs-bcjd', 'fwzs-dcdj', 'fwzs-fhbc', 'fwzs-pgjg', 'fwzs-sjsy']);
    expect((await findPublication(deps.db, item.id))!.matterId).toBe(survey.id);

    const history = (await app.inject({ url: `/admin/organs/${c.organ.code}/catalog/history`, cookies: as.cookies })).body;
    expect(history).toContain('<p>将栏目「重点领域 › 国有土地上房屋征收与补偿 › 调查与评估」并入「重点领域 › 国有土地上房屋征收与补偿 › 补偿与安置」，'
      + '其中 1 条信息移入「重点领域 › 国有土地上房屋征收与补偿 › 补偿与安置」，原栏目已删除；标准目录事项“房屋调查登记结果”、“评估机构选定和分户评估结果”移入「重点领域 › 国有土地上房屋征收与补偿 › 补偿与安置」。</p>');
    expect(history).toContain(`原地址 <code>/organs/${c.organ.code}/catalog/${survey.nodeId}</code> → 永久转向 <code>/organs/${c.organ.code}/catalog/${comp.nodeId}</code>`);
    expect(history).not.toContain('{&quot;');
    expect(history).not.toContain('"intoId"');
    expect(history).not.toContain('intoId');
    await app.close();
  });

  it('a move’s preview lists the 事项 that go with the node; a split takes a 事项 only with all its items and says so', async () => {
    const { app, deps } = await buildTestApp(db());
    const c = await organWithDirectory(deps);
    const decision = c.m('fwzs-zsjd');
    const risk = c.m('fwzs-wdpg');
    const other = await createNode(deps, c.organ.id, { name: '其他' });
    const as = await loginAs(app, c.admin.username, c.admin.password);
    const move = await app.inject({ url: `/admin/organs/${c.organ.code}/catalog/changes/preview?kind=move&nodeId=${decision.nodeId}&parentId=${other}`, cookies: as.cookies });
    expect(move.body).toContain('<th scope="row">房屋征收决定公告</th><td>重点领域 > 国有土地上房屋征收与补偿 > 征收决定</td><td>其他 > 征收决定</td><td>随栏目移动，仍属该栏目</td>');

    const a = await createPublished(deps, c.organ.id, [decision.nodeId], { matterId: decision.id, title: '征收决定公告一' });
    const b = await createDraft(deps, c.organ.id, [decision.nodeId], { matterId: decision.id, title: '征收决定公告二' });
    const plain = await createPublished(deps, c.organ.id, [decision.nodeId], { matterId: risk.id, title: '风险评估报告' });
    // Only one of the two items naming the 事项: refused, naming the other one.
    const half = await app.inject({ url: `/admin/organs/${c.organ.code}/catalog/changes/preview?kind=split&nodeId=${decision.nodeId}&name=征收决定公告&placement=child&itemIds=${a.id}`, cookies: as.cookies });
    expect(half.statusCode).toBe(409);
    expect(half.body).toContain('事项“房屋征收决定公告”随所选信息移入新栏目，请一并选择同样对应该事项的信息：“征收决定公告二”');

    const split = await previewAndConfirm(app, as, c.organ.code, { kind: 'split', nodeId: String(decision.nodeId), name: '征收决定公告', placement: 'child', itemIds: [String(a.id), String(b.id)] });
    expect(split.preview.body).toContain('<th scope="row">房屋征收决定公告</th><td>重点领域 > 国有土地上房屋征收与补偿 > 征收决定</td><td>重点领域 > 国有土地上房屋征收与补偿 > 征收决定 > 征收决定公告</td>');
    expect(split.confirm!.statusCode).toBe(303);
    const created = await deps.db.selectFrom('catalog_nodes').selectAll().where('organ_id', '=', c.organ.id).where('name', '=', '征收决定公告').executeTakeFirstOrThrow();
    expect(created.is_standard_directory).toBe(1);
    const after = await listDirectoryMatters(deps.db, c.organ.id);
    expect(after.find((m) => m.id === decision.id)!.nodeId).toBe(created.id);
    expect(after.find((m) => m.id === risk.id)!.nodeId).toBe(decision.nodeId);
    // The moved draft still saves with its 事项 (the 事项 is on a node it is in).
    const draft = (await findPublication(deps.db, b.id))!;
    await expect(updatePublication(deps, system, b.id, { title: draft.title, formedOn: draft.formedOn, stage: draft.stage, docType: draft.docType, nodeIds: draft.nodeIds, matterId: decision.id })).resolves.toBeTruthy();
    expect((await findPublication(deps.db, plain.id))!.nodeIds).toEqual([decision.nodeId]);
    const history = (await app.inject({ url: `/admin/organs/${c.organ.code}/catalog/history`, cookies: as.cookies })).body;
    expect(history).toContain('<p>从栏目「重点领域 › 国有土地上房屋征收与补偿 › 征收决定」拆出新栏目「重点领域 › 国有土地上房屋征收与补偿 › 征收决定 › 征收决定公告」，2 条信息移入新栏目；标准目录事项“房屋征收决定公告”随之移入新栏目。</p>');
    await app.close();
  });
});

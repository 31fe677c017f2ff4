import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { buildTestApp, loginAs } from '../../../../../test/support/app.ts';
import { createDraft, createNode, createOrgan, createPublished, createStaff } from '../../../../../test/support/factories.ts';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { insertDirectoryMatter } from '../../storage/directory-matters-repository.ts';
import { recordRedirect, resolveRedirect } from '../../storage/redirects-repository.ts';

type Session = { cookies: Record<string, string>; csrf: string };

/** Asks for the preview and confirms it as the form does: the preview's hidden fields, posted back. */
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

const indexNumbers = async (deps: AppDeps, organId: number) =>
  (await deps.db.selectFrom('publications').select(['id', 'index_number']).where('organ_id', '=', organId).orderBy('id').execute()).map((r) => `${r.id}:${r.index_number}`);
const version = async (deps: AppDeps, organId: number) =>
  Number((await deps.db.selectFrom('catalog_versions').select('version').where('organ_id', '=', organId).executeTakeFirst())?.version ?? 0);
const nodeIdsOf = async (deps: AppDeps, itemId: number) =>
  (await deps.db.selectFrom('publication_placements').select('node_id').where('publication_id', '=', itemId).orderBy('node_id').execute()).map((r) => r.node_id);

async function catalogWithItems(deps: AppDeps) {
  const organ = await createOrgan(deps);
  const notices = await createNode(deps, organ.id, { name: '通知公告' });
  const pictures = await createNode(deps, organ.id, { name: '图片新闻', parentId: notices });
  const news = await createNode(deps, organ.id, { name: '工作动态' });
  const other = await createNode(deps, organ.id, { name: '机构信息' });
  const inNotices = await createPublished(deps, organ.id, [notices], { title: '关于征收补偿方案的公告' });
  const inBoth = await createPublished(deps, organ.id, [notices, news], { title: '扬尘治理推进会召开' });
  const draft = await createDraft(deps, organ.id, [notices], { title: '尚未发布的通知' });
  const admin = await createStaff(deps, organ.code, 'organ_admin');
  return { organ, notices, pictures, news, other, inNotices, inBoth, draft, admin };
}

describeEachDialect('safe catalog change', (db) => {
  it('merges a node with a preview: its items and sub-nodes move, its page and feeds answer 301 (chains resolve), index numbers stay, the history shows it', async () => {
    const { app, deps } = await buildTestApp(db());
    const c = await catalogWithItems(deps);
    const as = await loginAs(app, c.admin.username, c.admin.password);
    const numbersBefore = await indexNumbers(deps, c.organ.id);
    const at = '2026-03-10T02:00:00Z';
    // A required 事项 of the merged node (standard directory) stays with its items, under the target.
    const matter = await insertDirectoryMatter(deps.db, {
      organ_id: c.organ.id, node_id: c.notices, template_id: 'test', matter_key: 'notice', name: '征收补偿方案', stage: 'decision', elements: '方案全文',
      legal_basis: '《国有土地上房屋征收与补偿条例》', time_limit: '信息形成之日起20个工作日内', subject: '县住建局', channels: '["政府网站"]',
      audience: '全社会', disclosure_mode: '主动', levels: '["县级"]', sort_order: 1, created_at: at, updated_at: at,
    });
    const versionBefore = await version(deps, c.organ.id);

    // A preview alone changes nothing.
    const looked = await app.inject({ url: `/admin/organs/${c.organ.code}/catalog/changes/preview?kind=merge&nodeId=${c.notices}&intoId=${c.news}`, cookies: as.cookies });
    expect(looked.statusCode).toBe(200);
    expect(await nodeIdsOf(deps, c.inNotices.id)).toEqual([c.notices]);
    expect(await version(deps, c.organ.id)).toBe(versionBefore);
    const { preview, confirm } = await previewAndConfirm(app, as, c.organ.code, { kind: 'merge', nodeId: String(c.notices), intoId: String(c.news) });
    expect(preview.statusCode).toBe(200);
    for (const text of ['关于征收补偿方案的公告', '扬尘治理推进会召开', '尚未发布的通知', '已在目标栏目中', '工作动态 > 图片新闻',
      `/organs/${c.organ.code}/catalog/${c.notices}/feed.atom`, `/organs/${c.organ.code}/catalog/${c.news}/feed.rss`]) expect(preview.body).toContain(text);
    expect(confirm!.statusCode).toBe(303);
    expect(confirm!.headers.location).toBe(`/admin/organs/${c.organ.code}/catalog/history`);

    expect(await nodeIdsOf(deps, c.inNotices.id)).toEqual([c.news]);
    expect(await nodeIdsOf(deps, c.inBoth.id)).toEqual([c.news]);
    expect(await nodeIdsOf(deps, c.draft.id)).toEqual([c.news]);
    const pictures = await deps.db.selectFrom('catalog_nodes').select('parent_id').where('id', '=', c.pictures).executeTakeFirstOrThrow();
    expect(pictures.parent_id).toBe(c.news);
    expect(await deps.db.selectFrom('catalog_nodes').select('id').where('id', '=', c.notices).executeTakeFirst()).toBeUndefined();
    expect(await indexNumbers(deps, c.organ.id)).toEqual(numbersBefore);
    expect(await version(deps, c.organ.id)).toBe(versionBefore + 1);
    expect((await deps.db.selectFrom('directory_matters').select('node_id').where('id', '=', matter).executeTakeFirstOrThrow()).node_id).toBe(c.news);

    const base = `/organs/${c.organ.code}/catalog`;
    for (const [from, to] of [[`${base}/${c.notices}`, `${base}/${c.news}`], [`${base}/${c.notices}?page=2`, `${base}/${c.news}?page=2`],
      [`${base}/${c.notices}/feed.atom`, `${base}/${c.news}/feed.atom`], [`${base}/${c.notices}/feed.rss`, `${base}/${c.news}/feed.rss`]]) {
      const res = await app.inject(from);
      expect([from, res.statusCode, res.headers.location]).toEqual([from, 301, to]);
    }
    const target = await app.inject(`${base}/${c.news}`);
    expect(target.statusCode).toBe(200);
    expect(target.body).toContain('关于征收补偿方案的公告');
    expect(target.body).toContain('图片新闻');
    // Item addresses hold no node: they answer as before.
    expect((await app.inject(`/organs/${c.organ.code}/items/${c.inNotices.id}`)).statusCode).toBe(200);

    // A second merge: the first node's addresses now lead straight to the last target (one hop).
    const second = await previewAndConfirm(app, as, c.organ.code, { kind: 'merge', nodeId: String(c.news), intoId: String(c.other) });
    expect(second.confirm!.statusCode).toBe(303);
    expect((await app.inject(`${base}/${c.notices}`)).headers.location).toBe(`${base}/${c.other}`);
    expect((await app.inject(`${base}/${c.news}/feed.atom`)).headers.location).toBe(`${base}/${c.other}/feed.atom`);
    expect(await indexNumbers(deps, c.organ.id)).toEqual(numbersBefore);

    const history = await app.inject({ url: `/admin/organs/${c.organ.code}/catalog/history`, cookies: as.cookies });
    expect(history.statusCode).toBe(200);
    // Each change is a sentence by node names (docs/catalog-changes.md), with the addresses that now redirect.
    expect(history.body).toContain('<p>将栏目「通知公告」并入「工作动态」，其中 3 条信息移入「工作动态」，1 个下级栏目移到「工作动态」下，原栏目已删除；标准目录事项“征收补偿方案”移入「工作动态」。</p>');
    expect(history.body).toContain('<p>将栏目「工作动态」并入「机构信息」');
    expect(history.body).toContain(`原地址 <code>${base}/${c.notices}/feed.rss</code> → 永久转向 <code>${base}/${c.news}/feed.rss</code>`);
    expect(history.body).toContain(c.admin.username);
    const audited = await deps.db.selectFrom('audit_events').select('action').where('entity_id', '=', String(c.notices)).where('action', '=', 'catalog_node.merge').execute();
    expect(audited).toHaveLength(1);
    await app.close();
  });

  it('moves, renames and splits: the node keeps its address (200, new breadcrumb), the split takes only the chosen items, all in the history', async () => {
    const { app, deps } = await buildTestApp(db());
    const c = await catalogWithItems(deps);
    const as = await loginAs(app, c.admin.username, c.admin.password);
    const numbersBefore = await indexNumbers(deps, c.organ.id);

    const move = await previewAndConfirm(app, as, c.organ.code, { kind: 'move', nodeId: String(c.pictures), parentId: String(c.other) });
    expect(move.preview.body).toContain('通知公告 > 图片新闻');
    expect(move.preview.body).toContain('机构信息 > 图片新闻');
    expect(move.preview.body).toContain('无需转向');
    expect(move.confirm!.statusCode).toBe(303);
    const page = await app.inject(`/organs/${c.organ.code}/catalog/${c.pictures}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/机构信息[\s\S]*图片新闻/);
    expect((await app.inject(`/organs/${c.organ.code}/catalog/${c.pictures}/feed.rss`)).statusCode).toBe(200);

    const rename = await previewAndConfirm(app, as, c.organ.code, { kind: 'rename', nodeId: String(c.notices), name: '通知公示' });
    expect(rename.confirm!.statusCode).toBe(303);
    expect((await app.inject(`/organs/${c.organ.code}/catalog/${c.notices}`)).body).toContain('通知公示');

    const split = await previewAndConfirm(app, as, c.organ.code, { kind: 'split', nodeId: String(c.notices), name: '征收公告', placement: 'child', itemIds: [String(c.inNotices.id)] });
    expect(split.preview.body).toContain('通知公示 > 征收公告');
    expect(split.confirm!.statusCode).toBe(303);
    const created = await deps.db.selectFrom('catalog_nodes').select(['id', 'parent_id']).where('organ_id', '=', c.organ.id).where('name', '=', '征收公告').executeTakeFirstOrThrow();
    expect(created.parent_id).toBe(c.notices);
    expect(await nodeIdsOf(deps, c.inNotices.id)).toEqual([created.id]);
    expect(await nodeIdsOf(deps, c.inBoth.id)).toEqual([c.notices, c.news]);
    expect(await indexNumbers(deps, c.organ.id)).toEqual(numbersBefore);

    // The catalog page's own form (修改/移动) renames and moves in one go: both are in the history too.
    const direct = await app.inject({
      method: 'POST', url: `/admin/organs/${c.organ.code}/catalog/${c.news}`, cookies: as.cookies,
      payload: { _csrf: as.csrf, name: '部门动态', parentId: String(c.other), description: '' },
    });
    expect(direct.statusCode).toBe(303);

    const history = await app.inject({ url: `/admin/organs/${c.organ.code}/catalog/history`, cookies: as.cookies });
    const rows = [...history.body.matchAll(/<td class="nowrap">(改名|移动|合并|拆分)<\/td>/g)].map((m) => m[1]);
    expect(rows).toEqual(['移动', '改名', '拆分', '改名', '移动']);
    expect(history.body).toContain('<p>将栏目「部门动态」连同其下级栏目和信息移到「机构信息」下，现为「机构信息 › 部门动态」，栏目地址不变。</p>');
    expect(history.body).toContain('<p>将栏目「通知公告」改名为“通知公示”，栏目地址不变。</p>');
    expect(history.body).toContain('<p>将栏目「通知公告 › 图片新闻」连同其下级栏目和信息移到「机构信息」下，现为「机构信息 › 图片新闻」，栏目地址不变。</p>');
    const changes = await deps.db.selectFrom('catalog_changes').select(['kind', 'before_json', 'after_json']).where('organ_id', '=', c.organ.id).orderBy('id').execute();
    expect(changes.map((r) => [r.kind, JSON.parse(r.before_json).name ?? null, JSON.parse(r.after_json).name ?? null])).toEqual([
      ['move', null, null], ['rename', '通知公告', '通知公示'], ['split', null, '征收公告'], ['rename', '工作动态', '部门动态'], ['move', null, null],
    ]);
    await app.close();
  });

  it('refuses in Chinese and saves nothing: under its own descendant, into itself, another organ\'s node, a stale preview, and people without the organ\'s administration', async () => {
    const { app, deps } = await buildTestApp(db());
    const c = await catalogWithItems(deps);
    const elsewhere = await createOrgan(deps);
    const foreign = await createNode(deps, elsewhere.id, { name: '外机关栏目' });
    const as = await loginAs(app, c.admin.username, c.admin.password);
    const versionBefore = await version(deps, c.organ.id);
    const preview = (q: Record<string, string>, who: Session = as) =>
      app.inject({ url: `/admin/organs/${c.organ.code}/catalog/changes/preview?${new URLSearchParams(q).toString()}`, cookies: who.cookies });

    const cases: [Record<string, string>, string][] = [
      [{ kind: 'move', nodeId: String(c.notices), parentId: String(c.pictures) }, '不能把栏目移动到它自己的下级栏目中（会形成循环）'],
      [{ kind: 'merge', nodeId: String(c.notices), intoId: String(c.notices) }, '栏目不能并入自己'],
      [{ kind: 'merge', nodeId: String(c.notices), intoId: String(c.pictures) }, '不能把栏目并入它自己的下级栏目'],
      [{ kind: 'merge', nodeId: String(c.notices), intoId: String(foreign) }, '并入的栏目不存在或不属于本机关'],
      [{ kind: 'move', nodeId: String(foreign), parentId: '' }, '栏目不存在或不属于本机关'],
      [{ kind: 'split', nodeId: String(c.notices), name: '', placement: 'child' }, '请填写栏目名称'],
      [{ kind: 'drop', nodeId: String(c.notices) }, '请选择调整方式（改名、移动、合并或拆分）'],
    ];
    for (const [q, message] of cases) {
      const res = await preview(q);
      expect([q, res.statusCode >= 400, res.body.includes(message)]).toEqual([q, true, true]);
    }
    // The confirmation checks again, whatever was posted.
    const forged = await app.inject({
      method: 'POST', url: `/admin/organs/${c.organ.code}/catalog/changes`, cookies: as.cookies,
      payload: { _csrf: as.csrf, version: String(versionBefore), kind: 'merge', nodeId: String(c.notices), intoId: String(foreign) },
    });
    expect(forged.statusCode).toBe(409);
    expect(forged.body).toContain('并入的栏目不存在或不属于本机关');

    // Someone changed the catalog after the preview: nothing is saved, the person previews again.
    const stale = await app.inject({
      method: 'POST', url: `/admin/organs/${c.organ.code}/catalog/changes`, cookies: as.cookies,
      payload: { _csrf: as.csrf, version: String(versionBefore - 1), kind: 'rename', nodeId: String(c.notices), name: '新名称' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('预览之后公开目录已被修改，请重新预览后再确认');
    const noCsrf = await app.inject({
      method: 'POST', url: `/admin/organs/${c.organ.code}/catalog/changes`, cookies: as.cookies,
      payload: { version: String(versionBefore), kind: 'rename', nodeId: String(c.notices), name: '新名称' },
    });
    expect(noCsrf.statusCode).toBe(403);

    // A unit's administrator and the organ's editor do not administer the organ's catalog.
    const unit = await createOrgan(deps, { kind: 'unit', parentCode: c.organ.code });
    for (const staff of [await createStaff(deps, unit.code, 'organ_admin'), await createStaff(deps, c.organ.code, 'editor')]) {
      const them = await loginAs(app, staff.username, staff.password);
      expect((await preview({ kind: 'rename', nodeId: String(c.notices), name: '新名称' }, them)).statusCode).toBe(403);
      expect((await app.inject({ url: `/admin/organs/${c.organ.code}/catalog/history`, cookies: them.cookies })).statusCode).toBe(403);
      const post = await app.inject({
        method: 'POST', url: `/admin/organs/${c.organ.code}/catalog/changes`, cookies: them.cookies,
        payload: { _csrf: them.csrf, version: String(versionBefore), kind: 'rename', nodeId: String(c.notices), name: '新名称' },
      });
      expect(post.statusCode).toBe(403);
    }
    // Another organ's administrator cannot reach this organ's node through their own organ either.
    const otherAdmin = await createStaff(deps, elsewhere.code, 'organ_admin');
    const theirs = await loginAs(app, otherAdmin.username, otherAdmin.password);
    const across = await app.inject({ url: `/admin/organs/${elsewhere.code}/catalog/changes/preview?kind=rename&nodeId=${c.notices}&name=x`, cookies: theirs.cookies });
    expect(across.statusCode).toBe(409);
    expect(across.body).toContain('栏目不存在或不属于本机关');

    expect(await version(deps, c.organ.id)).toBe(versionBefore);
    expect(await deps.db.selectFrom('catalog_changes').select('id').where('organ_id', '=', c.organ.id).execute()).toEqual([]);
    const names = await deps.db.selectFrom('catalog_nodes').select('name').where('organ_id', '=', c.organ.id).orderBy('id').execute();
    expect(names.map((n) => n.name)).toEqual(['通知公告', '图片新闻', '工作动态', '机构信息']);
    await app.close();
  });

  it('records any old address as a redirect the portal answers with 301 when nothing else matched; chains resolve, loops and other sites are refused', async () => {
    const { app, deps } = await buildTestApp(db());
    const c = await catalogWithItems(deps);
    const item = `/organs/${c.organ.code}/items/${c.inNotices.id}`;
    const old = `/art/2019/${c.organ.code}/art_8812.html`;
    const older = `/col/${c.organ.code}/index.html`;
    await recordRedirect(deps.db, { fromPath: old, toPath: '/tmp-step', reason: '旧网站地址' });
    await recordRedirect(deps.db, { fromPath: '/tmp-step', toPath: item, reason: '旧网站地址' });
    await recordRedirect(deps.db, { fromPath: older, toPath: old, reason: '旧网站地址' });
    expect(await resolveRedirect(deps.db, old)).toBe(item);
    expect(await resolveRedirect(deps.db, older)).toBe(item);
    const res = await app.inject(`${old}?from=search`);
    expect([res.statusCode, res.headers.location]).toEqual([301, `${item}?from=search`]);
    expect((await app.inject({ method: 'HEAD', url: older })).statusCode).toBe(301);
    // Not for writes, and not for the API.
    expect((await app.inject({ method: 'POST', url: old })).statusCode).toBe(404);
    await recordRedirect(deps.db, { fromPath: `/api/v1/old-${c.organ.code}`, toPath: item, reason: '测试' });
    expect((await app.inject(`/api/v1/old-${c.organ.code}`)).statusCode).toBe(404);

    await expect(recordRedirect(deps.db, { fromPath: item, toPath: old, reason: '循环' })).rejects.toMatchObject({ code: 'ERR_CATALOG_REDIRECT_LOOP' });
    await expect(recordRedirect(deps.db, { fromPath: '/same', toPath: '/same', reason: '自己' })).rejects.toMatchObject({ code: 'ERR_CATALOG_REDIRECT_LOOP' });
    for (const bad of ['//evil.example/x', 'https://evil.example/x', '/a?b=1', '/a b']) {
      await expect(recordRedirect(deps.db, { fromPath: '/from-bad', toPath: bad, reason: '外站' })).rejects.toMatchObject({ code: 'ERR_CATALOG_REDIRECT_INVALID' });
    }
    expect(await resolveRedirect(deps.db, item)).toBeNull();
    expect((await app.inject('/nothing-here-at-all')).statusCode).toBe(404);
    await app.close();
  });
});

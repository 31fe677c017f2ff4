import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { makeTempDir } from '../../../../test/support/temp-dirs.ts';
import { buildDeps, createActor, createDraft, createNode, createOrgan, createPublished, system } from '../../../../test/support/factories.ts';
import { listCatalogNodes, findPublication, removeCatalogNode, updatePublication } from '../index.ts';
import { listDirectoryMatters } from '../storage/directory-matters-repository.ts';
import { findDirectoryTemplate, listDirectoryTemplates, readDirectoryTemplateFile } from './directory-templates.ts';
import { importStandardDirectory } from './import-standard-directory.ts';
import { matterCoverage } from './matter-coverage.ts';

describeEachDialect('standard directory templates', (db) => {
  const deps = () => buildDeps(db());
  const housing = findDirectoryTemplate('zhujian-baozhangxing-zhufang');

  it('ships a valid template for each 住建 area', () => {
    expect(listDirectoryTemplates().map((t) => t.area).sort()).toEqual(
      ['保障性住房', '国有土地上房屋征收与补偿', '农村危房改造', '城市综合执法', '市政服务', '重大建设项目'].sort(),
    );
  });

  it('imports a template under a node with every 事项 and its columns, and a second import adds nothing', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const keyAreas = await createNode(d, organ.id, { name: '重点领域' });
    const first = await importStandardDirectory(d, system, organ.id, housing, keyAreas);
    expect(first).toMatchObject({ nodesCreated: 8, nodesMarked: 0, mattersCreated: 13, mattersUpdated: 0, mattersUnchanged: 0 });
    const nodes = await listCatalogNodes(d.db, organ.id);
    const area = nodes.find((n) => n.id === first.areaNodeId)!;
    expect(area).toMatchObject({ name: '保障性住房', parentId: keyAreas, isStandardDirectory: true, standardArea: '保障性住房' });
    expect(nodes.filter((n) => n.parentId === area.id).map((n) => n.name)).toEqual(['政策文件', '意见征集', '规划计划', '项目建设', '申请与审核', '分配与补贴', '使用与退出管理']);
    const matters = await listDirectoryMatters(d.db, organ.id);
    expect(matters.find((m) => m.key === 'bzxzf-pzjg')).toMatchObject({
      name: '配租结果', stage: 'result', timeLimit: '配租结束之日起20个工作日内', audience: '全社会', mode: '主动', channels: ['政府网站', '公示栏（电子屏）'],
      nodeId: nodes.find((n) => n.name === '分配与补贴')!.id,
    });

    const second = await importStandardDirectory(d, system, organ.id, housing, keyAreas);
    expect(second).toMatchObject({ areaNodeId: first.areaNodeId, nodesCreated: 0, nodesMarked: 0, mattersCreated: 0, mattersUpdated: 0, mattersUnchanged: 13 });
    expect(await listCatalogNodes(d.db, organ.id)).toHaveLength(nodes.length);
    expect(await listDirectoryMatters(d.db, organ.id)).toHaveLength(13);
  });

  it('marks existing nodes of the same names as standard directory instead of adding others', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const area = await createNode(d, organ.id, { name: '保障性住房' });
    const plans = await createNode(d, organ.id, { name: '规划计划', parentId: area });
    const r = await importStandardDirectory(d, system, organ.id, housing, null);
    expect(r).toMatchObject({ areaNodeId: area, nodesMarked: 2, nodesCreated: 6 });
    const nodes = await listCatalogNodes(d.db, organ.id);
    expect(nodes.find((n) => n.id === plans)).toMatchObject({ isStandardDirectory: true, standardArea: '保障性住房' });
  });

  it('finds its nodes again after an administrator renamed them', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const r = await importStandardDirectory(d, system, organ.id, housing, null);
    const { updateCatalogNode } = await import('../index.ts');
    const plans = (await listCatalogNodes(d.db, organ.id)).find((n) => n.name === '规划计划')!;
    await updateCatalogNode(d, system, plans.id, { name: '住房保障规划', parentId: plans.parentId, isStandardDirectory: true, standardArea: '保障性住房' });
    await updateCatalogNode(d, system, r.areaNodeId, { name: '住房保障', parentId: null, isStandardDirectory: true, standardArea: '保障性住房' });
    const again = await importStandardDirectory(d, system, organ.id, housing, null);
    expect(again).toMatchObject({ areaNodeId: r.areaNodeId, nodesCreated: 0, mattersCreated: 0 });
  });

  it('lets only an organ administrator import, and nothing is written when it is refused', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const editor = await createActor(d, organ.code, 'editor');
    await expect(importStandardDirectory(d, editor.actor, organ.id, housing, null)).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    const other = await createOrgan(d);
    const foreignNode = await createNode(d, other.id);
    await expect(importStandardDirectory(d, system, organ.id, housing, foreignNode)).rejects.toMatchObject({ code: 'ERR_CATALOG_NODE_NOT_FOUND' });
    expect(await listCatalogNodes(d.db, organ.id)).toEqual([]);
    expect(await listDirectoryMatters(d.db, organ.id)).toEqual([]);
  });

  it('refuses a bad template file with every fault named in Chinese', () => {
    const dir = makeTempDir('templates');
    const file = path.join(dir, 'bad-one.json');
    const bad = JSON.parse(JSON.stringify(housing));
    bad.id = 'bad-one';
    bad.nodes[1].matters[0].audience = '公众';
    delete bad.nodes[0].matters[0].timeLimit;
    bad.nodes[3].matters[1].key = bad.nodes[3].matters[0].key;
    fs.writeFileSync(file, JSON.stringify(bad));
    const e = (() => { try { readDirectoryTemplateFile(file); } catch (x) { return x as { code: string; message: string }; } })();
    expect(e?.code).toBe('ERR_CATALOG_TEMPLATE_INVALID');
    expect(e?.message).toContain('标准目录模板文件 bad-one.json 有误');
    expect(e?.message).toContain('nodes[1].matters[0].audience：公开对象 audience 应为 全社会 或 特定群体');
    expect(e?.message).toContain('nodes[0].matters[0].timeLimit：缺少公开时限 timeLimit');

    fs.writeFileSync(file, JSON.stringify({ ...housing, id: 'bad-one', nodes: [{ name: 'A', matters: [housing.nodes[0].matters[0], housing.nodes[0].matters[0]] }] }));
    expect(() => readDirectoryTemplateFile(file)).toThrow('nodes[0].matters[1]：事项编码“bzxzf-zcwj”在模板中重复');
    fs.writeFileSync(file, '{ "format": ');
    expect(() => readDirectoryTemplateFile(file)).toThrow(/不是有效的 JSON/);
    expect(() => findDirectoryTemplate('no-such', dir)).toThrow(/没有编号为“no-such”的标准目录模板/);
  });

  it('an item names one of its nodes’ 事项; the coverage counts published items per 事项 and lists the missing', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const r = await importStandardDirectory(d, system, organ.id, housing, null);
    const nodes = await listCatalogNodes(d.db, organ.id);
    const matters = await listDirectoryMatters(d.db, organ.id);
    const results = matters.find((m) => m.key === 'bzxzf-pzjg')!;
    const plans = matters.find((m) => m.key === 'bzxzf-ghjh')!;
    const published = await createPublished(d, organ.id, [results.nodeId], { matterId: results.id });
    expect((await findPublication(d.db, published.id))!.matterId).toBe(results.id);
    await createDraft(d, organ.id, [plans.nodeId], { matterId: plans.id });
    // A 事项 of another node than the item's is refused, with the field named.
    await expect(createDraft(d, organ.id, [plans.nodeId], { matterId: results.id })).rejects.toMatchObject({ code: 'ERR_CATALOG_MATTER_INVALID', field: 'matterId' });
    const draft = await createDraft(d, organ.id, [plans.nodeId]);
    await expect(updatePublication(d, system, draft.id, { ...draftInput(draft), matterId: results.id })).rejects.toMatchObject({ code: 'ERR_CATALOG_MATTER_INVALID' });

    const coverage = await matterCoverage(d.db, organ.id);
    expect(coverage.total).toBe(13);
    expect(coverage.missing).toBe(12);
    const row = (key: string) => coverage.rows.find((x) => x.matter.key === key)!;
    expect(row('bzxzf-pzjg')).toMatchObject({ items: 1, lastPublishedOn: published.publishedOn });
    expect(row('bzxzf-ghjh')).toMatchObject({ items: 0 }); // a draft does not count
    expect(row('bzxzf-pzjg').nodePath).toEqual(['保障性住房', '分配与补贴']);
    expect(nodes.some((n) => n.id === r.areaNodeId)).toBe(true);
  });
});

function draftInput(p: { title: string; formedOn: string; stage: string; docType: string; nodeIds: number[] }) {
  return { title: p.title, formedOn: p.formedOn, stage: p.stage, docType: p.docType, nodeIds: p.nodeIds };
}

describeEachDialect('removing a standard-directory node', (db) => {
  it('records the 事项 that go with it, so supervision\'s missing count never drops without a trace', async () => {
    const d = buildDeps(db());
    const organ = await createOrgan(d);
    const keyAreas = await createNode(d, organ.id, { name: '重点领域' });
    await importStandardDirectory(d, system, organ.id, findDirectoryTemplate('zhujian-baozhangxing-zhufang'), keyAreas);
    const node = (await listCatalogNodes(d.db, organ.id)).find((n) => n.name === '分配与补贴')!;
    const names = (await listDirectoryMatters(d.db, organ.id)).filter((m) => m.nodeId === node.id).map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    await removeCatalogNode(d, system, node.id);
    expect((await listDirectoryMatters(d.db, organ.id)).filter((m) => m.nodeId === node.id)).toEqual([]);
    const entry = await d.db.selectFrom('audit_events').select('before_json').where('action', '=', 'catalog_node.remove').where('entity_id', '=', String(node.id)).executeTakeFirstOrThrow();
    const before = JSON.parse(entry.before_json!) as { name: string; matters: { name: string; key: string; templateId: string }[] };
    expect(before.name).toBe('分配与补贴');
    expect(before.matters.map((m) => m.name)).toEqual(names);
    expect(before.matters[0]).toMatchObject({ templateId: 'zhujian-baozhangxing-zhufang', key: expect.any(String) });
  });
});

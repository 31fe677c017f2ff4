import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createPublished, createStaff, system } from '../../../../test/support/factories.ts';
import { importStandardDirectory } from '../../catalog/use-cases/import-standard-directory.ts';
import { findDirectoryTemplate } from '../../catalog/use-cases/directory-templates.ts';
import { listDirectoryMatters } from '../../catalog/index.ts';
import { inspectSite } from '../use-cases/site-inspection.ts';

/** 监督检查 counts the standard-directory 事项 with no published item, per organ (docs/standard-directories.md). */
describeEachDialect('missing standard-directory 事项 in supervision', (db) => {
  it('the organ page lists each missing 事项 with its column, time limit and links; the region page counts them; the inspection reports them', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const keyAreas = await createNode(deps, organ.id, { name: '重点领域' });
      await importStandardDirectory(deps, system, organ.id, findDirectoryTemplate('zhujian-fangwu-zhengshou'), keyAreas);
      const matters = await listDirectoryMatters(deps.db, organ.id);
      const decision = matters.find((m) => m.key === 'fwzs-zsjd')!;
      const plan = matters.find((m) => m.key === 'fwzs-bcfa')!;
      await createPublished(deps, organ.id, [decision.nodeId], { matterId: decision.id });
      await createDraft(deps, organ.id, [plan.nodeId], { matterId: plan.id });
      const bare = await createOrgan(deps);
      const office = await createStaff(deps, organ.code, 'disclosure_office');
      const as = await loginAs(app, office.username, office.password);

      const page = (await app.inject({ url: `/admin/supervision/${organ.code}`, cookies: as.cookies })).body;
      expect(page).toContain('尚无已发布信息的标准目录事项（8）');
      expect(page).toContain('标准目录事项共 9 项，其中 8 项尚无已发布信息。');
      expect(page).toContain(`<th scope="row"><a href="/admin/organs/${organ.code}/supervision/matters#matter-${plan.id}">征收补偿方案征求意见及修改情况</a></th>`
        + `<td>重点领域 › 国有土地上房屋征收与补偿 › 征收决定</td><td>${plan.timeLimit}</td><td>${organ.name}（政务公开办公室）</td>`);
      expect(page).toContain(`href="/admin/organs/${organ.code}/publications/new?matter=${plan.id}"`);
      expect(page).not.toContain(`matter-${decision.id}"`);
      // The coverage page has the anchor the link goes to.
      expect((await app.inject({ url: `/admin/organs/${organ.code}/supervision/matters`, cookies: as.cookies })).body).toContain(`id="matter-${plan.id}"`);

      const region = (await app.inject({ url: '/admin/supervision', cookies: as.cookies })).body;
      expect(region).toContain('<th scope="col">缺少的标准目录事项</th>');
      expect(region).toContain(`<a href="/admin/organs/${organ.code}/supervision/matters">8 / 9</a>`);

      const result = await inspectSite(deps, [organ, bare], [organ, bare], { checkExternal: false });
      const missing = result.organs.find((o) => o.code === organ.code)!.findings.filter((f) => f.kind === 'missing_matter');
      expect(missing).toHaveLength(8);
      expect(missing.find((f) => f.title === '征收补偿方案征求意见及修改情况')).toEqual({
        kind: 'missing_matter', title: '征收补偿方案征求意见及修改情况', responsible: `${organ.name}（政务公开办公室）`,
        detail: `标准目录事项尚无已发布信息（重点领域 › 国有土地上房屋征收与补偿 › 征收决定；公开时限：${plan.timeLimit}）`,
        href: `/admin/organs/${organ.code}/supervision/matters#matter-${plan.id}`,
      });
      expect(result.organs.find((o) => o.code === bare.code)!.findings.filter((f) => f.kind === 'missing_matter')).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

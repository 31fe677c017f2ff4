import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createNode, createOrgan, publicationInput } from '../../../../test/support/factories.ts';
import { chinaTimeOf } from '../../../shared/iso-date.ts';
import { createPublication } from '../../catalog/index.ts';
import { actorLabel, systemActor } from '../../identity/index.ts';
import { importItems, readItemFile } from '../../transfer/index.ts';
import { performReviewVerb, publishImported } from '../index.ts';

/**
 * An item a content import published (route system_import) was never reviewed here: its 审核流程 box
 * says it was imported, from where, when and by whom when the import record tells, and shows no stage
 * 已通过 — not the three approvals nobody gave.
 */
describeEachDialect('the review chain of an imported item', (db) => {
  it('shows the import instead of approvals, with its record or without one (the demo data)', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id, { name: '通知公告' });
      const admin = await createActor(deps, organ.code, 'organ_admin');
      const office = await createActor(deps, organ.code, 'disclosure_office');
      const csv = ['标题,成文日期,发布日期,五公开,文件类型,目录,正文', '关于公共租赁住房租金标准的通知,2019-03-01,2019-03-04,执行,其他,通知公告,<p>正文。</p>'].join('\n');
      const report = await importItems(deps, admin.actor, organ.code, readItemFile('旧网站信息.csv', new TextEncoder().encode(csv)), {
        mode: 'published', dryRun: false, attachments: null, from: '旧网站信息.csv',
      });
      expect(report.problems).toEqual([]);
      const imported = (await deps.db.selectFrom('publications').select('id').where('title', '=', '关于公共租赁住房租金标准的通知').executeTakeFirstOrThrow()).id;
      // Like the demo data: published by the system, with no import record.
      const seeded = await createPublication(deps, systemActor('系统：演示数据'), organ.id, publicationInput([node], { title: '关于城区停水的通知', formedOn: '2026-03-02' }));
      await publishImported(deps, systemActor('系统：演示数据'), seeded.id, { backdatedPublishedOn: '2026-03-05' });

      const s = await loginAs(app, office.username, office.password);
      const chainOf = async (id: number) => {
        const body = (await app.inject({ url: `/admin/publications/${id}`, cookies: s.cookies })).body;
        const box = /<h3>审核流程<\/h3>([\s\S]*?)<h3>保密审查表<\/h3>/.exec(body)![1];
        return { lines: [...box.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')), text: box.replace(/<[^>]+>/g, '') };
      };

      const one = await chainOf(imported);
      expect(one.text).not.toContain('已通过');
      expect(one.lines).toHaveLength(4);
      for (const stage of one.lines.slice(0, 3)) expect(stage).toContain('未经本平台审核（导入）');
      expect(one.lines[3]).toContain('导入，未经本平台审核');
      expect(one.lines[3]).toContain('原发布日期 2019-03-04');
      expect(one.lines[3]).toContain(`${chinaTimeOf('2026-03-10T02:00:00Z')} 由 ${actorLabel(admin.actor)}`);
      expect(one.lines[3]).toContain('从文件“旧网站信息.csv”导入，作为已发布的历史信息');
      expect(one.text).toContain('以上环节均无人在本平台审核通过');

      const demo = await chainOf(seeded.id);
      expect(demo.text).not.toContain('已通过');
      for (const stage of demo.lines.slice(0, 3)) expect(stage).toContain('未经本平台审核（导入）');
      expect(demo.lines[3]).toContain('导入，未经本平台审核');
      expect(demo.lines[3]).toContain('本平台没有记录导入的来源和时间');

      // Withdrawn, it still came in by the import (not 未发布, not 未开始 as if it waited for review).
      await performReviewVerb(deps, office.actor, imported, 'withdraw', { withdrawReason: 'other', withdrawNote: '已过时' });
      const gone = await chainOf(imported);
      expect(gone.text).not.toContain('已通过');
      expect(gone.text).not.toContain('未发布');
      expect(gone.lines[3]).toContain('导入，未经本平台审核');
      expect(gone.lines[4]).toContain('已撤回');
      expect(gone.lines[4]).toContain('已过时');
    } finally {
      await app.close();
    }
  });
});

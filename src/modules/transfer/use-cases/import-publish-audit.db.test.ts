import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createActor, createNode, createOrgan } from '../../../../test/support/factories.ts';
import { importItems } from './import-items.ts';
import { readItemFile } from './read-item-file.ts';

/**
 * An import's publication was recorded in the catalog's older shape (before: only the status; no stage,
 * no version), while every review verb's publication.publish entry goes through one builder
 * (review's verbAuditEntry). The import's entry is now the verbs' shape, and still says where it came from.
 */
describeEachDialect('an imported item’s publication is recorded as the review verbs record theirs', (db) => {
  it('records status, stage and version, the 索引号, date and route it gained, and the file it came from', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    await createNode(deps, organ.id, { name: '通知公告' });
    const admin = await createActor(deps, organ.code, 'organ_admin');
    const csv = ['标题,成文日期,发布日期,五公开,文件类型,目录,正文', '关于公共租赁住房租金标准的通知,2019-03-01,2019-03-04,执行,其他,通知公告,<p>正文。</p>'].join('\n');
    const report = await importItems(deps, admin.actor, organ.code, readItemFile('旧网站信息.csv', new TextEncoder().encode(csv)), {
      mode: 'published', dryRun: false, attachments: null, from: '旧网站信息.csv',
    });
    expect(report.problems).toEqual([]);
    const item = await deps.db.selectFrom('publications').select(['id', 'index_number', 'version']).where('title', '=', '关于公共租赁住房租金标准的通知').executeTakeFirstOrThrow();
    const entry = await deps.db.selectFrom('audit_events').selectAll().where('action', '=', 'publication.publish').where('entity_id', '=', String(item.id)).executeTakeFirstOrThrow();
    expect(entry.organ_id).toBe(organ.id);
    expect(JSON.parse(entry.before_json!)).toEqual({ status: 'draft', reviewStage: null, version: item.version - 1, indexNumber: null, publishedOn: null, route: null });
    expect(JSON.parse(entry.after_json!)).toEqual({
      status: 'published', reviewStage: null, version: item.version, indexNumber: item.index_number, publishedOn: '2019-03-04', route: 'system_import',
      comment: null, importedFrom: '旧网站信息.csv',
    });
    // The system publishes an import, naming the person who brought it in.
    expect(entry.actor_label).toContain('内容导入');
    expect(entry.actor_label).toContain(admin.username);
  });
});

import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { importDesk } from '../../../../test/support/import-form.ts';
import { createNode, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { createApiToken } from '../../identity/index.ts';

const HEADER = '标题,文号,成文日期,发布日期,五公开,文件类型,目录,正文';
const CSV = [
  HEADER,
  '关于开展2026年城镇燃气安全隐患排查整治的通知,岚建〔2026〕5号,2026-03-01,2026-03-02,执行,其他,通知公告,<p>各有关单位：请开展排查。</p>',
  '县住建局召开安全生产工作会议,,2026-03-03,2026-03-03,执行,其他,通知公告,<p>会议。</p>',
].join('\n');

// Found by an outside tester on PostgreSQL: the same file uploaded twice at once (two tabs, a retry) was imported twice,
// each row published twice with its own 索引号 — the duplicate check ran before either import wrote.
describeEachDialect('two uploads of the same file at the same time import it once', (db) => {
  it('through the back office: one import completes, the other is refused row by row, by its 文号 or as 疑似重复', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const { organ, upload } = await importDesk(app, deps, '通知公告');
      const pages = await Promise.all([0, 1].map(() => upload(CSV, { mode: 'published' })));
      const bodies = pages.map((p) => p.body);
      expect(bodies.filter((b) => b.includes('导入完成'))).toHaveLength(1);
      const refused = bodies.find((b) => !b.includes('导入完成')) ?? '';
      expect(refused).toContain('未导入');
      // A row with a 文号 is refused by it (one 文号, one document: no confirmation lifts it); one without, as 疑似重复.
      expect(refused).toContain('第2行</td><td>文号“岚建〔2026〕5号”已用于本机关的《关于开展2026年城镇燃气安全隐患排查整治的通知》');
      expect(refused).toContain('第3行</td><td>疑似重复');
      const items = await deps.db.selectFrom('publications').select(['title', 'status']).where('organ_id', '=', organ.id).orderBy('id').execute();
      expect(items).toEqual([
        { title: '关于开展2026年城镇燃气安全隐患排查整治的通知', status: 'published' }, { title: '县住建局召开安全生产工作会议', status: 'published' },
      ]);
    } finally {
      await app.close();
    }
  });

  it('through the API: one request answers 201, the other 422 with the rows refused by their 文号', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '通知公告' });
      const token = await createApiToken(deps, (await createStaff(deps, organ.code, 'organ_admin')).username, 'import');
      const items = [
        { title: '关于公布2026年第一批保障性租赁住房项目的通知', documentNumber: '岚建〔2026〕7号', formedOn: '2026-03-01', stage: 'result', docType: 'other', catalogPaths: ['通知公告'], bodyHtml: '<p>项目。</p>' },
        { title: '关于公布2026年第二批保障性租赁住房项目的通知', documentNumber: '岚建〔2026〕8号', formedOn: '2026-03-01', stage: 'result', docType: 'other', catalogPaths: ['通知公告'], bodyHtml: '<p>项目。</p>' },
      ];
      const post = () => app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/import?as=draft`, headers: { authorization: `Bearer ${token}` }, payload: { items } });
      const answers = await Promise.all([post(), post(), post()]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 422, 422]);
      for (const refused of answers.filter((a) => a.statusCode === 422)) {
        expect(refused.body).toContain('第1条：文号“岚建〔2026〕7号”已用于本机关的《关于公布2026年第一批保障性租赁住房项目的通知》');
        expect(refused.body).toContain('第2条：文号“岚建〔2026〕8号”已用于本机关的');
      }
      expect((await deps.db.selectFrom('publications').select('id').where('organ_id', '=', organ.id).execute()).length).toBe(2);
    } finally {
      await app.close();
    }
  });
});

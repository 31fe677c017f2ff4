import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { importDesk } from '../../../../test/support/import-form.ts';
import { createNode, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { makeTempDir } from '../../../../test/support/temp-dirs.ts';
import { createApiToken } from '../../identity/index.ts';
import { runImportItemsCommand } from '../cli/import-items-command.ts';

// Found by an officer testing on PostgreSQL: rows imported as drafts with a 发布日期 (one in the
// future) came in without it and the result said nothing. A draft has no 发布日期 — publishing gives
// it the day it is published (docs/import-export.md, "Published history or drafts") — so the date is
// not kept, and every way to import tells, row by row, which date was not taken and why.
const HEADER = '标题,成文日期,发布日期,五公开,文件类型,目录,正文';
const CSV = [
  HEADER,
  '关于2027年城镇燃气安全检查的通知,2026-03-01,2027-01-05,执行,其他,通知公告,<p>请开展检查。</p>',
  '县住建局召开安全生产工作会议,2026-03-01,2026-03-02,执行,其他,通知公告,<p>会议。</p>',
  '关于公布保障性租赁住房项目的通知,2026-03-01,,结果,其他,通知公告,<p>项目。</p>',
  '关于物业服务收费的通知,2026-03-01,下周一,执行,其他,通知公告,<p>收费。</p>',
].join('\n');
const FUTURE = '发布日期 2027-01-05 晚于今天，草稿不带发布日期，发布时按实际日期记';
const PAST = '发布日期 2026-03-02 未随草稿导入：草稿不带发布日期，发布时按实际日期记；要保留原发布日期，请作为已发布的历史信息导入';
const INVALID = '发布日期“下周一”不是有效日期，未随草稿导入：草稿不带发布日期，发布时按实际日期记';

describeEachDialect('a draft import tells which 发布日期 it did not take (found by an officer)', (db) => {
  it('the back office lists them in 只检查 and on the import\'s page; the drafts carry no 发布日期', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const { organ, upload } = await importDesk(app, deps, '通知公告');
      const dry = await upload(CSV, { mode: 'draft', dryRun: true });
      expect(dry.body).toContain('检查通过');
      expect(dry.body).toContain('未随草稿导入的发布日期（3 行，不影响导入）');
      expect(dry.body).toContain(`第2行</td><td>关于2027年城镇燃气安全检查的通知</td><td>${FUTURE}`);
      expect(dry.body).toContain(`第3行</td><td>县住建局召开安全生产工作会议</td><td>${PAST}`);
      expect(dry.body).toContain(`第5行</td><td>关于物业服务收费的通知</td><td>${INVALID}`);
      expect(dry.body).not.toContain('第4行</td>');

      const done = await upload(CSV, { mode: 'draft' });
      expect(done.body).toContain('导入完成');
      expect(done.body).toContain('未随草稿导入的发布日期（3 行，不影响导入）');
      expect(done.body).toContain(`第2行</td><td>关于2027年城镇燃气安全检查的通知</td><td>${FUTURE}`);
      const rows = await deps.db.selectFrom('publications').select(['status', 'published_on']).where('organ_id', '=', organ.id).execute();
      expect(rows).toHaveLength(4);
      expect(rows.every((r) => r.status === 'draft' && r.published_on === null)).toBe(true);

      // As published history the 发布日期 is kept, and a future one is refused as before.
      const published = await upload(CSV, { mode: 'published', dryRun: true });
      expect(published.body).toContain('第2行</td><td>发布日期 2027-01-05 晚于今天');
      expect(published.body).not.toContain('未随草稿导入的发布日期');
    } finally {
      await app.close();
    }
  });

  it('the API answers them in notKept and the command line prints them', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '通知公告' });
      const token = await createApiToken(deps, (await createStaff(deps, organ.code, 'organ_admin')).username, 'import');
      const items = [
        { title: '关于2027年城镇燃气安全检查的通知', formedOn: '2026-03-01', publishedOn: '2027-01-05', stage: 'execution', docType: 'other', catalogPaths: ['通知公告'], bodyHtml: '<p>请开展检查。</p>' },
        { title: '关于公布保障性租赁住房项目的通知', formedOn: '2026-03-01', stage: 'result', docType: 'other', catalogPaths: ['通知公告'], bodyHtml: '<p>项目。</p>' },
      ];
      const answer = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/import?as=draft`, headers: { authorization: `Bearer ${token}` }, payload: { items } });
      expect(answer.statusCode).toBe(201);
      expect(answer.json().notKept).toEqual([{ at: '第1条', title: '关于2027年城镇燃气安全检查的通知', code: 'WARN_TRANSFER_PUBLISHED_ON_NOT_KEPT', message: FUTURE }]);

      const dir = makeTempDir('draft-published-on-cli');
      const file = path.join(dir, 'items.csv');
      fs.writeFileSync(file, CSV.replace(/通知,2026-03-01/g, '通知（二）,2026-03-01').replace('会议,', '会议（二）,'));
      const out: string[] = [];
      const err: string[] = [];
      const code = await runImportItemsCommand('items', [file, '--organ', organ.code], { stdout: (t) => out.push(t), stderr: (t: string) => err.push(t), progress: () => {} }, deps);
      expect(code).toBe(0);
      expect(out.join('')).toContain('已导入 4 条信息');
      expect(err.join('')).toContain('未随草稿导入的发布日期：3 行');
      expect(err.join('')).toContain(`第2行（WARN_TRANSFER_PUBLISHED_ON_NOT_KEPT）：${FUTURE}`);
      expect(err.join('')).toContain(`第3行（WARN_TRANSFER_PUBLISHED_ON_NOT_KEPT）：${PAST}`);
      expect(err.join('')).toContain(`第5行（WARN_TRANSFER_PUBLISHED_ON_NOT_KEPT）：${INVALID}`);
    } finally {
      await app.close();
    }
  });
});

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

// Spreadsheets and pages saved from older sites write —, －, /, -, 无, 暂无 or —— in 文号 for "no 文号".
// Since the item schema refuses a 文号 of punctuation only (940d859), such rows were refused; the
// import reads such a mark as no 文号 and tells each row (docs/import-export.md, "文号 written as none").
// Other punctuation-only 文号 (？？) stay refused with the schema's message.
const HEADER = '标题,文号,成文日期,发布日期,五公开,文件类型,目录,正文';
const rows = (suffix: string) => [
  HEADER,
  `关于城镇燃气安全检查的通知${suffix},—,2026-03-01,2026-03-02,执行,其他,通知公告,<p>请开展检查。</p>`,
  `县住建局召开安全生产工作会议${suffix},暂无,2026-03-01,2026-03-02,执行,其他,通知公告,<p>会议。</p>`,
  `关于公布保障性租赁住房项目的通知${suffix},/,2026-03-01,2026-03-02,结果,其他,通知公告,<p>项目。</p>`,
  `关于物业服务收费的通知${suffix},岚建字〔2026〕3号,2026-03-01,2026-03-02,执行,其他,通知公告,<p>收费。</p>`,
].join('\n');
const DASH = '文号“—”表示无文号，按无文号导入';
const NONE_YET = '文号“暂无”表示无文号，按无文号导入';
const SLASH = '文号“/”表示无文号，按无文号导入';

describeEachDialect('an import reads a 文号 written as —, /, 无 as none and tells it', (db) => {
  it('the back office imports such rows without a 文号 and lists them; ？？ stays refused', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const { organ, upload } = await importDesk(app, deps, '通知公告');
      const csv = rows('');
      const dry = await upload(csv, { mode: 'published', dryRun: true });
      expect(dry.body).toContain('检查通过');
      expect(dry.body).toContain('按无文号导入的行（3 行，不影响导入）');
      expect(dry.body).toContain(`第2行</td><td>关于城镇燃气安全检查的通知</td><td>${DASH}`);
      expect(dry.body).toContain(`第3行</td><td>县住建局召开安全生产工作会议</td><td>${NONE_YET}`);
      expect(dry.body).toContain(`第4行</td><td>关于公布保障性租赁住房项目的通知</td><td>${SLASH}`);
      expect(dry.body).not.toContain('第5行</td>');

      const done = await upload(csv, { mode: 'published' });
      expect(done.body).toContain('导入完成');
      expect(done.body).toContain('按无文号导入的行（3 行，不影响导入）');
      const saved = await deps.db.selectFrom('publications').select(['title', 'document_number']).where('organ_id', '=', organ.id).orderBy('id').execute();
      expect(saved.map((r) => r.document_number || null)).toEqual([null, null, null, '岚建字〔2026〕3号']);

      // Punctuation that is no "none" mark is still refused, with the item form's message.
      const refused = await upload(`${HEADER}\n关于加装电梯的通知,？？,2026-03-01,,执行,其他,通知公告,<p>电梯。</p>`, { mode: 'draft', dryRun: true });
      expect(refused.body).toContain('第2行</td><td>文号应含有汉字、字母或数字，不能只填标点、空格或表情符号');
      expect(refused.body).not.toContain('按无文号导入的行');
    } finally {
      await app.close();
    }
  });

  it('the API answers them in noDocumentNumber and the command line prints them', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '通知公告' });
      const token = await createApiToken(deps, (await createStaff(deps, organ.code, 'organ_admin')).username, 'import');
      const items = [
        { title: '关于城镇燃气安全检查的通知', documentNumber: '——', formedOn: '2026-03-01', stage: 'execution', docType: 'other', catalogPaths: ['通知公告'], bodyHtml: '<p>请开展检查。</p>' },
        { title: '关于公布保障性租赁住房项目的通知', documentNumber: '无', formedOn: '2026-03-01', stage: 'result', docType: 'other', catalogPaths: ['通知公告'], bodyHtml: '<p>项目。</p>' },
      ];
      const answer = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/import?as=draft`, headers: { authorization: `Bearer ${token}` }, payload: { items } });
      expect(answer.statusCode).toBe(201);
      expect(answer.json().noDocumentNumber).toEqual([
        { at: '第1条', title: '关于城镇燃气安全检查的通知', code: 'WARN_TRANSFER_DOCUMENT_NUMBER_NONE', message: '文号“——”表示无文号，按无文号导入' },
        { at: '第2条', title: '关于公布保障性租赁住房项目的通知', code: 'WARN_TRANSFER_DOCUMENT_NUMBER_NONE', message: '文号“无”表示无文号，按无文号导入' },
      ]);

      const dir = makeTempDir('document-number-none-cli');
      const file = path.join(dir, 'items.csv');
      fs.writeFileSync(file, rows('（二）'));
      const out: string[] = [];
      const err: string[] = [];
      const code = await runImportItemsCommand('items', [file, '--organ', organ.code], { stdout: (t) => out.push(t), stderr: (t: string) => err.push(t), progress: () => {} }, deps);
      expect(err.join('')).toContain('按无文号导入的行：3 行（不影响导入）');
      expect(code).toBe(0);
      expect(out.join('')).toContain('已导入 4 条信息');
      expect(err.join('')).toContain(`第2行（WARN_TRANSFER_DOCUMENT_NUMBER_NONE）：${DASH}`);
      expect(err.join('')).toContain(`第4行（WARN_TRANSFER_DOCUMENT_NUMBER_NONE）：${SLASH}`);

      // A saved old site: its list's 文号 column, as the site's 信息索引 wrote it.
      fs.mkdirSync(path.join(dir, 'pages'));
      fs.writeFileSync(path.join(dir, 'pages', 'a.html'), '<html><head><title>关于开展房屋安全隐患排查的通知</title></head><body><div class="article-body"><p>请各乡镇开展排查。</p></div></body></html>');
      const list = path.join(dir, 'list.csv');
      fs.writeFileSync(list, ['原网址,页面文件,文号,目录,成文日期,发布日期,五公开,文件类型', 'http://old.example.gov.cn/tzgg/1.html,a.html,－,通知公告,2025-03-12,2025-03-12,执行,其他'].join('\n'));
      const siteErr: string[] = [];
      expect(await runImportItemsCommand('site', [list, '--organ', organ.code, '--pages', path.join(dir, 'pages'), '--as', 'published'], { stdout: () => {}, stderr: (t: string) => siteErr.push(t), progress: () => {} }, deps)).toBe(0);
      expect(siteErr.join('')).toContain('第2行（WARN_TRANSFER_DOCUMENT_NUMBER_NONE）：文号“－”表示无文号，按无文号导入');
      const site = await deps.db.selectFrom('publications').select('document_number').where('title', '=', '关于开展房屋安全隐患排查的通知').executeTakeFirstOrThrow();
      expect(site.document_number || null).toBeNull();
    } finally {
      await app.close();
    }
  });
});

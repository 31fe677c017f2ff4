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

/**
 * Found by an outside tester: an import's result listed the imported titles without their rows, and a refused 文号
 * (？？) was not repeated, so an officer with a 500-row spreadsheet could not find the row. Every line of the result
 * names the row Excel/WPS shows (the header is row 1; a cell with line breaks is still one row) and a refused value.
 */
const HEADER = '标题,文号,成文日期,五公开,文件类型,目录,正文';
// Row 2's 正文 runs over three lines of the file: Excel and WPS show it as one row, the next record as row 3.
const GOOD = [
  HEADER,
  '县住建局召开安全生产会议,,2026-03-01,执行,其他,工作动态,"<p>会议。</p>\n<p>第二段。</p>\n<p>第三段。</p>"',
  '县住建局开展扬尘检查,岚建〔2026〕4号,2026-03-02,执行,其他,工作动态,<p>检查。</p>',
].join('\n');
const LONG_TITLE = `关于${'开展城镇燃气安全专项整治'.repeat(20)}的通知`;
const BAD = [
  HEADER,
  '县住建局召开安全生产会议,,2026-03-01,执行,其他,工作动态,"<p>会议。</p>\n<p>第二段。</p>"',
  '关于加装电梯的通知,？？,2026-03-01,执行,其他,工作动态,<p>电梯。</p>',
  `${LONG_TITLE},,2026-03-01,执行,其他,工作动态,<p>燃气。</p>`,
].join('\n');

describeEachDialect('an import’s result names each row as the spreadsheet shows it, and a refused value', (db) => {
  it('the back office: a refused row by its spreadsheet row with what was typed; the imported items each with its row', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const { upload } = await importDesk(app, deps, '工作动态');

      const refused = (await upload(BAD, { mode: 'draft', dryRun: true })).body;
      expect(refused).toContain('第3行</td><td>文号应含有汉字、字母或数字，不能只填标点、空格或表情符号（所填：“？？”）');
      // A long value is shortened, with its length.
      expect(refused).toContain(`第4行</td><td>标题不能超过 200 个字符（所填：“${LONG_TITLE.slice(0, 30)}…”，共 ${LONG_TITLE.length} 字）`);
      expect(refused).not.toContain('第5行');

      const page = (await upload(GOOD, { mode: 'draft' })).body;
      expect(page).toContain('已导入 2 条信息，作为草稿');
      const rows = [...page.matchAll(/<td class="nowrap">(第\d+行)<\/td><td><a href="\/admin\/publications\/\d+">([^<]+)<\/a><\/td>/g)].map((m) => `${m[1]} ${m[2]}`);
      expect(rows).toEqual(['第2行 县住建局召开安全生产会议', '第3行 县住建局开展扬尘检查']);
    } finally {
      await app.close();
    }
  });

  it('the API’s report gives each written item its place (at); the command line prints each imported row', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '工作动态' });
      const token = await createApiToken(deps, (await createStaff(deps, organ.code, 'organ_admin')).username, 'import');
      const items = [
        { title: '县住建局召开安全生产会议', formedOn: '2026-03-01', stage: 'execution', docType: 'other', catalogPaths: ['工作动态'], bodyHtml: '<p>会议。</p>' },
        { title: '县住建局开展扬尘检查', formedOn: '2026-03-02', stage: 'execution', docType: 'other', catalogPaths: ['工作动态'], bodyHtml: '<p>检查。</p>' },
      ];
      const answer = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/import?as=draft`, headers: { authorization: `Bearer ${token}` }, payload: { items } });
      expect(answer.statusCode).toBe(201);
      const written = answer.json().written as { at: string; id: number; title: string }[];
      expect(written.map(({ at, title }) => ({ at, title }))).toEqual([{ at: '第1条', title: '县住建局召开安全生产会议' }, { at: '第2条', title: '县住建局开展扬尘检查' }]);
      const bad = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/import?as=draft&dryRun=true`, headers: { authorization: `Bearer ${token}` }, payload: { items: [{ ...items[0], documentNumber: '？？' }] } });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.reasons).toContainEqual({ code: 'ERR_TRANSFER_IMPORT_INVALID', message: '第1条：文号应含有汉字、字母或数字，不能只填标点、空格或表情符号（所填：“？？”）' });

      const dir = makeTempDir('import-row-numbers-cli');
      const file = path.join(dir, 'items.csv');
      fs.writeFileSync(file, GOOD.replace(/县住建局/g, '县住房城乡建设局'));
      const out: string[] = [];
      const err: string[] = [];
      const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), progress: () => {} };
      expect(await runImportItemsCommand('items', [file, '--organ', organ.code], io, deps)).toBe(0);
      const ids = await deps.db.selectFrom('publications').select(['id', 'title']).where('title', 'like', '县住房城乡建设局%').orderBy('id').execute();
      expect(out.join('')).toContain(`  第2行《县住房城乡建设局召开安全生产会议》（编号 ${ids[0]!.id}）\n  第3行《县住房城乡建设局开展扬尘检查》（编号 ${ids[1]!.id}）\n`);
      fs.writeFileSync(file, BAD);
      err.length = 0;
      expect(await runImportItemsCommand('items', [file, '--organ', organ.code, '--dry-run'], io, deps)).toBe(1);
      expect(err.join('')).toContain('  第3行：文号应含有汉字、字母或数字，不能只填标点、空格或表情符号（所填：“？？”）');
    } finally {
      await app.close();
    }
  });
});

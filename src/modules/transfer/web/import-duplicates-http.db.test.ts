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

const HEADER = '标题,文号,成文日期,发布日期,五公开,文件类型,目录,正文';
const NOTICE = '关于开展2026年城镇燃气安全隐患排查整治的通知,岚建〔2026〕5号,2026-03-01,2026-03-02,执行,其他,通知公告,<p>各有关单位：请开展排查。</p>';
const NEWS = '县住建局召开安全生产工作会议,,2026-03-03,2026-03-03,执行,其他,通知公告,<p>会议。</p>';

describeEachDialect('an import does not publish the same notice twice (found by an outside tester)', (db) => {
  it('the back office refuses a second upload of rows without 索引号, in 只检查 and in the import, unless the officer confirms', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const { organ, session: s, upload } = await importDesk(app, deps, '通知公告');
      const count = async () => (await deps.db.selectFrom('publications').select('id').where('organ_id', '=', organ.id).execute()).length;
      const csv = `${HEADER}\n${NOTICE}\n${NEWS}\n`;
      expect((await upload(csv, { mode: 'published' })).body).toContain('导入完成');
      expect(await count()).toBe(2);

      // The same file again, its 文号 in another bracket spelling: 只检查 flags both rows — the one with a 文号 by its 文号
      // (one 文号, one document), the one without as 疑似重复 — and the import writes nothing.
      const again = csv.replace('岚建〔2026〕5号', '岚建[2026]5号');
      const dry = await upload(again, { mode: 'published', dryRun: true });
      expect(dry.body).toContain('未导入：文件有错误');
      expect(dry.body).toMatch(/第2行<\/td><td>文号“岚建〔2026〕5号”已用于本机关的《关于开展2026年城镇燃气安全隐患排查整治的通知》（编号 \d+，已发布）/);
      expect(dry.body).not.toContain('第2行</td><td>疑似重复');
      expect(dry.body).toContain('第3行</td><td>疑似重复：本机关已有标题、文号、成文日期和发布日期相同的信息《县住建局召开安全生产工作会议》');
      expect(dry.body).toContain('请选择“仍导入疑似重复的行”后重新导入');
      expect((await upload(again, { mode: 'published' })).body).toContain('未导入：文件有错误');
      expect(await count()).toBe(2);

      // Two equal rows in one file are refused too; another 发布日期 or another 文号 is another item.
      const own = `${HEADER}\n${NEWS.replace('会议,', '会议（二）,')}\n${NEWS.replace('会议,', '会议（二）,')}\n${NEWS.replace('会议,', '会议（二）,').replace('2026-03-03,执行', '2026-03-04,执行')}\n${NOTICE.replace('5号', '6号')}\n`;
      const inFile = await upload(own, { mode: 'published', dryRun: true });
      expect(inFile.body).toContain('第3行</td><td>疑似重复：与第2行的标题、文号、成文日期和发布日期相同');
      expect(inFile.body).not.toContain('第4行</td>');
      expect(inFile.body).not.toContain('第5行</td>');

      // 仍导入疑似重复的行 does not lift a 文号's refusal.
      const stillRefused = await upload(again, { mode: 'published', dryRun: true, allowDuplicates: true });
      expect(stillRefused.body).toContain('未导入：文件有错误');
      expect(stillRefused.body).toContain('第2行</td><td>文号“岚建〔2026〕5号”已用于本机关的');

      // Confirmed: imported, and the page lists what the rows repeat (rows without a 文号).
      const againNews = `${HEADER}\n${NEWS}\n${NEWS}\n`;
      const form = (await app.inject({ url: `/admin/organs/${organ.code}/transfer`, cookies: s.cookies })).body;
      expect(form).toContain('name="allowDuplicates"');
      expect(form).toContain('仍导入疑似重复的行');
      // 只检查 with the box ticked passes, lists them, and its 正式导入 keeps the choice.
      const checked = await upload(againNews, { mode: 'published', dryRun: true, allowDuplicates: true });
      expect(checked.body).toContain('检查通过');
      expect(checked.body).toContain('疑似重复的行（2 行，已选择仍导入）');
      expect(await count()).toBe(2);
      const started = await app.inject({ method: 'POST', url: `${checked.url}/import`, cookies: s.cookies, payload: { _csrf: s.csrf } });
      expect(started.statusCode).toBe(303);
      for (let i = 0; i < 200 && (await app.inject({ url: String(started.headers.location), cookies: s.cookies })).headers.refresh; i++) await new Promise((r) => setTimeout(r, 25));
      const confirmed = await app.inject({ url: String(started.headers.location), cookies: s.cookies });
      expect(confirmed.body).toContain('导入完成');
      expect(confirmed.body).toContain('疑似重复的行（2 行，已选择仍导入）');
      expect(await count()).toBe(4);
    } finally {
      await app.close();
    }
  });

  it('the API and the command line refuse them the same way, and take the confirmation as allowDuplicates and --allow-duplicates', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '通知公告' });
      const token = await createApiToken(deps, (await createStaff(deps, organ.code, 'organ_admin')).username, 'import');
      const numbered = [{ title: '关于公布2026年第一批保障性租赁住房项目的通知', documentNumber: '岚建〔2026〕7号', formedOn: '2026-03-01', stage: 'result', docType: 'other', catalogPaths: ['通知公告'], bodyHtml: '<p>项目。</p>' }];
      const items = [{ ...numbered[0], title: '县住建局召开保障性租赁住房工作会议', documentNumber: '' }];
      const post = (query: string, payload = items) => app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/import?as=draft${query}`, headers: { authorization: `Bearer ${token}` }, payload: { items: payload } });
      expect((await post('', numbered)).statusCode).toBe(201);
      expect((await post('')).statusCode).toBe(201);
      const refused = await post('');
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain('第1条：疑似重复：本机关已有标题、文号、成文日期和发布日期相同的信息《县住建局召开保障性租赁住房工作会议》');
      expect(refused.body).toContain('尚未发布');
      // A row whose 文号 the organ has is refused by it, confirmed or not.
      for (const query of ['', '&allowDuplicates=true']) {
        const taken = await post(query, numbered);
        expect(taken.statusCode).toBe(422);
        expect(taken.body).toContain('第1条：文号“岚建〔2026〕7号”已用于本机关的《关于公布2026年第一批保障性租赁住房项目的通知》');
        expect(taken.body).toContain('草稿');
      }
      const confirmed = await post('&allowDuplicates=true');
      expect(confirmed.statusCode).toBe(201);
      expect(confirmed.json().duplicates).toMatchObject([{ at: '第1条', code: 'WARN_TRANSFER_POSSIBLE_DUPLICATE' }]);

      const dir = makeTempDir('dup-cli');
      const file = path.join(dir, 'items.csv');
      fs.writeFileSync(file, `${HEADER}\n县住建局召开保障性租赁住房工作会议,,2026-03-01,,结果,其他,通知公告,<p>项目。</p>\n`);
      const run = async (...flags: string[]) => {
        const err: string[] = [];
        const code = await runImportItemsCommand('items', [file, '--organ', organ.code, ...flags], { stdout: () => {}, stderr: (t: string) => err.push(t), progress: () => {} }, deps);
        return { code, err: err.join('') };
      };
      const cli = await run();
      expect(cli.code).toBe(1);
      expect(cli.err).toContain('第2行：疑似重复：本机关已有标题、文号、成文日期和发布日期相同的信息');
      const cliConfirmed = await run('--allow-duplicates');
      expect(cliConfirmed.code).toBe(0);
      expect(cliConfirmed.err).toContain('第2行（WARN_TRANSFER_POSSIBLE_DUPLICATE）：疑似重复');
      fs.writeFileSync(file, `${HEADER}\n关于公布2026年第一批保障性租赁住房项目的通知,岚建（2026）7号,2026-03-01,,结果,其他,通知公告,<p>项目。</p>\n`);
      const cliTaken = await run('--allow-duplicates');
      expect(cliTaken.code).toBe(1);
      expect(cliTaken.err).toContain('第2行：文号“岚建〔2026〕7号”已用于本机关的');
      expect((await deps.db.selectFrom('publications').select('id').where('organ_id', '=', organ.id).execute()).length).toBe(4);
    } finally {
      await app.close();
    }
  });
});

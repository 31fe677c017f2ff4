import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { importCsvThroughPage } from '../../../../test/support/import-form.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';
import { makeTempDir } from '../../../../test/support/temp-dirs.ts';
import { createApiToken } from '../../identity/index.ts';
import { runExportItemsCommand } from '../cli/export-items-command.ts';
import { runImportItemsCommand } from '../cli/import-items-command.ts';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), progress: (s: string) => err.push(s) }, out, err };
};

describeEachDialect('content import and export over HTTP and the command line', (db) => {
  it('an organ administrator uploads a file, follows the import on its page, and downloads the export', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '工作动态' });
      const admin = await createStaff(deps, organ.code, 'organ_admin');
      const editor = await createStaff(deps, organ.code, 'editor');
      const s = await loginAs(app, admin.username, admin.password);
      const page = await app.inject({ method: 'GET', url: `/admin/organs/${organ.code}/transfer`, cookies: s.cookies });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('导入信息');
      const e = await loginAs(app, editor.username, editor.password);
      expect((await app.inject({ method: 'GET', url: `/admin/organs/${organ.code}/transfer`, cookies: e.cookies })).statusCode).toBe(403);

      const upload = (csv: string, mode: 'draft' | 'published', dryRun: boolean) => importCsvThroughPage(app, s, organ.code, csv, { mode, dryRun });
      const bad = await upload('标题,成文日期,发布日期,五公开,文件类型,目录,正文\n县住建局召开会议,2026-03-01,2026-03-02,执行,其他,工作动态,<p>会议。</p>\n,2026-03-01,2026-03-02,执行,其他,不存在的栏目,<p>会议。</p>\n', 'published', false);
      expect(bad.body).toContain('未导入任何内容');
      expect(bad.body).toContain('<td class="nowrap">第3行</td><td>缺少标题</td>');
      expect(bad.body).toContain('目录“不存在的栏目”不在本机关的公开目录中');
      expect((await app.inject({ method: 'GET', url: `/organs/${organ.code}/catalog` })).body).not.toContain('县住建局召开会议');

      const good = await upload('标题,成文日期,发布日期,五公开,文件类型,目录,正文\n县住建局召开安全生产会议,2026-03-01,2026-03-02,执行,其他,工作动态,<p>会议。</p>\n', 'published', false);
      expect(good.body).toContain('已导入 1 条信息，作为已发布信息');
      // Another person does not see someone's import.
      expect((await app.inject({ method: 'GET', url: good.url, cookies: e.cookies })).statusCode).toBe(403);

      const json = await app.inject({ method: 'GET', url: `/admin/organs/${organ.code}/transfer/export.json`, cookies: s.cookies });
      expect(json.headers['content-disposition']).toContain(`${organ.code}-items.json`);
      expect(json.json()).toMatchObject({ catalog: [{ path: '工作动态' }], items: [{ title: '县住建局召开安全生产会议', publishedOn: '2026-03-02', catalogPaths: ['工作动态'] }] });
      const xlsx = await app.inject({ method: 'GET', url: `/admin/organs/${organ.code}/transfer/export.xlsx`, cookies: s.cookies });
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    } finally {
      await app.close();
    }
  });

  it('while a long import writes, its page shows how far it has got (on SQLite too, whose one connection the import holds)', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '工作动态' });
      const admin = await createStaff(deps, organ.code, 'organ_admin');
      const s = await loginAs(app, admin.username, admin.password);
      const rows = Array.from({ length: 60 }, (_, i) => `县住建局工作动态第${i + 1}期,2026-03-01,2026-03-02,执行,其他,工作动态,<p>第${i + 1}期工作动态。</p>`);
      const form = new FormData();
      form.append('_csrf', s.csrf);
      form.append('mode', 'published');
      form.append('file', new Blob([Buffer.from(['标题,成文日期,发布日期,五公开,文件类型,目录,正文', ...rows].join('\n'))], { type: 'text/csv' }), '动态.csv');
      const res = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/transfer/import`, cookies: s.cookies, payload: form });
      expect(res.statusCode).toBe(303);
      // What the person's browser would see on each refresh, until the report is there.
      const seen: [done: number, total: number][] = [];
      let last = '';
      for (let i = 0; i < 4000; i++) {
        const job = await app.inject({ method: 'GET', url: res.headers.location as string, cookies: s.cookies });
        expect(job.statusCode).toBe(200);
        last = job.body;
        const m = /正在写入：第 (\d+) \/ (\d+) 条/.exec(job.body);
        if (m) seen.push([Number(m[1]), Number(m[2])]);
        if (m && seen.length === 1) {
          // Only under its own organ's address: another organ's answers after the sign-in check.
          const elsewhere = await app.inject({ method: 'GET', url: (res.headers.location as string).replace(`/organs/${organ.code}/`, '/organs/no-such-organ/'), cookies: s.cookies });
          expect(elsewhere.statusCode).toBe(404);
        }
        if (!job.headers.refresh) break;
        await new Promise((r) => setTimeout(r, 2));
      }
      expect(last).toContain('已导入 60 条信息，作为已发布信息');
      expect(seen.some(([done, total]) => total === 60 && done > 0 && done < 60)).toBe(true);
      // Someone else's session does not see the running import's page.
      expect((await app.inject({ method: 'GET', url: res.headers.location as string })).statusCode).toBe(303);
    } finally {
      await app.close();
    }
  });

  it('the API exports publicly and imports with an administrator’s token, listing every problem with 422', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const news = await createNode(deps, organ.id, { name: '工作动态' });
      await createPublished(deps, organ.id, [news], { title: '县住建局开展扬尘治理检查' });
      const csv = await app.inject({ method: 'GET', url: `/api/v1/organs/${organ.code}/export?format=csv` });
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body).toContain('县住建局开展扬尘治理检查');
      expect((await app.inject({ method: 'GET', url: `/api/v1/organs/${organ.code}/export?format=pdf` })).statusCode).toBe(400);

      const token = await createApiToken(deps, (await createStaff(deps, organ.code, 'organ_admin')).username, 'import');
      const editorToken = await createApiToken(deps, (await createStaff(deps, organ.code, 'editor')).username, 'import');
      const url = `/api/v1/organs/${organ.code}/import?as=published`;
      const items = [
        { title: '关于公布保障房分配结果的公告', formedOn: '2025-05-01', publishedOn: '2025-05-02', stage: 'result', docType: 'other', catalogPaths: ['工作动态'], bodyHtml: '<p>公告。</p>' },
        { title: '', formedOn: '2025-05-01', publishedOn: '2025-05-40', stage: 'result', docType: 'other', catalogPaths: ['工作动态'] },
      ];
      const refused = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload: { items } });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe('ERR_TRANSFER_IMPORT_INVALID');
      expect(refused.json().error.reasons.map((r: { message: string }) => r.message)).toEqual([
        '第2条：缺少标题', '第2条：发布日期“2025-05-40”不是有效日期（如 2020-01-02）', '第2条：正文和附件不能都为空',
      ]);
      expect((await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${editorToken}` }, payload: { items: [items[0]] } })).statusCode).toBe(403);
      const done = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload: { items: [items[0]] } });
      expect(done.statusCode).toBe(201);
      expect(done.json()).toMatchObject({ ok: true, items: 1 });
      // What was written, by the numbers the rest of the API takes (the answer left them out before).
      const made = await deps.db.selectFrom('publications').select(['id', 'title']).where('organ_id', '=', organ.id).where('title', '=', items[0]!.title).execute();
      expect(done.json().written).toEqual(made.map((p) => ({ at: '第1条', id: p.id, title: p.title })));
      expect((await app.inject({ method: 'GET', url: `/api/v1/organs/${organ.code}/export` })).json().items.map((i: { title: string }) => i.title))
        .toEqual(['关于公布保障房分配结果的公告', '县住建局开展扬尘治理检查']);
      // An interpretation names its policy by 索引号, a list as the export writes it.
      const policy = (await app.inject({ method: 'GET', url: `/api/v1/organs/${organ.code}/export` })).json().items.find((i: { title: string }) => i.title === '县住建局开展扬尘治理检查');
      const interpretation = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload: {
        catalog: [{ path: '工作动态', matters: [] }],
        items: [{ ...items[0], title: '扬尘治理检查政策解读', itemKind: 'interpretation', interpretationForm: 'text', interpretedPolicies: [policy.indexNumber] }],
      } });
      expect(interpretation.statusCode).toBe(201);
    } finally {
      await app.close();
    }
  });

  it('the command line lists every bad row of a dry run with a progress bar, and exports with attachments', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '工作动态' });
      const dir = makeTempDir('transfer-cli');
      const file = path.join(dir, 'items.csv');
      fs.writeFileSync(file, '标题,成文日期,发布日期,五公开,文件类型,目录,附件,正文\n甲,2026-03-01,2026-03-02,执行,其他,工作动态,甲.pdf,<p>正文</p>\n乙,2026-02-30,2026-03-02,执行,其他,工作动态,,<p>正文</p>\n');
      const c = capture();
      expect(await runImportItemsCommand('items', [file, '--organ', organ.code, '--dry-run', '--as', 'published'], c.io, deps)).toBe(1);
      const err = c.err.join('\n');
      expect(err).toContain('第2行：附件“甲.pdf”找不到：没有指定附件目录或压缩包（--attachments）');
      expect(err).toContain('第3行：成文日期“2026-02-30”不是有效日期');
      expect(err).toMatch(/检查 \[#+\] 100%/);
      expect(await runImportItemsCommand('items', [file, '--as', 'later'], capture().io, deps)).toBe(2);

      fs.writeFileSync(file, '标题,成文日期,发布日期,五公开,文件类型,目录,正文\n乙,2026-02-28,2026-03-02,执行,其他,工作动态,<p>正文</p>\n');
      const ok = capture();
      expect(await runImportItemsCommand('items', [file, '--organ', organ.code, '--as', 'published'], ok.io, deps)).toBe(0);
      expect(ok.out.join('')).toContain('已导入 1 条信息');
      const out = capture();
      expect(await runExportItemsCommand(['--organ', organ.code, '--format', 'json', '--out', path.join(dir, 'out.json'), '--attachments', path.join(dir, 'files')], out.io, deps)).toBe(0);
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')).items).toHaveLength(1);
      expect(await runExportItemsCommand(['--organ', organ.code, '--format', 'docx'], capture().io, deps)).toBe(2);
    } finally {
      await app.close();
    }
  });
});

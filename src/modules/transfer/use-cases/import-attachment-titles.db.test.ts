import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, system } from '../../../../test/support/factories.ts';
import { makeTempDir } from '../../../../test/support/temp-dirs.ts';
import { addAttachment, createPublication } from '../../catalog/index.ts';
import { publishImported } from '../../review/index.ts';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { collectExport, renderExport, writeAttachments } from './export-items.ts';
import { directorySource, zipSource } from './attachment-source.ts';
import { importItems } from './import-items.ts';
import { readItemFile } from './read-item-file.ts';

/** Each item's files with their 附件名称, by item title, in the order the item lists them. */
async function titlesOf(deps: AppDeps, organId: number) {
  const rows = await deps.db.selectFrom('attachments as a').innerJoin('publications as p', 'p.id', 'a.publication_id')
    .select(['p.title as item', 'a.file_name', 'a.title']).where('p.organ_id', '=', organId).orderBy('a.id').execute();
  const out: Record<string, [string, string | null][]> = {};
  for (const r of rows) (out[r.item] ??= []).push([r.file_name, r.title]);
  return out;
}

/**
 * An attachment's 附件名称 (ADR 0034) goes out with an export and comes back with its import, in every format;
 * an export written before titles were carried still imports (its files untitled), and a 附件名称 cell typed by
 * hand is checked as the back office checks a title.
 */
for (const dialect of DIALECTS) {
  describe(`attachment titles through export and import on ${dialect}`, () => {
    const dir = makeTempDir('titles');
    const dropped: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const d of dropped) await d();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const fresh = async () => {
      const handle = await createTestDatabase(dialect);
      dropped.push(() => handle.drop());
      return buildDeps(handle);
    };

    for (const format of ['json', 'csv', 'xlsx'] as const) {
      it(`carries titles out and back in (${format}), a title holding ；and an untitled file among them`, { timeout: 120_000 }, async () => {
        const deps = await fresh();
        const source = await createOrgan(deps);
        const node = await createNode(deps, source.id, { name: '政策文件' });
        const a = await createPublication(deps, system, source.id, { title: '关于开展老旧小区改造试点的通知', formedOn: '2026-02-01', stage: 'execution', docType: 'other', bodyHtml: '<p>详见附件。</p>', nodeIds: [node] });
        await addAttachment(deps, system, a.id, { fileName: 'mingdan.txt', bytes: Buffer.from('名单。'), title: '附件1：试点小区名单；第一批' });
        await addAttachment(deps, system, a.id, { fileName: 'shuoming.txt', bytes: Buffer.from('说明。') });
        await addAttachment(deps, system, a.id, { fileName: 'shenqing.txt', bytes: Buffer.from('申请表。'), title: '附件3：申请表' });
        await publishImported(deps, system, a.id, { backdatedPublishedOn: '2026-02-02' });
        const b = await createPublication(deps, system, source.id, { title: '关于城区停水的通知', formedOn: '2026-02-03', stage: 'execution', docType: 'other', bodyHtml: '<p>详见附件。</p>', nodeIds: [node] });
        await addAttachment(deps, system, b.id, { fileName: 'fanwei.txt', bytes: Buffer.from('范围。'), title: '附件：停水范围；时间' });
        await publishImported(deps, system, b.id, { backdatedPublishedOn: '2026-02-04' });
        const expected = await titlesOf(deps, source.id);
        expect(expected[a.title]).toEqual([['mingdan.txt', '附件1：试点小区名单；第一批'], ['shuoming.txt', null], ['shenqing.txt', '附件3：申请表']]);

        const doc = await collectExport(deps, source.code);
        const out = renderExport(doc, format);
        const target = path.join(dir, `${dialect}-${format}`);
        fs.mkdirSync(target, { recursive: true });
        await writeAttachments(deps, doc, format === 'xlsx' ? path.join(target, 'files.zip') : path.join(target, 'files'));

        const copyDeps = await fresh();
        const copy = await createOrgan(copyDeps, { code: source.code, name: source.name });
        if (format === 'csv') {
          await importItems(copyDeps, system, copy.code, readItemFile('c.json', Buffer.from(JSON.stringify({ catalog: doc.catalog, items: [] }))), { mode: 'published', dryRun: false, attachments: null, from: 'c.json' });
        }
        const files = format === 'xlsx' ? zipSource(fs.readFileSync(path.join(target, 'files.zip'))) : directorySource(path.join(target, 'files'));
        const r = await importItems(copyDeps, system, copy.code, readItemFile(out.fileName, out.bytes), { mode: 'published', dryRun: false, attachments: files, from: out.fileName });
        expect(r.problems).toEqual([]);
        expect(await titlesOf(copyDeps, copy.id)).toEqual(expected);

        if (format === 'json') {
          // An export from before titles were carried: its attachment objects have none. It imports, untitled.
          const older = JSON.parse(out.bytes.toString('utf8'));
          for (const item of older.items) for (const f of item.attachments) delete f.title;
          const olderDeps = await fresh();
          const olderOrgan = await createOrgan(olderDeps, { code: source.code, name: source.name });
          const again = await importItems(olderDeps, system, olderOrgan.code, readItemFile('older.json', Buffer.from(JSON.stringify(older))), { mode: 'published', dryRun: false, attachments: files, from: 'older.json' });
          expect(again.problems).toEqual([]);
          expect(Object.values(await titlesOf(olderDeps, olderOrgan.id)).flat().map(([, t]) => t)).toEqual([null, null, null, null]);
        }
      });
    }

    it('reads a 附件名称 cell typed by hand — one per file in 附件’s order, by ；or by line — and refuses a bad one by its row', async () => {
      const deps = await fresh();
      const organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '政策文件' });
      const att = path.join(dir, `${dialect}-typed`);
      fs.mkdirSync(att, { recursive: true });
      for (const name of ['a.txt', 'b.txt', 'c.txt']) fs.writeFileSync(path.join(att, name), `${name} 的内容。`);
      const header = '标题,成文日期,发布日期,五公开,文件类型,目录,附件,附件名称,正文';
      const csv = (rows: string[]) => readItemFile('items.csv', new TextEncoder().encode([header, ...rows].join('\n')));
      const run = (rows: string[], dryRun: boolean) => importItems(deps, system, organ.code, csv(rows), { mode: 'published', dryRun, attachments: directorySource(att), from: 'items.csv' });

      const refused = await run([
        '关于甲的通知,2026-01-05,2026-01-06,执行,其他,政策文件,a.txt；b.txt,附件1：甲；附件2：乙；附件3：丙,<p>甲。</p>',
        `关于乙的通知,2026-01-05,2026-01-06,执行,其他,政策文件,a.txt,${'附'.repeat(101)},<p>乙。</p>`,
      ], true);
      expect(refused.problems.map((p) => p.at)).toEqual(['第2行', '第3行']);
      expect(refused.problems[0].message).toContain('附件名称有 3 个，附件只有 2 个');
      expect(refused.problems[1].message).toContain('附件名称不能超过 100 个字');

      const r = await run([
        '关于丙的通知,2026-01-05,2026-01-06,执行,其他,政策文件,a.txt；b.txt；c.txt,附件1：甲；；附件3：丙,<p>丙。</p>',
        '关于丁的通知,2026-01-05,2026-01-06,执行,其他,政策文件,a.txt；b.txt,"附件1：甲；附表\n附件2：乙",<p>丁。</p>',
        '关于戊的通知,2026-01-05,2026-01-06,执行,其他,政策文件,a.txt,,<p>戊。</p>',
      ], false);
      expect(r.problems).toEqual([]);
      expect(await titlesOf(deps, organ.id)).toEqual({
        关于丙的通知: [['a.txt', '附件1：甲'], ['b.txt', null], ['c.txt', '附件3：丙']],
        关于丁的通知: [['a.txt', '附件1：甲；附表'], ['b.txt', '附件2：乙']],
        关于戊的通知: [['a.txt', null]],
      });
    });
  });
}

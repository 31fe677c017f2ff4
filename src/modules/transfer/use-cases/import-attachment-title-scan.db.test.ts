import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, system } from '../../../../test/support/factories.ts';
import { makeTempDir } from '../../../../test/support/temp-dirs.ts';
import { findPublication, type Organ } from '../../catalog/index.ts';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { directorySource } from './attachment-source.ts';
import { importItems } from './import-items.ts';
import { readItemFile } from './read-item-file.ts';

/** An item as the import file gives it, with one attachment (通知.txt, clean) and its 附件名称. */
const row = (n: number, title: string, attachmentTitle: string) => ({
  indexNumber: `T1/2020-${String(n).padStart(5, '0')}`, title, formedOn: '2020-03-01', publishedOn: '2020-03-02', stage: '结果', docType: '其他',
  catalogPaths: ['工作动态'], bodyHtml: '<p>详见附件。</p>', attachments: [{ file: '通知.txt', title: attachmentTitle }],
});
const json = (items: unknown[]) => readItemFile('items.json', new TextEncoder().encode(JSON.stringify({ items })));

async function statusOf(deps: AppDeps, indexNumber: string) {
  const r = await deps.db.selectFrom('publications').select('id').where('index_number', '=', indexNumber).executeTakeFirst();
  return r ? (await findPublication(deps.db, Number(r.id)))!.status : null;
}

/**
 * A row's 附件名称 is published as the portal's link text, so the import scans it as it scans the row's
 * text and files (the review chain's scan reads it too): before, an imported item whose attachment title held
 * an ID number was published, and one whose title bore a 密级标志 was written.
 */
for (const dialect of DIALECTS) {
  describe(`an import scans each attachment's 附件名称 on ${dialect}`, () => {
    let db: Awaited<ReturnType<typeof createTestDatabase>>;
    let deps: ReturnType<typeof buildDeps>;
    let organ: Organ;
    let dir: string;
    const opts = () => ({ mode: 'published' as const, attachments: directorySource(dir), from: 'items.json' });

    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      deps = buildDeps(db);
      organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '工作动态' });
      dir = makeTempDir('transfer-title-scan');
      fs.writeFileSync(path.join(dir, '通知.txt'), '城区停水的通知，详见正文。\n');
    });
    afterAll(async () => {
      await db?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('holds back, as a draft for review, a row whose 附件名称 holds an ID number — the report masked', async () => {
      const items = [row(1, '关于王某住房保障资格的公示', '附件：王某（身份证号11010519491231002X）申请表')];
      const dry = await importItems(deps, system, organ.code, json(items), { ...opts(), dryRun: true });
      expect(dry.findings.map(({ at: _at, ...f }) => f)).toEqual([
        { title: '关于王某住房保障资格的公示', field: '附件“通知.txt”的附件名称', type: 'id_card', kind: '身份证号', severity: 'block', excerpt: expect.stringContaining('*') },
      ]);
      expect(JSON.stringify(dry)).not.toContain('11010519491231002X');

      const r = await importItems(deps, system, organ.code, json(items), { ...opts(), dryRun: false });
      expect(r.ok).toBe(true);
      expect(r.published).toBe(0);
      expect(r.heldBack.map((h) => h.title)).toEqual(['关于王某住房保障资格的公示']);
      expect(r.heldBack[0].message).toContain('附件“通知.txt”的附件名称：身份证号');
      expect(await statusOf(deps, 'T1/2020-00001')).toBe('draft');
    });

    it('refuses a row whose 附件名称 bears a 密级标志, and writes nothing', async () => {
      const r = await importItems(deps, system, organ.code, json([
        row(2, '一条干净的信息', '附件：停水范围'),
        row(3, '关于工作安排的通知', '附件：工作安排（秘密★1年）'),
      ]), { ...opts(), dryRun: false });
      expect(r.ok).toBe(false);
      expect(r.problems.map((p) => p.at)).toHaveLength(1);
      expect(r.problems[0].message).toContain('附件“通知.txt”的附件名称含有密级标志');
      expect(await statusOf(deps, 'T1/2020-00002')).toBeNull();
      expect(await statusOf(deps, 'T1/2020-00003')).toBeNull();
    });
  });
}

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, system } from '../../../../test/support/factories.ts';
import { makeTempDir } from '../../../../test/support/temp-dirs.ts';
import type { Organ } from '../../catalog/index.ts';
import { directorySource } from './attachment-source.ts';
import { importItems } from './import-items.ts';
import { readItemFile } from './read-item-file.ts';

const row = (n: number, file: string, title: string) => ({
  indexNumber: `T1/2021-${String(n).padStart(5, '0')}`, title: '关于住房保障资格的公示', formedOn: '2021-03-01', publishedOn: '2021-03-02', stage: '结果', docType: '其他',
  catalogPaths: ['工作动态'], bodyHtml: '<p>详见附件。</p>', attachments: [{ file, title }],
});
const json = (items: unknown[]) => readItemFile('items.json', new TextEncoder().encode(JSON.stringify({ items })));

/**
 * A row whose attachment file is missing is refused for the missing file; its file name and 附件名称 are still
 * published text the officer will correct and upload again, so the report lists what they hold like any other
 * finding, with the row (before, the row's attachment part was skipped whole and the names went unscanned).
 */
for (const dialect of DIALECTS) {
  describe(`an import scans a missing attachment's names on ${dialect}`, () => {
    let db: Awaited<ReturnType<typeof createTestDatabase>>;
    let deps: ReturnType<typeof buildDeps>;
    let organ: Organ;
    let dir: string;

    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      deps = buildDeps(db);
      organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '工作动态' });
      dir = makeTempDir('transfer-missing-names');
    });
    afterAll(async () => {
      await db?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('reports an ID number in a missing file\'s name and in its 附件名称, with the row, masked', async () => {
      const items = [row(1, '张三身份证号11010519491231002X.pdf', '附件：李四（身份证号110105194912310037）申请表')];
      const r = await importItems(deps, system, organ.code, json(items), { mode: 'published', attachments: directorySource(dir), from: 'items.json', dryRun: true });
      expect(r.ok).toBe(false);
      expect(r.problems.map((p) => p.message).join('\n')).toContain('找不到');
      expect(r.findings.map((f) => [f.at, f.field, f.type, f.severity])).toEqual([
        [r.problems[0].at, expect.stringMatching(/^附件“张三身份证号110105\*+002X\.pdf”的文件名$/), 'id_card', 'block'],
        [r.problems[0].at, expect.stringMatching(/的附件名称$/), 'id_card', 'block'],
      ]);
      expect(r.findings[0].at).toMatch(/第\d+/);
      expect(JSON.stringify(r)).not.toContain('11010519491231002X');
      expect(JSON.stringify(r)).not.toContain('110105194912310037');
    });

    it('reports them too when no attachment directory was given', async () => {
      const items = [row(2, '张三身份证号11010519491231002X.pdf', '申请表')];
      const r = await importItems(deps, system, organ.code, json(items), { mode: 'published', attachments: null, from: 'items.json', dryRun: true });
      expect(r.ok).toBe(false);
      expect(r.findings.map((f) => [f.type, f.severity])).toEqual([['id_card', 'block']]);
    });
  });
}

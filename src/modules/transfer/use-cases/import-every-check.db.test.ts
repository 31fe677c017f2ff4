import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, system } from '../../../../test/support/factories.ts';
import { makeTempDir } from '../../../../test/support/temp-dirs.ts';
import type { Organ } from '../../catalog/index.ts';
import { directorySource } from './attachment-source.ts';
import { importItems } from './import-items.ts';
import { readItemFile } from './read-item-file.ts';

const HEADER = '索引号,标题,成文日期,发布日期,五公开,文件类型,目录,附件,正文,信息类别,解读形式,所解读的政策,替代文件,标准目录事项,政策咨询电话';

for (const dialect of DIALECTS) {
  describe(`an import's dry run lists every problem of a row on ${dialect}`, () => {
    let db: Awaited<ReturnType<typeof createTestDatabase>>;
    let deps: ReturnType<typeof buildDeps>;
    let organ: Organ;
    let dir: string;
    const csv = (lines: string[]) => readItemFile('items.csv', new TextEncoder().encode([HEADER, ...lines].join('\n')));

    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      deps = buildDeps(db);
      organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '政策文件' });
      await createNode(deps, organ.id, { name: '工作动态' });
      dir = makeTempDir('transfer-checks');
      fs.mkdirSync(path.join(dir, 'att'));
      const taken = await importItems(deps, system, organ.code, csv([
        'E1/2020-00001,已有的一条,2020-03-01,2020-03-02,执行,其他,工作动态,,<p>正文。</p>,,,,,,',
      ]), { mode: 'published', dryRun: false, attachments: null, from: 'first.csv' });
      expect(taken.problems).toEqual([]);
    });
    afterAll(async () => {
      await db?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('a row with a field error still has its links, 索引号, attachments and other fields checked, so a second run finds nothing new', async () => {
      const r = await importItems(deps, system, organ.code, csv([
        // A bad 成文日期, and a policy that is nowhere.
        'E2/2021-00001,关于住房政策的解读,2021-13-01,2021-03-02,决策,其他,政策文件,,<p>解读。</p>,政策解读,文字解读,E2/2021-09999,,,',
        // No title, and: a 索引号 the database has, a replacement that is nowhere, a 事项 not of its node,
        // a missing attachment, a telephone number with letters.
        'E1/2020-00001,,2021-03-01,2021-03-02,执行,其他,工作动态,没有的附件.pdf,<p>正文。</p>,,,,E2/2021-08888,配租结果,0771-ABC',
        // No 五公开 stage, and a policy that is itself an interpretation (the first row).
        'E2/2021-00003,对解读的解读,2021-03-01,2021-03-02,,其他,政策文件,,<p>解读。</p>,政策解读,文字解读,E2/2021-00001,,,',
      ]), { mode: 'published', dryRun: true, attachments: directorySource(path.join(dir, 'att')), from: 'items.csv' });
      expect(r.ok).toBe(false);
      expect(r.problems).toEqual([
        { at: '第2行', message: '成文日期“2021-13-01”不是有效日期（如 2020-01-02）' },
        { at: '第2行', message: '所解读的政策“E2/2021-09999”：这个索引号在文件和本系统中都找不到' },
        { at: '第3行', message: '缺少标题' },
        { at: '第3行', message: '政策咨询电话只能包含数字、连字符和括号（所填：“0771-ABC”）' },
        { at: '第3行', message: `附件“没有的附件.pdf”在 ${path.join(dir, 'att')} 中找不到` },
        { at: '第3行', message: '索引号“E1/2020-00001”已被本系统中的其他信息使用' },
        { at: '第3行', message: '替代文件“E2/2021-08888”：这个索引号在文件和本系统中都找不到' },
        { at: '第3行', message: '标准目录事项“配租结果”不是本信息所在目录栏目（工作动态）的事项' },
        { at: '第4行', message: '缺少五公开类别（决策、执行、管理、服务、结果）' },
        { at: '第4行', message: '所解读的政策“E2/2021-00001”（第2行）是一篇政策解读：请填写它所解读的政策文件的索引号' },
      ]);
    });
  });
}

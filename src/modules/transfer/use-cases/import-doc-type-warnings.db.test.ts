import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { importDesk } from '../../../../test/support/import-form.ts';
import { buildDeps, createNode, createOrgan, system } from '../../../../test/support/factories.ts';
import { printImportReport } from '../cli/import-items-command.ts';
import { importItems } from './import-items.ts';
import { readItemFile } from './read-item-file.ts';

const HEADER = '标题,文号,成文日期,发布日期,五公开,文件类型,体裁,目录,正文';

/**
 * An import's rows get the 文件类型 warnings the item form shows (domain/doc-type-warnings.ts): each row's
 * listed in the report with its place and code, and never a reason to refuse the row.
 */
describeEachDialect('spreadsheet import: 文件类型 warnings per row', (db) => {
  it('lists each row\'s warnings with its line and code, and imports the rows all the same', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const policy = await createNode(deps, organ.id, { name: '政策文件' });
    await createNode(deps, organ.id, { name: '规范性文件', parentId: policy });
    await createNode(deps, organ.id, { name: '工作动态' });
    const file = readItemFile('items.csv', new TextEncoder().encode([
      HEADER,
      '关于规范住房租赁的通知,岚建规〔2026〕2号,2020-03-01,2020-03-02,执行,其他,通知,政策文件/规范性文件,<p>各乡镇：现将有关事项通知如下。</p>',
      '住建局召开安全生产会议,,2020-04-01,2020-04-02,执行,其他,工作动态,工作动态,<p>4月1日，局召开会议。</p>',
      '某某管理办法,,2020-05-01,2020-05-02,决策,规章,办法,政策文件,<p>第一条　为了规范管理，制定本办法。</p>',
    ].join('\n')));

    const dry = await importItems(deps, system, organ.code, file, { mode: 'published', dryRun: true, attachments: null, from: 'items.csv' });
    expect(dry).toMatchObject({ ok: true, items: 3, problems: [] });
    expect(dry.warnings).toEqual([
      { at: '第2行', code: 'WARN_CATALOG_DOC_TYPE_NORMATIVE_NUMBER', message: '文号“岚建规〔2026〕2号”带“规”字，通常是行政规范性文件的统一编号，文件类型却是“其他”：如是行政规范性文件，请改选“行政规范性文件”，否则年报第二部分不计入它。' },
      { at: '第2行', code: 'WARN_CATALOG_DOC_TYPE_NORMATIVE_COLUMN', message: '信息放入了栏目“政策文件/规范性文件”，文件类型却是“其他”：如是行政规范性文件，请改选“行政规范性文件”，否则年报第二部分不计入它。' },
      { at: '第4行', code: 'WARN_CATALOG_DOC_TYPE_REGULATION_UNCHECKED', message: expect.stringContaining('文件类型为“规章”') },
    ]);

    const done = await importItems(deps, system, organ.code, file, { mode: 'published', dryRun: false, attachments: null, from: 'items.csv' });
    expect(done).toMatchObject({ ok: true, items: 3, problems: [] });
    expect(done.warnings.map((w) => `${w.at} ${w.code}`)).toEqual([
      '第2行 WARN_CATALOG_DOC_TYPE_NORMATIVE_NUMBER', '第2行 WARN_CATALOG_DOC_TYPE_NORMATIVE_COLUMN', '第4行 WARN_CATALOG_DOC_TYPE_REGULATION_UNCHECKED',
    ]);
    expect((await deps.db.selectFrom('publications').select('doc_type').orderBy('id').execute()).map((r) => r.doc_type)).toEqual(['other', 'other', 'regulation']);
  });

  it('shows the warnings on the import\'s page and after the command line\'s report', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const { organ, upload } = await importDesk(app, deps, '工作动态');
      const csv = `${HEADER}\n关于规范住房租赁的通知,岚建规〔2026〕2号,2026-03-01,,执行,其他,通知,工作动态,<p>通知。</p>\n`;
      const page = (await upload(csv, { mode: 'draft' })).body;
      expect(page).toContain('已导入 1 条信息，作为草稿');
      expect(page).toContain('<caption>请核对文件类型（1 处提示，不影响导入）</caption>');
      expect(page).toContain('<td class="nowrap">第2行</td><td>文号“岚建规〔2026〕2号”带“规”字');

      const err: string[] = [];
      const report = { ok: true, dryRun: true, mode: 'draft' as const, items: 1, records: 1, attachments: 0, nodesCreated: 0, redirects: 0, problems: [], written: [], findings: [], heldBack: [], published: 0, duplicates: [], notKept: [], noDocumentNumber: [],
        warnings: [{ at: '第2行', code: 'WARN_CATALOG_DOC_TYPE_NORMATIVE_NUMBER' as const, message: '文号“岚建规〔2026〕2号”带“规”字' }] };
      expect(printImportReport(report, organ.code, { stdout: () => {}, stderr: (t: string) => err.push(t) })).toBe(0);
      expect(err.join('')).toBe('请核对文件类型：1 处提示（不影响导入）：\n  第2行（WARN_CATALOG_DOC_TYPE_NORMATIVE_NUMBER）：文号“岚建规〔2026〕2号”带“规”字\n');
    } finally {
      await app.close();
    }
  });
});

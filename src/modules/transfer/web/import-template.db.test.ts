import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { readTableFile, readXlsx } from '../../../platform/tables/read-table-file.ts';
import { ITEM_COLUMNS } from '../domain/item-columns.ts';
import { readItemFile } from '../use-cases/read-item-file.ts';

/**
 * Found by an outside tester (a county officer): 导入导出 offered only full exports, no blank file to
 * fill in. 下载空白模板 gives the import's exact column headers (CSV and .xlsx) and no data row, so an
 * untouched template imports nothing; the .xlsx adds a 填写说明 sheet (each column: required or not,
 * what to write, an example) and the organ's catalog paths, which the import ignores. And /admin/transfer
 * listed the units without catalog, whose import can never succeed (an item needs a node).
 */
describeEachDialect('导入导出: a blank template, and no unit without catalog', (db) => {
  it('downloads the import’s headers with notes, which import as nothing', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
      const root = await createNode(deps, organ.id, { name: '政策文件' });
      await createNode(deps, organ.id, { name: '规范性文件', parentId: root });
      const unit = await createOrgan(deps, { parentCode: organ.code, kind: 'unit', name: '青岚县住房和城乡建设局房地产市场监管股' });
      const admin = await createStaff(deps, organ.code, 'organ_admin');
      const s = await loginAs(app, admin.username, admin.password);

      const page = (await app.inject({ url: `/admin/organs/${organ.code}/transfer`, cookies: s.cookies })).body;
      expect(page).toContain(`<a href="/admin/organs/${organ.code}/transfer/template.xlsx">`);
      expect(page).toContain(`<a href="/admin/organs/${organ.code}/transfer/template.csv">`);

      const headers = ITEM_COLUMNS.map((c) => c.header);
      const csv = await app.inject({ url: `/admin/organs/${organ.code}/transfer/template.csv`, cookies: s.cookies });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-disposition']).toContain(encodeURIComponent('信息导入模板.csv'));
      const csvRows = readTableFile('t.csv', csv.rawPayload).rows.filter((r) => r.cells.some((c) => c.trim()));
      expect(csvRows.map((r) => r.cells)).toEqual([headers]);
      const readCsv = readItemFile('t.csv', csv.rawPayload);
      expect(readCsv.items).toEqual([]);
      expect(readCsv.problems).toEqual([]);

      const xlsx = await app.inject({ url: `/admin/organs/${organ.code}/transfer/template.xlsx`, cookies: s.cookies });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('信息导入模板.xlsx'));
      const book = xlsx.rawPayload;
      expect(readXlsx(book).filter((r) => r.cells.some((c) => c.trim())).map((r) => r.cells)).toEqual([headers]);
      const notes = readXlsx(book, 'ERR_TEST_UNREADABLE', '填写说明')!.map((r) => r.cells);
      expect(notes[0]).toEqual(['列名', '是否必填', '填写说明', '示例']);
      expect(notes.find((r) => r[0] === '标题')![1]).toBe('必填');
      expect(notes.find((r) => r[0] === '文件类型')![2]).toContain('行政规范性文件');
      expect(notes.find((r) => r[0] === '发布日期')![1]).toBe('导入已发布信息时必填');
      expect(notes.map((r) => r[0])).toEqual(['列名', ...headers]);
      expect(readXlsx(book, 'ERR_TEST_UNREADABLE', '本机关栏目')!.map((r) => r.cells[0])).toEqual(['目录', '政策文件', '政策文件/规范性文件']);
      const readBook = readItemFile('t.xlsx', book);
      expect(readBook.items).toEqual([]);
      expect(readBook.catalog).toBeNull();
      expect(readBook.problems).toEqual([]);

      // Only an administrator of the organ.
      const editor = await createStaff(deps, organ.code, 'editor');
      const e = await loginAs(app, editor.username, editor.password);
      expect((await app.inject({ url: `/admin/organs/${organ.code}/transfer/template.csv`, cookies: e.cookies })).statusCode).toBe(403);

      // The index lists the organ, not its unit without catalog (as the 工作台 offers it no 管理目录).
      const index = (await app.inject({ url: '/admin/transfer', cookies: s.cookies })).body;
      expect(index).toContain(`/admin/organs/${organ.code}/transfer"`);
      expect(index).not.toContain(`/admin/organs/${unit.code}/transfer"`);
      expect(index).toContain('下属单位没有目录栏目');
      // A county officer is pointed to the template's 填写说明, not to a file of the source code (found by an outside tester).
      expect(index).not.toContain('docs/');
      expect(index).toContain('Excel 模板中的“填写说明”表');
    } finally {
      await app.close();
    }
  });
});

import { decodeText, readTableFile, readXlsx } from '../../../platform/tables/read-table-file.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { CATALOG_SHEET, MATTERS_SHEET, pathNames } from '../domain/item-columns.ts';
import { catalogRecordsFromTable, itemFileFromJson, itemRecordsFromTable, matterRecordsFromTable, type ItemFile } from '../domain/item-records.ts';
import { TransferErrorCode as E } from '../domain/error-codes.ts';

/**
 * An item file as records (`jsonLines: false` when the JSON is not a person's file, e.g. an API body): JSON (by name, or text that starts with { or [), .xlsx (the first sheet;
 * the catalog from the sheet named 目录 if there is one) or CSV in UTF-8 or GB18030.
 */
export function readItemFile(fileName: string, bytes: Uint8Array, opts: { jsonLines?: boolean } = {}): ItemFile & { format: 'json' | 'csv' | 'xlsx' } {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) {
    const { text } = decodeText(bytes);
    if (/\.json$/i.test(fileName) || /^\s*[[{]/.test(text.replace(/^\uFEFF/, ''))) {
      const file = itemFileFromJson(text, { lines: opts.jsonLines });
      if (file.problems.some((p) => p.at === '文件') && file.items.length === 0) throw new DomainError(E.fileUnreadable, file.problems.map((p) => p.message).join('；'));
      return { ...file, format: 'json' };
    }
  }
  const table = readTableFile(fileName, bytes, E.fileUnreadable);
  const { items, problems } = itemRecordsFromTable(table.rows);
  let catalog: ItemFile['catalog'] = null;
  if (table.format === 'xlsx') {
    const sheet = readXlsx(bytes, E.fileUnreadable, CATALOG_SHEET);
    if (sheet) {
      const read = catalogRecordsFromTable(sheet);
      catalog = read.catalog;
      problems.push(...read.problems.map((p) => ({ ...p, at: `目录表${p.at}` })));
    }
    // The 事项 sheet names each 事项's node by its path, which the 目录 sheet must list.
    const matterSheet = readXlsx(bytes, E.fileUnreadable, MATTERS_SHEET);
    if (matterSheet && matterSheet.some((r) => r.cells.some((c) => c.trim() !== ''))) {
      const read = matterRecordsFromTable(matterSheet);
      problems.push(...read.problems);
      const byPath = new Map((catalog ?? []).map((n) => [pathNames(n.path).join('/'), n]));
      for (const { path, ...m } of read.matters) {
        const node = byPath.get(pathNames(path).join('/'));
        if (node) node.matters.push(m);
        else problems.push({ at: m.at, message: path.trim() ? `目录“${path.trim()}”不在目录表中` : '缺少目录' });
      }
    }
  }
  return { items, catalog, problems, format: table.format };
}

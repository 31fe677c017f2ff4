import fs from 'node:fs';
import path from 'node:path';
import { decodeText, parseCsv, readXlsx } from '../../../platform/tables/read-table-file.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { htmlPageText } from '../../privacy/index.ts';
import { TransferErrorCode as E } from '../domain/error-codes.ts';
import { itemColumnOf, LIST_COLUMNS, splitList, type ItemColumnKey } from '../domain/item-columns.ts';
import { tableRecords, type ItemFile, type ItemRecord, type Problem } from '../domain/item-records.ts';
import { paragraphsOf, savedPageParts } from '../domain/saved-page.ts';

/** The list's own column: the saved page's file name in the pages folder. */
const PAGE_COLUMN = { key: 'pageFile', header: '页面文件' } as const;
const columnOf = (h: string): ItemColumnKey | 'pageFile' | null => (h.trim() === PAGE_COLUMN.header || h.trim().toLowerCase() === 'pagefile' ? 'pageFile' : itemColumnOf(h));

/**
 * An old site's crawl (docs/import-export.md "Moving from an old website"): a list (CSV or .xlsx) of
 * 原网址, 页面文件 and any item columns, and the folder of saved pages. Each page gives the title when
 * the list has none and the body (its content area's text, one paragraph per line) when the list has
 * no 正文; the old address is then redirected to the new item page.
 */
export function readSiteCrawl(listBytes: Uint8Array, pagesDir: string): ItemFile {
  const root = path.resolve(pagesDir);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new DomainError(E.attachmentsUnreadable, `网页目录 ${pagesDir} 不存在或不是目录`);
  const isZip = listBytes[0] === 0x50 && listBytes[1] === 0x4b;
  const rows = isZip ? readXlsx(listBytes, E.fileUnreadable) : parseCsv(decodeText(listBytes).text, E.fileUnreadable);
  const { records, problems } = tableRecords(rows, columnOf);
  const items: ItemRecord[] = [];
  const more: Problem[] = [];
  for (const r of records) {
    const fields: ItemRecord['fields'] = {};
    for (const [k, v] of Object.entries(r.cells) as [ItemColumnKey | 'pageFile', string][]) {
      if (k !== 'pageFile') fields[k] = LIST_COLUMNS.includes(k) ? splitList(v) : v;
    }
    const page = (r.cells.pageFile ?? '').trim();
    if (!(r.cells.oldUrl ?? '').trim()) more.push({ at: r.at, message: '缺少原网址' });
    if (!page) more.push({ at: r.at, message: '缺少页面文件' });
    else {
      const file = path.resolve(root, page);
      if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) more.push({ at: r.at, message: `页面文件“${page}”在 ${pagesDir} 中找不到` });
      else {
        const { title, contentHtml } = savedPageParts(decodeText(new Uint8Array(fs.readFileSync(file))).text);
        if (!String(fields.title ?? '').trim()) fields.title = title;
        if (!String(fields.bodyHtml ?? '').trim()) fields.bodyHtml = paragraphsOf(htmlPageText(contentHtml));
      }
    }
    items.push({ at: r.at, fields });
  }
  return { items, catalog: null, problems: [...problems, ...more] };
}

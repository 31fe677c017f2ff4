import fs from 'node:fs';
import path from 'node:path';
import { decodeText, parseCsv, readXlsx } from '../../../platform/tables/read-table-file.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { TransferErrorCode as E } from '../domain/error-codes.ts';
import { itemColumnOf, LIST_COLUMNS, splitAddresses, splitList, type ItemColumnKey } from '../domain/item-columns.ts';
import { oldPathOf } from '../domain/parse-item.ts';
import { tableRecords, type ItemFile, type ItemRecord, type Problem } from '../domain/item-records.ts';
import { savedPageParts } from '../domain/saved-page.ts';
import { sanitizeRichText } from '../../../platform/views/sanitize-rich-text.ts';

const itemOrNodePage = /^\/organs\/[^/?]+\/(items|catalog)\/\d+$/;

/** The list's own column: the saved page's file name in the pages folder. */
const PAGE_COLUMN = { key: 'pageFile', header: '页面文件' } as const;
const columnOf = (h: string): ItemColumnKey | 'pageFile' | null => (h.trim() === PAGE_COLUMN.header || h.trim().toLowerCase() === 'pagefile' ? 'pageFile' : itemColumnOf(h));

/**
 * An old site's crawl (docs/import-export.md "Moving from an old website"): a list (CSV or .xlsx) of
 * 原网址, 页面文件 and any item columns, and the folder of saved pages. Each page gives the title when
 * the list has none and the body (its article's paragraphs and tables, saved-page.ts) when the list
 * has no 正文; the old address is then redirected to the new item page. The article's pictures are
 * not imported: each row that had some is warned about (`warnings`), with the files the pages folder
 * holds, and a row whose article was only pictures is a problem unless it lists attachments.
 */
export function readSiteCrawl(listBytes: Uint8Array, pagesDir: string): ItemFile & { warnings: Problem[] } {
  const root = path.resolve(pagesDir);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new DomainError(E.attachmentsUnreadable, `网页目录 ${pagesDir} 不存在或不是目录`);
  const isZip = listBytes[0] === 0x50 && listBytes[1] === 0x4b;
  const rows = isZip ? readXlsx(listBytes, E.fileUnreadable) : parseCsv(decodeText(listBytes).text, E.fileUnreadable);
  const { records, problems } = tableRecords(rows, columnOf);
  const items: ItemRecord[] = [];
  const more: Problem[] = [];
  const warnings: Problem[] = [];
  for (const r of records) {
    const fields: ItemRecord['fields'] = {};
    for (const [k, v] of Object.entries(r.cells) as [ItemColumnKey | 'pageFile', string][]) {
      if (k !== 'pageFile') fields[k] = LIST_COLUMNS.includes(k) ? splitList(v) : v;
    }
    const page = (r.cells.pageFile ?? '').trim();
    if (!(r.cells.oldUrl ?? '').trim()) more.push({ at: r.at, message: '缺少原网址' });
    // An old site's crawl names the old site's pages: an item or catalog page of this portal there is a mistake
    // (an export's 原网址 may name them; its import keeps or redirects them — `import items`).
    for (const url of splitAddresses(r.cells.oldUrl ?? '')) {
      const old = oldPathOf(url);
      if (old && itemOrNodePage.test(old)) more.push({ at: r.at, message: `原网址“${url.slice(0, 200)}”是本平台的信息或栏目页面，不是旧网站的网址；从本平台导出的文件请用 gongkai import items 导入` });
    }
    if (!page) more.push({ at: r.at, message: '缺少页面文件' });
    else {
      const file = path.resolve(root, page);
      if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) more.push({ at: r.at, message: `页面文件“${page}”在 ${pagesDir} 中找不到` });
      else {
        const parts = savedPageParts(decodeText(new Uint8Array(fs.readFileSync(file))).text);
        const { title, images } = parts;
        // Only what the editor's allowlist keeps (saving sanitizes again; the dry run shows this).
        const contentHtml = sanitizeRichText(parts.contentHtml);
        if (!String(fields.title ?? '').trim()) fields.title = title;
        if (!String(fields.bodyHtml ?? '').trim()) {
          fields.bodyHtml = contentHtml;
          if (images.length) {
            const found = images.map((src) => pictureFile(root, path.dirname(file), src)).filter((f): f is string => f !== null);
            const where = found.length ? `；网页目录中有其文件 ${[...new Set(found)].join('、')}，可列入“附件”列作为附件导入` : '';
            warnings.push({ at: r.at, message: `正文中的 ${images.length} 张图片未导入（图片不随正文导入，请导入后在编辑器中补上${where}）` });
            const listed = [fields.attachments ?? []].flat().some((a) => a.trim());
            if (!contentHtml && !listed) more.push({ at: r.at, message: `页面文件“${page}”的正文只有图片（${images.length} 张），图片不能随正文导入：请在“正文”列填写正文，或把图片列入“附件”列` });
          }
        }
      }
    }
    items.push({ at: r.at, fields });
  }
  return { items, catalog: null, problems: [...problems, ...more], warnings };
}

/** The file a picture's address names, relative to the pages folder, when the folder holds it (a relative address only). */
function pictureFile(root: string, pageDir: string, src: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) return null;
  let name: string;
  try {
    name = decodeURIComponent(src.split(/[?#]/)[0]);
  } catch {
    return null;
  }
  const file = name.startsWith('/') ? path.join(root, name) : path.resolve(pageDir, name);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return null;
  return path.relative(root, file).split(path.sep).join('/');
}

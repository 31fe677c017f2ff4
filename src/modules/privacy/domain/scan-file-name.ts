import type { Finding } from './finding.ts';
import { scanText, type ScanOptions } from './scan-text.ts';

/** A file name's extension (.pdf, .docx, .xlsx …): what it is, not what it says. */
const EXTENSION = /\.[A-Za-z0-9]{1,8}$/;

/**
 * A file's name as the portal publishes it — the link text of an attachment without a 附件名称, its
 * tooltip, the download's Content-Disposition — scanned as its text is (条例第十五条; 保守国家秘密法).
 * Two things differ from prose: the extension is left out (read with it, `.pdf` glued the number before
 * it to a decimal point, and 张三身份证110105194912310021.pdf was found clean), and `_` is read as the space
 * a file name seldom holds (ID_110105…). Offsets are into the whole name; `text` and `suggestion` keep
 * the name's own characters, `_` included.
 */
export function scanFileName(fileName: string, options: ScanOptions = {}): Finding[] {
  const ext = EXTENSION.exec(fileName);
  const stem = ext && ext.index > 0 ? fileName.slice(0, ext.index) : fileName;
  return scanText(stem.replace(/_/g, ' '), options).map((f) => {
    const text = fileName.slice(f.start, f.end);
    // A same-length mask keeps the name's underscores where the scan read spaces.
    const suggestion = f.suggestion.length === text.length ? [...f.suggestion].map((c, i) => (c === ' ' && text[i] === '_' ? '_' : c)).join('') : f.suggestion;
    return { ...f, text, suggestion };
  });
}

import { DomainError } from '../../../shared/domain-error.ts';
import { decodePlainText, looksBinary } from './decode-plain-text.ts';
import { docxToText } from './docx-to-text.ts';
import { htmlToText } from './html-to-text.ts';
import { NoTextLayerError, pdfToText } from './pdf-to-text.ts';
import { unreadableFile } from './unreadable-file.ts';
import { xlsxToText } from './xlsx-to-text.ts';

export type ExtractedText = { text: string; format: string };

export const SUPPORTED_EXTENSIONS = ['txt', 'html', 'htm', 'docx', 'xlsx', 'pdf'] as const;

const LEGACY_HINT: Record<string, string> = {
  doc: '旧版 Word（.doc）格式暂不支持，请另存为 .docx 后再扫描',
  xls: '旧版 Excel（.xls）格式暂不支持，请另存为 .xlsx 后再扫描',
  wps: 'WPS 文字（.wps）格式暂不支持，请另存为 .docx 后再扫描',
  et: 'WPS 表格（.et）格式暂不支持，请另存为 .xlsx 后再扫描',
  ofd: 'OFD 版式文件暂不支持，请提供 PDF（含文字层）或 .docx',
};

/**
 * The text the scanner reads from a file, by its extension. Findings' offsets point into this text.
 * A file that cannot be read throws ERR_PRIVACY_UNREADABLE_FILE: an attachment that was not scanned
 * must never pass as clean.
 */
export async function extractText(bytes: Uint8Array, fileName: string): Promise<ExtractedText> {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    throw unreadableFile(fileName, LEGACY_HINT[ext] ?? `不支持的文件类型${ext ? `“.${ext}”` : '（没有扩展名）'}，支持 .txt、.html、.docx、.xlsx、.pdf`);
  }
  if (bytes.length === 0) throw unreadableFile(fileName, '文件为空');
  try {
    switch (ext) {
      case 'txt':
        if (looksBinary(bytes)) throw new Error('内容不是文本（含二进制数据）');
        return { text: decodePlainText(bytes).text, format: 'txt' };
      case 'html':
      case 'htm':
        return { text: htmlToText(decodePlainText(bytes).text), format: 'html' };
      case 'docx':
        return { text: docxToText(bytes), format: 'docx' };
      case 'xlsx':
        return { text: xlsxToText(bytes), format: 'xlsx' };
      default:
        if (!startsWith(bytes, '%PDF-')) throw new Error('不是有效的 PDF 文件');
        return { text: await pdfToText(bytes), format: 'pdf' };
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    if (e instanceof NoTextLayerError) throw unreadableFile(fileName, e.message);
    const why = e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : '文件已损坏或加密';
    throw unreadableFile(fileName, why);
  }
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return true;
}

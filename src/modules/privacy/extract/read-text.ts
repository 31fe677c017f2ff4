import { decodePlainText, looksBinary } from './decode-plain-text.ts';
import { docxToText } from './docx-to-text.ts';
import { ExtractionLimitError, type ExtractionLimits } from './extraction-limits.ts';
import { htmlToText } from './html-to-text.ts';
import { NoTextLayerError, pdfToText } from './pdf-to-text.ts';
import { xlsxToText } from './xlsx-to-text.ts';

export type ReadOutcome = { ok: true; text: string; format: string } | { ok: false; why: string };

/**
 * Reads the text of a file of a supported extension, in the thread it is called on (the extraction
 * worker). Never throws: a file it cannot read, or one over a budget, comes back with the reason.
 */
export async function readText(bytes: Uint8Array, ext: string, limits: ExtractionLimits): Promise<ReadOutcome> {
  try {
    const { text, format } = await textOf(bytes, ext, limits);
    if (text.length > limits.maxTextChars) throw new ExtractionLimitError(`文字超过扫描上限 ${limits.maxTextChars} 字`);
    return { ok: true, text, format };
  } catch (e) {
    if (e instanceof ExtractionLimitError) return { ok: false, why: `超出扫描限制：${e.message}` };
    if (e instanceof NoTextLayerError) return { ok: false, why: e.message };
    if (e instanceof RangeError && /allocation|Array buffer/i.test(e.message)) return { ok: false, why: '超出扫描限制：内存不足' };
    return { ok: false, why: e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : '文件已损坏或加密' };
  }
}

async function textOf(bytes: Uint8Array, ext: string, limits: ExtractionLimits): Promise<{ text: string; format: string }> {
  switch (ext) {
    case 'txt':
      if (looksBinary(bytes)) throw new Error('内容不是文本（含二进制数据）');
      return { text: decodePlainText(bytes).text, format: 'txt' };
    case 'html':
    case 'htm':
      return { text: htmlToText(decodePlainText(bytes).text), format: 'html' };
    case 'docx':
      return { text: docxToText(bytes, limits), format: 'docx' };
    case 'xlsx':
      return { text: xlsxToText(bytes, limits), format: 'xlsx' };
    default:
      if (!startsWith(bytes, '%PDF-')) throw new Error('不是有效的 PDF 文件');
      return { text: await pdfToText(bytes, limits), format: 'pdf' };
  }
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return true;
}

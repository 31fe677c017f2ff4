import { getDocumentProxy } from 'unpdf';
import { DEFAULT_EXTRACTION_LIMITS, ExtractionLimitError, type ExtractionLimits } from './extraction-limits.ts';

export class NoTextLayerError extends Error {}

/**
 * The text layer of a PDF, pages separated by a newline. A scanned PDF has none and is refused.
 * Pages are read one after another within the page and text budgets (a small PDF whose pages share
 * one large content stream expands enormously; see extraction-limits.ts).
 */
export async function pdfToText(bytes: Uint8Array, limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS): Promise<string> {
  // pdf.js takes ownership of the buffer it is given; keep the caller's bytes intact.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    if (pdf.numPages > limits.maxPdfPages) throw new ExtractionLimitError(`PDF 共 ${pdf.numPages} 页，超过扫描上限 ${limits.maxPdfPages} 页`);
    const pages: string[] = [];
    let chars = 0;
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      page.cleanup();
      chars += text.length;
      if (chars > limits.maxTextChars) throw new ExtractionLimitError(`PDF 的文字超过扫描上限 ${limits.maxTextChars} 字（读到第 ${i} 页）`);
      pages.push(text);
    }
    const joined = pages.join('\n');
    if (joined.trim() === '') throw new NoTextLayerError('没有文字层（可能是扫描件或图片），无法自动扫描，请提供可复制文字的版本或人工逐页审查');
    return joined;
  } finally {
    await pdf.loadingTask.destroy();
  }
}

import { extractText, getDocumentProxy } from 'unpdf';

export class NoTextLayerError extends Error {}

/** The text layer of a PDF, pages separated by a newline. A scanned PDF has none and is refused. */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  // pdf.js takes ownership of the buffer it is given; keep the caller's bytes intact.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    const joined = text.join('\n');
    if (joined.trim() === '') throw new NoTextLayerError('没有文字层（可能是扫描件或图片），无法自动扫描，请提供可复制文字的版本或人工逐页审查');
    return joined;
  } finally {
    await pdf.loadingTask.destroy();
  }
}

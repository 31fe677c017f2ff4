import PDFDocument from 'pdfkit';

const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** A PDF with a text layer: one text line per entry, `pageBreak` between pages. An empty list gives a page with only a drawing. */
export async function buildPdf(lines: (string | { pageBreak: true })[], options: { cjk?: boolean } = {}): Promise<Uint8Array> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  if (options.cjk) doc.registerFont('cjk', CJK_FONT, 'NotoSansCJKsc-Regular').font('cjk');
  if (lines.length === 0) doc.rect(50, 50, 200, 100).fill('#333333');
  for (const line of lines) {
    if (typeof line === 'string') doc.text(line);
    else doc.addPage();
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The PDF's Chinese font comes from an npm package (docs/adr/0005-document-rendering.md), never from
 * the OS, so every machine that ran `npm install` renders the same glyphs. Noto Serif SC is a 宋体-style
 * face, the closest free relative of the 仿宋/宋体 that 公文 are set in. pdfkit embeds a subset.
 */
const FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;

export const PDF_FONT = { regular: 'doc-regular', bold: 'doc-bold' } as const;

let loaded: { regular: Buffer; bold: Buffer } | undefined;

/** Reads the two font files once per process (about 15 MB each); each PDF parses and subsets them. */
export function documentFontFiles(): { regular: Buffer; bold: Buffer } {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    loaded = { regular: readFileSync(require.resolve(FILES.regular)), bold: readFileSync(require.resolve(FILES.bold)) };
  }
  return loaded;
}

export function registerDocumentFonts(pdf: PDFKit.PDFDocument): void {
  const files = documentFontFiles();
  pdf.registerFont(PDF_FONT.regular, files.regular);
  pdf.registerFont(PDF_FONT.bold, files.bold);
}

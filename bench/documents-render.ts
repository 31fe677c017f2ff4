/**
 * Render time of a 30-page annual report in each format (HTML, DOCX, PDF with the embedded CJK
 * font): one warm-up render, then 10 timed renders each; prints ms per document. Never asserts a time.
 *   node --import tsx bench/documents-render.ts [--runs 10] [--sections 10]
 */
import { performance } from 'node:perf_hooks';
import { renderDocumentDocx, renderDocumentHtml, renderDocumentPdf } from '../src/platform/documents/index.ts';
import { buildLongReport } from '../src/platform/documents/testing/build-sample-document.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 10);
const doc = buildLongReport(arg('sections', 10));

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

async function time(label: string, render: () => Promise<Buffer | string>): Promise<Buffer | string> {
  let out = await render(); // warm-up: module load, font file read, JIT
  const start = performance.now();
  for (let i = 0; i < runs; i++) out = await render();
  const ms = (performance.now() - start) / runs;
  console.log(`${label.padEnd(5)} ${ms.toFixed(1).padStart(8)} ms/document  ${(out.length / 1024).toFixed(0).padStart(6)} KB`);
  return out;
}

console.log(`annual report: ${doc.blocks.length} blocks, ${runs} runs per format`);
await time('html', async () => renderDocumentHtml(doc));
await time('docx', () => renderDocumentDocx(doc));
const pdf = await time('pdf', () => renderDocumentPdf(doc));
console.log(`pdf pages: ${pdfPages(pdf as Buffer)}`);

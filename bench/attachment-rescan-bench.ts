/**
 * A returned draft saved again with unchanged files: the time to read its attachments' texts the first
 * time (extraction) and again (the texts read lately, by SHA-256; scan-publication.ts), for three text PDFs of
 * about 1 MB each by default (under the 1,000-page limit; a loaded machine needs --mb 0.3 to stay within the 30 s per file), and that both give the same texts. Never asserts a time.
 *   node --import tsx bench/attachment-rescan-bench.ts [--files 3] [--mb 1]
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTestDatabase } from '../test/support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, system } from '../test/support/factories.ts';
import { buildPdf } from '../test/corpus/privacy/factories/build-pdf.ts';
import { addAttachment } from '../src/modules/catalog/index.ts';
import { extractText } from '../src/modules/privacy/index.ts';
import { readAttachmentTexts } from '../src/modules/review/use-cases/scan-publication.ts';

const arg = (name: string, d: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || d;
const files = arg('files', 3);
const mb = arg('mb', 1);

const db = await createTestDatabase('sqlite');
try {
  const deps = buildDeps(db);
  const organ = await createOrgan(deps);
  const draft = await createDraft(deps, organ.id, [await createNode(deps, organ.id)]);
  for (let f = 0; f < files; f++) {
    const lines: string[] = [];
    let pdf: Uint8Array = new Uint8Array();
    // Grows the document until the PDF is about `mb` MB.
    for (let n = 2000; pdf.length < mb * 1024 * 1024; n = Math.ceil(n * 1.2)) {
      while (lines.length < n) lines.push(`第${f + 1}号文件第${lines.length + 1}行：本年度全县共实施老旧小区改造项目12个，惠及居民3865户，完成投资2.36亿元。联系人王某，电话1391234${String(lines.length % 10000).padStart(4, '0')}。`);
      pdf = await buildPdf(lines);
    }
    await addAttachment(deps, system, draft.id, { fileName: `名单${f + 1}.pdf`, bytes: Buffer.from(pdf) });
    console.log(`名单${f + 1}.pdf: ${(pdf.length / 1024 / 1024).toFixed(2)} MB`);
  }
  const timed = async () => {
    const t = performance.now();
    const texts = await readAttachmentTexts(deps, draft.id);
    if ([...texts.values()].some((r) => 'error' in r)) throw new Error(JSON.stringify([...texts.values()].filter((r) => 'error' in r)));
    return { ms: performance.now() - t, texts: JSON.stringify([...texts.values()]) };
  };
  const pdfs: Uint8Array[] = [];
  const first = await timed();
  const again = await timed();
  // What every save cost before: each file extracted again (the extraction workers already started).
  for (const a of await deps.db.selectFrom('attachments').select(['storage_key']).where('publication_id', '=', draft.id).execute()) {
    pdfs.push(new Uint8Array(fs.readFileSync(path.join(deps.dataDir, 'attachments', a.storage_key))));
  }
  const t = performance.now();
  for (const [n, pdf] of pdfs.entries()) await extractText(pdf, `名单${n + 1}.pdf`);
  const reextracted = performance.now() - t;
  console.log(`first read: ${first.ms.toFixed(0)} ms; again, files unchanged: ${again.ms.toFixed(0)} ms (extracted again, as before: ${reextracted.toFixed(0)} ms); same texts: ${first.texts === again.texts}`);
  fs.rmSync(path.join(deps.dataDir, 'attachments'), { recursive: true, force: true });
} finally {
  await db.drop();
}
process.exit(0);

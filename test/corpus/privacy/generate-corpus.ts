/**
 * Builds the labelled corpus of the privacy scanner and writes cases.jsonl beside this file.
 * Deterministic: every case has its own seeded generator, so the output is the same on every run.
 *   node --import tsx test/corpus/privacy/generate-corpus.ts
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CorpusCase } from './corpus-case.ts';
import { docxCase, htmlCase, pdfCase, pdfRosterCase, xlsxCase } from './document-cases.ts';
import { HANDWRITTEN } from './handwritten-cases.ts';
import { parseMarkup } from './markup.ts';
import { NEAR_MISS_TEMPLATES, NEGATIVE_TEMPLATES } from './negative-cases.ts';
import { PROSE_TEMPLATES } from './prose-cases.ts';
import { createRng, type Rng } from './random-values.ts';
import { rosterCases } from './roster-cases.ts';
import { NEGATIVE_TABLE_TEMPLATES, TABLE_TEMPLATES } from './table-cases.ts';

export const CASES_FILE = fileURLToPath(new URL('./cases.jsonl', import.meta.url));

function seedOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

function fromTemplates(group: string, templates: ((r: Rng) => string)[], perTemplate: number, source: CorpusCase['source'], kind: CorpusCase['kind']): CorpusCase[] {
  const out: CorpusCase[] = [];
  templates.forEach((template, t) => {
    for (let n = 1; n <= perTemplate; n++) {
      const id = `${group}-${t + 1}-${n}`;
      const { text, expected } = parseMarkup(template(createRng(seedOf(id))));
      out.push({ id, source, kind, text, expected });
    }
  });
  return out;
}

async function fromDocuments(group: string, build: (r: Rng) => Promise<{ text: string; expected: CorpusCase['expected'] }>, count: number, source: CorpusCase['source']): Promise<CorpusCase[]> {
  const out: CorpusCase[] = [];
  for (let n = 1; n <= count; n++) {
    const id = `${group}-${n}`;
    const { text, expected } = await build(createRng(seedOf(id)));
    out.push({ id, source, kind: 'positive', text, expected });
  }
  return out;
}

export async function buildCorpus(): Promise<CorpusCase[]> {
  const handwritten = HANDWRITTEN.map(({ marked, source }, i): CorpusCase => {
    const { text, expected } = parseMarkup(marked);
    return { id: `hand-${i + 1}`, source: source ?? 'prose', kind: expected.length > 0 ? 'positive' : 'negative', text, expected };
  });
  return [
    ...handwritten,
    ...fromTemplates('prose', PROSE_TEMPLATES, 12, 'prose', 'positive'),
    ...fromTemplates('table', TABLE_TEMPLATES, 10, 'table', 'positive'),
    ...fromTemplates('negative', NEGATIVE_TEMPLATES, 8, 'prose', 'negative'),
    ...fromTemplates('negative-table', NEGATIVE_TABLE_TEMPLATES, 6, 'table', 'negative'),
    ...fromTemplates('near-miss', NEAR_MISS_TEMPLATES, 8, 'prose', 'near_miss'),
    ...(await fromDocuments('docx', docxCase, 20, 'docx')),
    ...(await fromDocuments('xlsx', xlsxCase, 20, 'xlsx')),
    ...(await fromDocuments('html', htmlCase, 12, 'html')),
    ...(await fromDocuments('pdf', pdfCase, 6, 'pdf')),
    ...(await fromDocuments('pdf-roster', pdfRosterCase, 4, 'pdf')),
    ...(await rosterCases()),
  ];
}

export const toJsonl = (cases: CorpusCase[]): string => cases.map((c) => JSON.stringify(c)).join('\n') + '\n';

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cases = await buildCorpus();
  await writeFile(CASES_FILE, toJsonl(cases));
  console.log(`已生成 ${cases.length} 个标注样例：${CASES_FILE}`);
}

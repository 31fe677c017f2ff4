import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DocBlock, DocumentModel } from './document-model.ts';
import { renderDocumentDocx } from './render-docx.ts';
import { buildSampleDocument, registerCellText, SAMPLE_TITLE } from './testing/build-sample-document.ts';

async function unpack(doc: DocumentModel): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await renderDocumentDocx(doc)));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** Each <w:tbl> as its grid column count and, per row, the columns its cells cover (gridSpan counted). */
function tables(xml: string): { gridColumns: number; rowWidths: number[]; xml: string }[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([whole, inner]) => ({
    xml: whole,
    gridColumns: (inner.match(/<w:gridCol /g) ?? []).length,
    rowWidths: [...inner.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, row]) =>
      [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].reduce((sum, [, cell]) => sum + Number(/<w:gridSpan w:val="(\d+)"/.exec(cell)?.[1] ?? 1), 0),
    ),
  }));
}

const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;
const spannedRows = (block: Extract<DocBlock, { kind: 'table' }>) =>
  [...block.header, ...block.rows].flat().reduce((sum, c) => sum + (c.rowSpan ?? 1) - 1, 0);

describe('renderDocumentDocx', async () => {
  const doc = buildSampleDocument();
  const files = await unpack(doc);
  const xml = files['word/document.xml'];
  const [fields, annual, register] = tables(xml);
  const annualBlock = doc.blocks.find((b) => b.kind === 'table' && b.caption?.startsWith('三、')) as Extract<DocBlock, { kind: 'table' }>;
  const registerBlock = doc.blocks.find((b) => b.kind === 'table' && b.caption === '政府信息公开申请登记表') as Extract<DocBlock, { kind: 'table' }>;

  it('writes the Chinese text of the title, body, tables and signature', () => {
    expect(xml).toContain(`<w:t xml:space="preserve">${SAMPLE_TITLE}</w:t>`);
    expect(xml).toContain('三、本年度办理结果');
    expect(xml).toContain(registerCellText(63));
    expect(xml).toContain('霍山县住房和城乡建设局</w:t>');
    expect(files['docProps/core.xml']).toContain(`<dc:title>${SAMPLE_TITLE}</dc:title>`);
  });

  it('merges cells across columns (gridSpan) and rows (vMerge) so every row fills the grid', () => {
    expect(annual.gridColumns).toBe(10);
    expect(annual.rowWidths).toEqual(Array(3 + 25).fill(10));
    expect(register.rowWidths).toEqual(Array(2 + 64).fill(6));
    expect(annual.xml).toContain('<w:gridSpan w:val="7"/>');
    expect(annual.xml).toContain('<w:gridSpan w:val="3"/>');
    expect(count(annual.xml, /<w:vMerge w:val="continue"\/>/g)).toBe(spannedRows(annualBlock));
    expect(count(register.xml, /<w:vMerge w:val="continue"\/>/g)).toBe(spannedRows(registerBlock));
    // The 22-row cell starts a merge that the next 21 rows continue in their first column.
    const rows = [...annual.xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, r]) => r);
    const start = rows.findIndex((r) => r.includes('三、本年度办理结果'));
    expect(rows[start]).toContain('<w:vMerge w:val="restart"/>');
    for (const r of rows.slice(start + 1, start + 22)) expect(r.match(/<w:tc>[\s\S]*?<\/w:tc>/)![0]).toContain('<w:vMerge w:val="continue"/>');
    expect(rows[start + 22]).not.toContain('<w:vMerge');
  });

  it('gives a field label without a colon its full-width colon, and leaves one that has it alone', async () => {
    const fieldsOnly = await unpack({ title: '回执', blocks: [{ kind: 'fields', items: [{ label: '申请编号', value: 'QLX-2026-00001' }, { label: '申请人：', value: '王某' }] }] });
    const text = [...fieldsOnly['word/document.xml'].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(text).toEqual(expect.arrayContaining(['申请编号：', 'QLX-2026-00001', '申请人：', '王某']));
    expect(text).not.toContain('申请人：：');
  });

  it('repeats the header rows on each page and draws full borders; fields have none', () => {
    expect(count(annual.xml, /<w:tblHeader\/>/g)).toBe(3);
    expect(count(register.xml, /<w:tblHeader\/>/g)).toBe(2);
    expect(annual.xml).toMatch(/<w:insideH w:val="single"/);
    expect(annual.xml).toMatch(/<w:insideV w:val="single"/);
    expect(fields.xml).toMatch(/<w:insideH w:val="none"/);
  });

  it('sets 公文 fonts for Chinese: 仿宋 body, 宋体 title, 黑体 and 楷体 headings', () => {
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="FangSong"/);
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="SimSun"[^>]*\/><w:b\/>/);
    expect(xml).toMatch(/w:eastAsia="SimHei"[\s\S]*?一、总体情况/);
    expect(xml).toMatch(/w:eastAsia="KaiTi"[\s\S]*?（一）主动公开情况/);
    expect(xml).toContain('<w:sz w:val="32"/>'); // 三号, 16 pt
    expect(xml).toMatch(/<w:ind w:firstLine="640" w:firstLineChars="200"\/>/);
  });

  it('lays out A4 portrait with 第 N 页 共 M 页 in the footer', () => {
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    const footer = files['word/footer1.xml'];
    expect(footer).toContain('第 </w:t>');
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });

  it('turns the page when the document asks for landscape', async () => {
    const landscape = await unpack(buildSampleDocument({ orientation: 'landscape', registerRows: 4 }));
    expect(landscape['word/document.xml']).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
  });

  it('sets a letter that keeps to one sheet at 27 lines a page, the title at its own height (found by an outside tester: a receipt on two pages)', async () => {
    const letter = (oneSheet: boolean): DocumentModel => ({ title: 't', oneSheet, blocks: [{ kind: 'title', text: '回执' }, { kind: 'paragraph', text: '正文', indent: true }, { kind: 'signature', lines: ['机关', '（印章）', '2026年12月15日'] }] });
    const tight = (await unpack(letter(true)))['word/document.xml'];
    const normal = (await unpack(letter(false)))['word/document.xml'];
    // 225 mm / 22 lines = 29.0 pt (580 twips); 0.8 of it 23.2 pt (464 twips).
    expect(count(normal, /w:line="580"/g)).toBe(5);
    expect(count(tight, /w:line="464"/g)).toBe(4);
    expect(count(tight, /w:line="580"/g)).toBe(1);
  });
});

import { strToU8, zipSync } from 'fflate';

/** A paragraph (string) or a table (rows of cells; a cell may hold several paragraphs). */
export type DocxBlock = string | (string | string[])[][];

export type DocxSpec = {
  blocks: DocxBlock[];
  header?: string;
  footer?: string;
  /** Text of comments attached to the document. */
  comments?: string[];
  /** Text deleted with track changes still on. */
  deleted?: string;
};

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Runs split at tabs the way Word writes them (<w:tab/>), with the paragraph properties Word adds. */
function paragraph(text: string): string {
  const runs = text
    .split('\t')
    .map((part, i) => `${i > 0 ? '<w:r><w:tab/></w:r>' : ''}${part ? `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${esc(part)}</w:t></w:r>` : ''}`)
    .join('');
  return `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${runs}</w:p>`;
}

function table(rows: (string | string[])[][]): string {
  const trs = rows
    .map((cells) => `<w:tr>${cells.map((c) => `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/></w:tcPr>${(Array.isArray(c) ? c : [c]).map(paragraph).join('')}</w:tc>`).join('')}</w:tr>`)
    .join('');
  return `<w:tbl><w:tblPr/>${trs}</w:tbl>`;
}

export function buildDocx(spec: DocxSpec): Uint8Array {
  const body = spec.blocks.map((b) => (typeof b === 'string' ? paragraph(b) : table(b))).join('');
  const deleted = spec.deleted
    ? `<w:p><w:del w:id="1" w:author="x"><w:r><w:delText>${esc(spec.deleted)}</w:delText></w:r></w:del></w:p>`
    : '';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}${deleted}<w:sectPr/></w:body></w:document>`,
    ),
  };
  if (spec.header !== undefined) files['word/header1.xml'] = strToU8(`<?xml version="1.0"?><w:hdr ${W}>${paragraph(spec.header)}</w:hdr>`);
  if (spec.footer !== undefined) files['word/footer1.xml'] = strToU8(`<?xml version="1.0"?><w:ftr ${W}>${paragraph(spec.footer)}</w:ftr>`);
  if (spec.comments) {
    const cs = spec.comments.map((c, i) => `<w:comment w:id="${i}" w:author="审核人">${paragraph(c)}</w:comment>`).join('');
    files['word/comments.xml'] = strToU8(`<?xml version="1.0"?><w:comments ${W}>${cs}</w:comments>`);
  }
  return zipSync(files);
}

import { describe, expect, it } from 'vitest';
import { DOCUMENT_CSS } from './document-css.ts';
import type { DocumentModel } from './document-model.ts';
import { renderDocumentHtml } from './render-html.ts';
import { buildSampleDocument, SAMPLE_TITLE } from './testing/build-sample-document.ts';

describe('renderDocumentHtml', () => {
  const html = renderDocumentHtml(buildSampleDocument());

  it('renders every block kind of the sample as 公文 markup', () => {
    expect(html).toMatch(/^<article class="document" lang="zh-CN"/);
    expect(html).toContain(`<h1 class="doc-title">${SAMPLE_TITLE}</h1>`);
    expect(html).toContain('<p class="doc-subtitle">霍建〔2026〕18号</p>');
    expect(html).toContain('<h2 class="doc-heading doc-heading--1">一、总体情况</h2>');
    expect(html).toContain('<h3 class="doc-heading doc-heading--2">（一）主动公开情况</h3>');
    expect(html).toMatch(/<p class="doc-paragraph doc-indent">根据《中华人民共和国政府信息公开条例》/);
    expect(html).toContain('<p class="doc-paragraph doc-align-right doc-bold">单位：件</p>');
    expect(html).toContain('<div><dt>申请编号：</dt><dd>YSQ-2026-000123</dd></div>');
    expect(html).toContain('<hr class="doc-page-break" aria-hidden="true">');
    expect(html).toContain('<div class="doc-signature"><p>霍山县住房和城乡建设局</p><p>（印章）</p><p>2026年1月20日</p></div>');
  });

  it('marks a letter that keeps to one sheet, which prints at 27 lines a page (found by an outside tester: a receipt on two pages)', () => {
    expect(renderDocumentHtml({ title: 't', oneSheet: true, blocks: [] })).toMatch(/^<article class="document document--one-sheet"/);
    expect(renderDocumentHtml({ title: 't', blocks: [] })).toMatch(/^<article class="document"/);
    expect(DOCUMENT_CSS).toMatch(/@media print \{[^@]*\.document--one-sheet \{ line-height: 23\.\d+pt; \}/);
  });

  it('keeps a number joined by non-breaking hyphens on one line, written with a plain hyphen (found by an outside tester: 0564- / 5022106)', () => {
    const out = renderDocumentHtml({ title: 't', blocks: [{ kind: 'paragraph', text: '咨询电话：0564\u20115022106。', indent: true }] });
    expect(out).toContain('咨询电话：<span class="doc-nobr">0564-5022106</span>。');
    expect(DOCUMENT_CSS).toMatch(/\.doc-nobr \{[^}]*white-space: nowrap/);
  });

  it('separates the label of a field from its value, also as plain text (found by an outside tester: 收到申请日期2026年12月6日)', () => {
    const out = renderDocumentHtml({ title: 't', blocks: [{ kind: 'fields', items: [{ label: '收到申请日期', value: '2026年12月6日' }, { label: '申请编号：', value: 'X-1' }] }] });
    expect(out).toContain('<div><dt>收到申请日期：</dt><dd>2026年12月6日</dd></div>');
    expect(out.replace(/<[^>]+>/g, '')).toContain('收到申请日期：2026年12月6日');
    expect(out).toContain('<dt>申请编号：</dt>');
    expect(DOCUMENT_CSS).toMatch(/\.doc-fields \{[^}]*column-gap/);
  });

  it('writes no style attribute: the Content-Security-Policy allows none, so layout is said by classes and col widths', () => {
    expect(html).not.toMatch(/ style=/);
    // Each count a class names has its rule (a table wider than the rules reads as the widest).
    expect(DOCUMENT_CSS).toContain('.doc-columns-10 { --doc-columns: 10; }');
    expect(DOCUMENT_CSS).toContain('.doc-labels-3 { --doc-labels: 3; }');
    expect(DOCUMENT_CSS).toContain('.doc-label-at-2 { --label-col: 2; }');
    const wide = renderDocumentHtml({ title: 't', blocks: [{ kind: 'table', header: [], rows: [Array.from({ length: 70 }, (_, i) => ({ text: String(i) }))] }] });
    expect(wide).toContain('<table class="doc-table doc-columns-60">');
    expect(DOCUMENT_CSS).toContain('.doc-columns-60 { --doc-columns: 60; }');
  });

  it('keeps the merged cells and grouped headers of the annual report table', () => {
    expect(html).toContain('<caption>三、收到和处理政府信息公开申请情况</caption>');
    expect(html).toContain('<th scope="colgroup" colspan="7" class="doc-align-center doc-bold">申请人情况</th>');
    expect(html).toContain('<td rowspan="22" class="doc-align-left doc-row-label">三、本年度办理结果</td>');
    expect(html).toContain('<td rowspan="8" class="doc-align-left doc-row-label doc-label-at-1">（三）不予公开</td>');
    const annual = html.slice(html.indexOf('<caption>三、'), html.indexOf('</table>'));
    expect(annual.match(/<col( class="[^"]*")? width="/g)).toHaveLength(10);
    expect(annual.slice(annual.indexOf('<thead>'), annual.indexOf('</thead>')).match(/<tr>/g)).toHaveLength(3);
    const widths = [...annual.matchAll(/<col[^>]* width="([\d.]+)%"/g)].map((m) => Number(m[1]));
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 1);
  });

  it('marks the row labels (the columns under the header’s corner cell), which stay in view while a phone scrolls the table', () => {
    const annual = html.slice(html.indexOf('<caption>三、'), html.indexOf('</table>'));
    expect(annual.match(/<col class="doc-label-col[^"]*"/g)).toEqual(['<col class="doc-label-col"', '<col class="doc-label-col"', '<col class="doc-label-col doc-label-last"']);
    // Each body row has exactly one label reaching the last label column (the edge) and no figure marked.
    const rows = annual.slice(annual.indexOf('<tbody>')).split('<tr>').slice(1);
    expect(rows).toHaveLength(25);
    for (const row of rows) expect(row.match(/doc-row-label-end/g)).toHaveLength(1);
    expect(annual).toContain('<td class="doc-align-left doc-row-label doc-row-label-end doc-label-at-2">1.属于国家秘密</td>');
    expect(annual).not.toMatch(/doc-align-center doc-row-label/);
    // A table under a one-row-deep corner (the register's 承办机构) has one label column; no header, none.
    const register = html.slice(html.indexOf('<caption>政府信息公开申请登记表'));
    expect(register.match(/<col class="doc-label-col[^"]*"/g)).toEqual(['<col class="doc-label-col doc-label-last"']);
    const noHeader = renderDocumentHtml({ title: 't', blocks: [{ kind: 'table', header: [], rows: [[{ text: 'a' }, { text: '1' }]] }] });
    expect(noHeader).not.toContain('doc-row-label');
    expect(DOCUMENT_CSS).toMatch(/\.doc-row-label \{[^}]*position: sticky; left: calc\(var\(--label-col, 0\) \* var\(--doc-label-w\)\)[^}]*background/);
  });

  it('marks the label columns the model names, and no cell reaching into the figures (a heading row across the table)', () => {
    const out = renderDocumentHtml({ title: 't', blocks: [{ kind: 'table', labelColumns: 1, header: [], rows: [
      [{ text: '第二十条第（一）项', colSpan: 3 }], [{ text: '信息内容' }, { text: '本年制发件数' }, { text: '现行有效件数' }], [{ text: '规章' }, { text: '1' }, { text: '2' }],
    ] }] });
    expect(out).toContain('<col class="doc-label-col doc-label-last"');
    expect(out).toContain('<td colspan="3" class="doc-align-left">第二十条第（一）项</td>');
    expect(out).toContain('<td class="doc-align-left doc-row-label doc-row-label-end">规章</td>');
    expect(out).toContain('<table class="doc-table doc-columns-3 doc-labels-1">');
  });

  it('names each table’s frame by its caption or the heading above it, each name once, without promising a scroll', () => {
    const table = (caption?: string) => ({ kind: 'table' as const, caption, header: [], rows: [[{ text: '1' }]] });
    const out = renderDocumentHtml({ title: 't', blocks: [
      table(), { kind: 'heading', level: 1, text: '二、主动公开' }, table(), table(), table('三、申请情况'), table(),
    ] });
    const names = [...out.matchAll(/class="doc-table-scroll" tabindex="0" role="region" aria-label="([^"]*)"/g)].map((m) => m[1]);
    expect(names).toEqual(['表格', '二、主动公开', '二、主动公开（表3）', '三、申请情况', '二、主动公开（表5）']);
  });

  it('escapes every text, so markup in the model stays text', () => {
    const hostile = '<script>alert("x")</script> & \'q\'';
    const doc: DocumentModel = {
      title: hostile,
      blocks: [
        { kind: 'title', text: hostile },
        { kind: 'paragraph', text: hostile },
        { kind: 'fields', items: [{ label: hostile, value: hostile }] },
        { kind: 'table', caption: hostile, header: [[{ text: hostile }]], rows: [[{ text: hostile }]] },
        { kind: 'signature', lines: [hostile] },
      ],
    };
    const out = renderDocumentHtml(doc);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('"x"');
    expect(out.match(/&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &#39;q&#39;/g)).toHaveLength(10); // the article's and the table frame's aria-labels and eight texts
  });

  it('turns line breaks inside a field’s value into <br> and marks a landscape document', () => {
    const out = renderDocumentHtml({ title: 't', orientation: 'landscape', blocks: [{ kind: 'fields', items: [{ label: '申请内容', value: '第一行\n第二行' }] }] });
    expect(out).toContain('class="document document--landscape"');
    expect(out).toContain('第一行<br>第二行');
  });

  it('refuses a malformed table instead of printing a broken one', () => {
    const doc: DocumentModel = { title: 't', blocks: [{ kind: 'table', header: [[{ text: 'a' }, { text: 'b' }]], rows: [[{ text: 'c' }]] }] };
    expect(() => renderDocumentHtml(doc)).toThrow(/应为 2 列/);
  });
});

describe('DOCUMENT_CSS', () => {
  it('prints on A4 with 公文 margins, full table borders and a landscape page', () => {
    expect(DOCUMENT_CSS).toContain('@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; }');
    expect(DOCUMENT_CSS).toContain('@page document-landscape { size: A4 landscape;');
    expect(DOCUMENT_CSS).toMatch(/@media print \{[\s\S]*break-after: page/);
    expect(DOCUMENT_CSS).toContain('border-collapse: collapse');
    expect(DOCUMENT_CSS).toMatch(/\.doc-table th, \.document \.doc-table td \{\s*border: 0\.75pt solid #000/);
    expect(DOCUMENT_CSS).toContain('.document .doc-indent { text-indent: 2em; }');
  });
});

import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from '../../../platform/views/sanitize-rich-text.ts';
import { holdsHtml, importedBodyHtml, plainTextParagraphs } from './plain-text-body.ts';

// Found by an outside tester: a 正文 cell typed with Alt+Enter came out on the portal as one run-on line.
describe('a 正文 cell of plain text', () => {
  it('becomes one paragraph per non-empty line, as the editor makes them', () => {
    expect(importedBodyHtml('第一段内容。\n第二段内容。\n\n第三段内容。')).toBe('<p>第一段内容。</p><p>第二段内容。</p><p>第三段内容。</p>');
    expect(importedBodyHtml('各有关单位：\r\n　　请开展排查。\r\n\r\n')).toBe('<p>各有关单位：</p><p>请开展排查。</p>');
    expect(importedBodyHtml('只有一段')).toBe('<p>只有一段</p>');
    expect(importedBodyHtml('  \n \n')).toBe('');
    expect(importedBodyHtml('')).toBe('');
  });

  it('is escaped: a < or & of the text never becomes markup', () => {
    expect(importedBodyHtml('面积1<2的\n<附件1>见后 A&B')).toBe('<p>面积1&lt;2的</p><p>&lt;附件1&gt;见后 A&amp;B</p>');
    expect(importedBodyHtml('a <script >x')).toBe('a <script >x'); // a tag of an element is markup, left to the allowlist
    expect(sanitizeRichText(importedBodyHtml('x<y 且 y>z\n第二行'))).toBe('<p>x&lt;y 且 y&gt;z</p><p>第二行</p>');
  });

  it('an HTML 正文 is taken as it is, to pass the allowlist as before', () => {
    for (const html of ['<p>第一段</p>\n<p>第二段</p>', '第一段<br>第二段', '<P CLASS="x">段</P>', '文字<br/>', '<table><tr><td>1</td></tr></table>', '甲 &amp; 乙', '&#9733;秘密', '<!-- x -->文字', '<o:p></o:p>']) {
      expect(holdsHtml(html)).toBe(true);
      expect(importedBodyHtml(html)).toBe(html);
    }
  });

  it('tells text from markup by the name of an HTML element, not by a < alone', () => {
    for (const text of ['1<2', '面积<50平方米且>30平方米', '<附件1>', '<<中华人民共和国住房法>>', 'A&B', 'a < p > b', '<pre-sale>', '&copy 2026']) {
      expect(holdsHtml(text)).toBe(false);
    }
    expect(plainTextParagraphs('<pre-sale>')).toBe('<p>&lt;pre-sale&gt;</p>');
  });
});

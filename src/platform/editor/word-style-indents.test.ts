import { describe, expect, it } from 'vitest';
import { styleIndentsOf, withCharacterIndents } from './word-style-indents.ts';

const xml = (defaults: string, styles: string) =>
  `<w:styles><w:docDefaults><w:pPrDefault>${defaults}</w:pPrDefault></w:docDefaults>${styles}</w:styles>`;
const style = (id: string, body: string, isDefault = false) =>
  `<w:style w:type="paragraph"${isDefault ? ' w:default="1"' : ''} w:styleId="${id}"><w:name w:val="${id}"/>${body}</w:style>`;

describe('the first-line indent of Word’s paragraph styles', () => {
  it('follows basedOn to the document defaults, reads firstLineChars as Chinese Word writes it, and takes a hanging indent as none', () => {
    const s = styleIndentsOf(xml('<w:pPr><w:ind w:firstLine="420"/></w:pPr>', [
      style('Normal', '', true),
      style('ZhengWen', '<w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200"/></w:pPr>'),
      style('ZhuSong', '<w:basedOn w:val="ZhengWen"/><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr>'),
      style('List', '<w:basedOn w:val="ZhengWen"/><w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr>'),
      style('Child', '<w:basedOn w:val="ZhuSong"/>'),
    ].join('')));
    expect(s.indented(null)).toBe(true); // Normal, from the defaults
    expect(s.indented('ZhengWen')).toBe(true);
    expect(s.indented('ZhuSong')).toBe(false);
    expect(s.indented('Child')).toBe(false);
    expect(s.indented('List')).toBe(false);
    expect(s.indented('Unknown')).toBe(true); // an unknown style: the defaults
  });
  it('says nothing without a styles part or any indent, and does not loop on a basedOn cycle', () => {
    expect(styleIndentsOf(null).indented('Normal')).toBeNull();
    const s = styleIndentsOf(xml('', style('A', '<w:basedOn w:val="B"/>') + style('B', '<w:basedOn w:val="A"/>')));
    expect(s.indented('A')).toBeNull();
  });
  it('restates a paragraph’s own character-unit indent in twips, as mammoth reads it, and leaves other indents alone', () => {
    expect(withCharacterIndents('<w:pPr><w:ind w:firstLineChars="200"/></w:pPr>')).toBe('<w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>');
    expect(withCharacterIndents('<w:ind w:firstLineChars="0"></w:ind>')).toBe('<w:ind w:firstLineChars="0" w:firstLine="0"></w:ind>');
    expect(withCharacterIndents('<w:ind w:left="420" w:hangingChars="200" w:hanging="420"/>')).toBe('<w:ind w:left="420" w:hangingChars="200" w:firstLine="0"/>');
    expect(withCharacterIndents('<w:ind w:leftChars="200" w:left="640"/><w:ind w:firstLine="420"/>')).toBe('<w:ind w:leftChars="200" w:left="640"/><w:ind w:firstLine="420"/>');
  });
});

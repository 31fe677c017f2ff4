import { describe, expect, it } from 'vitest';
import { isPageFooter, snippetSource } from './snippet-text.ts';

describe('what a snippet is taken from', () => {
  it('tells a line that is only a page footer from text that mentions pages', () => {
    for (const line of ['第 2 页 共 2 页', '第2页，共5页', '共 3 页 第 1 页', '　第 12 页　', '- 2 -', '— 3 —', 'Page 2 of 9', '第 4 页']) expect(isPageFooter(line), line).toBe(true);
    for (const line of ['详见第 2 页', '本通知共 3 页，请核对', '2020-06-18', '1/2', '第二页', '—— 附件 ——']) expect(isPageFooter(line), line).toBe(false);
  });

  it('leaves out an attachment’s leading file name and footer lines, keeping a footer that holds a word searched', () => {
    const text = 'fujian.docx\n附件：名录\n第 1 页 共 2 页\n东方蝾螈\n第 2 页 共 2 页';
    expect(snippetSource(text, { fileName: 'fujian.docx', holdsWord: () => false })).toBe('附件：名录\n东方蝾螈');
    expect(snippetSource(text, { fileName: null, holdsWord: () => false })).toBe('fujian.docx\n附件：名录\n东方蝾螈');
    expect(snippetSource(text, { fileName: 'fujian.docx', holdsWord: (l) => l.includes('第 2 页') })).toBe('附件：名录\n东方蝾螈\n第 2 页 共 2 页');
  });

  it('leaves out an attachment’s 附件名称 before its file name (the badge names it), and an entry indexed before titles were', () => {
    const text = '附件1：湿地物种名录\nfujian.docx\n东方蝾螈';
    expect(snippetSource(text, { fileName: 'fujian.docx', title: '附件1：湿地物种名录', holdsWord: () => false })).toBe('东方蝾螈');
    expect(snippetSource('fujian.docx\n东方蝾螈', { fileName: 'fujian.docx', title: '附件1：湿地物种名录', holdsWord: () => false })).toBe('东方蝾螈');
  });
});

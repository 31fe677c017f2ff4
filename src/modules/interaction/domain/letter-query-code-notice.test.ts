import { describe, expect, it } from 'vitest';
import { renderDocumentHtml } from '../../../platform/documents/index.ts';
import { letterQueryCodeNotice } from './letter-query-code-notice.ts';
import { lostLetterCodeText } from './lost-query-code.ts';

const notice = () => letterQueryCodeNotice({
  letter: { writerName: '王小红', trackingNo: 'QLX-ZJJ-XX2026-00001', submittedOn: '2026-03-10' },
  organName: '青岚县住房和城乡建设局', issuedOn: '2026-03-12', queryCode: 'ABCD2345', consultPhone: '0564-5022001', statusUrl: null,
});
const textOf = (doc: ReturnType<typeof notice>) => doc.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

/** Found by an outside tester: the new code sat inside running text and the number broke across lines. */
describe('查询码重新设置告知 of a letter', () => {
  it('puts the new code on its own line in bold, never in running text', () => {
    const own = notice().blocks.filter((b) => b.kind === 'paragraph' && b.text.includes('ABCD2345'));
    expect(own).toEqual([{ kind: 'paragraph', text: '新的查询码：ABCD2345', bold: true, indent: true }]);
  });

  it('keeps the number whole and says how a lost code is reset in the words of the receipt', () => {
    const doc = notice();
    expect(textOf(doc)).not.toContain('QLX-ZJJ-XX2026-00001');
    expect(renderDocumentHtml(doc)).toContain('<span class="doc-nobr">QLX-ZJJ-XX2026-00001</span>');
    expect(textOf(doc)).toContain(lostLetterCodeText('本机关', '再次遗失的'));
  });
});

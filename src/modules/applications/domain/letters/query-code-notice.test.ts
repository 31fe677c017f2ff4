import { describe, expect, it } from 'vitest';
import { renderDocumentHtml } from '../../../../platform/documents/index.ts';
import { lostApplicationCodeText } from '../lost-query-code.ts';
import { queryCodeNotice } from './query-code-notice.ts';

const notice = (statusUrl: string | null) => queryCodeNotice({
  app: { applicantName: '王小红', trackingNo: 'QLX-ZJJ-2026-00001', receivedOn: '2026-03-10' },
  organName: '青岚县住房和城乡建设局', issuedOn: '2026-03-12', queryCode: 'ABCD2345', consultPhone: '0564-5022001', statusUrl,
});
const textOf = (doc: ReturnType<typeof notice>) => doc.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

/**
 * Found by an outside tester on the application's 查询码重新设置告知: it named no place to follow the case
 * without a configured address, the new code sat inside running text, and the number broke across lines.
 */
describe('查询码重新设置告知 of an application', () => {
  it('puts the new code on its own line in bold, never in running text', () => {
    const doc = notice(null);
    const own = doc.blocks.filter((b) => b.kind === 'paragraph' && b.text.includes('ABCD2345'));
    expect(own).toEqual([{ kind: 'paragraph', text: '新的查询码：ABCD2345', bold: true, indent: true }]);
  });

  it('gives the status page address when configured, else where on the site', () => {
    expect(textOf(notice('https://gk.example/applications/status'))).toContain('https://gk.example/applications/status');
    expect(textOf(notice(null))).toContain('“依申请公开办理进度查询”');
  });

  it('keeps the number whole and says how a lost code is reset in the words of the receipt', () => {
    const doc = notice(null);
    expect(textOf(doc)).not.toContain('QLX-ZJJ-2026-00001');
    expect(renderDocumentHtml(doc)).toContain('<span class="doc-nobr">QLX-ZJJ-2026-00001</span>');
    expect(textOf(doc)).toContain(lostApplicationCodeText('本机关', '再次遗失的'));
  });
});

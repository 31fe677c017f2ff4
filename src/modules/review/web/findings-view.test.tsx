import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { FindingsView } from './findings-view.tsx';

describe('the scan findings on an item’s review panel', () => {
  it('lists every finding with what to do and why before the highlighted text, so one at the end of a long notice is not missed', () => {
    const body = `<p>${'关于做好冬季供暖工作的通知。'.repeat(40)}联系人住幸福小区3栋2单元501室。</p>`;
    const text = body.replace(/<[^>]+>/g, '');
    const start = text.indexOf('3栋');
    const html = renderToString(<FindingsView bodyHtml={body} findings={[
      { source: '正文', type: 'residential_address', text: '3栋2单元501室', start, end: start + 9, severity: 'warn', suggestion: '*********', before: '联系人住幸福小区', after: '。' },
    ]} />);
    const list = html.indexOf('<table');
    expect(list).toBeGreaterThan(-1);
    expect(list).toBeLessThan(html.indexOf('正文扫描结果'));
    expect(html).toContain('住址门牌');
    expect(html).toContain('提示：请核对，不阻止发布');
    expect(html).not.toContain('提示确认');
    expect(html).toContain('个人住址的楼栋、单元、门牌号属于个人信息');
    expect(html).toContain('#finding-1');
  });

  it('says of an acceptance a revision kept that it was carried, beside who accepted it and when', () => {
    const body = '<p>值班手机13912345678。</p>';
    const accepted = { reason: '系本局值班手机', byUserId: 7, byLabel: '王审核', at: '2026-03-10T02:00:00.000Z' };
    const finding = { source: '正文', type: 'mobile_phone', text: '13912345678', start: 4, end: 15, severity: 'block', suggestion: '139****5678', before: '值班手机', after: '。' };
    const carried = renderToString(<FindingsView bodyHtml={body} findings={[{ ...finding, accepted: { ...accepted, carriedAt: '2026-03-20T03:00:00.000Z' } }]} />);
    expect(carried).toContain('王审核');
    expect(carried).toContain('系本局值班手机');
    expect(carried).toMatch(/修订时沿用[^<]*该处所在句子未改动/);
    expect(renderToString(<FindingsView bodyHtml={body} findings={[{ ...finding, accepted }]} />)).not.toContain('修订时沿用');
  });

  it('shows a 住址门牌 finding’s suggestion with the estate it keeps (幸福小区*********), not the stars alone', () => {
    const body = '<p>联系人住幸福小区3栋2单元501室。</p>';
    const start = '联系人住幸福小区'.length;
    const html = renderToString(<FindingsView bodyHtml={body} findings={[
      { source: '正文', type: 'residential_address', text: '3栋2单元501室', start, end: start + 9, severity: 'warn', suggestion: '*********', before: '联系人住幸福小区', after: '。' },
    ]} />);
    const suggestionCell = /<td data-label="建议处理">([^<]*)<p class="hint">个人住址/.exec(html)?.[1];
    expect(suggestionCell).toBe('幸福小区*********');
    expect(html).toContain('〔住址门牌 → 幸福小区*********〕');
  });
});

describe('应用建议遮盖 on each finding', () => {
  const findings = [
    { source: '正文', type: 'mobile_phone', text: '13812345678', start: 4, end: 15, severity: 'block', suggestion: '138****5678', before: '联系电话', after: '。' },
    { source: '附件：名单.xlsx', type: 'id_card', text: '110101199003077578', start: 10, end: 28, severity: 'block', suggestion: '110101********7578' },
  ];
  it('offers a plain form naming the finding where it can be masked, and says why not on an attachment’s', () => {
    const html = renderToString(<FindingsView bodyHtml="<p>联系电话13812345678。</p>" findings={findings} mask={{ action: '/admin/publications/7/verbs/apply_mask', csrf: 'tok' }} />);
    expect(html.match(/<form method="post" action="\/admin\/publications\/7\/verbs\/apply_mask"/g)).toHaveLength(1);
    for (const field of ['name="_csrf" value="tok"', 'name="source" value="正文"', 'name="start" value="4"', 'name="end" value="15"', 'name="text" value="13812345678"']) expect(html).toContain(field);
    expect(html).toContain('附件中的内容不能在此直接遮盖');
  });
  it('offers nothing to a person who may not mask now', () => {
    const html = renderToString(<FindingsView bodyHtml="<p>联系电话13812345678。</p>" findings={findings} />);
    expect(html).not.toContain('应用建议遮盖');
    expect(html).not.toContain('<form');
  });
});

describe('a 密级标志 among the findings (outside tester, LOW)', () => {
  it('suggests no stars for it, in the list or in the marked-up body', () => {
    const html = renderToString(<FindingsView bodyHtml="<p>秘密★1年</p>" findings={[
      { source: '正文', type: 'classified_marking', text: '秘密★1年', start: 0, end: 5, severity: 'block', suggestion: '*****', before: '', after: '' },
    ]} mask={{ action: '/admin/publications/7/verbs/apply_mask', csrf: 'tok' }} />);
    expect(html).not.toContain('*****');
    expect(html).toContain('不能遮盖，须解密或由起草人修改');
    expect(html).toContain('密级标志不能以遮盖处理');
    expect(html).not.toContain('应用建议遮盖</button>');
  });
});

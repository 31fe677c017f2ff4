import { describe, expect, it } from 'vitest';
import { htmlToText } from './body-text.ts';
import { maskOccurrence, whyNotMaskable } from './mask-finding.ts';

const phone = (text: string, needle: string) => {
  const start = text.indexOf(needle);
  return { start, end: start + needle.length, text: needle, suggestion: `${needle.slice(0, 3)}****${needle.slice(-4)}` };
};

describe('masking one finding where the scan found it', () => {
  it('replaces the occurrence in the body’s HTML, keeping every tag and entity around it', () => {
    const html = '<p class="center">通知</p><p>联系人：张三 &amp; 李四，电话 <strong>13812345678</strong>。</p>';
    const f = phone(htmlToText(html), '13812345678');
    const out = maskOccurrence(html, 'html', f);
    expect(out).toEqual({ ok: true, value: '<p class="center">通知</p><p>联系人：张三 &amp; 李四，电话 <strong>138****5678</strong>。</p>' });
  });

  it('masks a number split by inline tags character by character, so the tags stay', () => {
    const html = '<p>电话<em>138</em>12345678</p>';
    const f = phone(htmlToText(html), '13812345678');
    expect(maskOccurrence(html, 'html', f)).toEqual({ ok: true, value: '<p>电话<em>138</em>****5678</p>' });
  });

  it('masks the other occurrence only: the one at the finding’s offsets', () => {
    const html = '<p>13812345678</p><p>13812345678</p>';
    const text = htmlToText(html);
    const start = text.lastIndexOf('13812345678');
    const out = maskOccurrence(html, 'html', { start, end: start + 11, text: '13812345678', suggestion: '138****5678' });
    expect(out).toEqual({ ok: true, value: '<p>13812345678</p><p>138****5678</p>' });
  });

  it('refuses, changing nothing, when the text at the offsets is no longer what the scan found', () => {
    const html = '<p>电话 13812345678</p>';
    const f = phone(htmlToText(html), '13812345678');
    expect(maskOccurrence('<p>电话13812345678</p>', 'html', f)).toEqual({ ok: false, check: 'text_changed' });
    expect(maskOccurrence('联系电话13812345678', 'plain', { ...f, start: 0, end: 11 })).toEqual({ ok: false, check: 'text_changed' });
  });

  it('puts a listed 错词’s correction (another length) in place of the word', () => {
    const html = '<p>关于<b>某某</b>的通知</p>';
    const start = htmlToText(html).indexOf('某某');
    expect(maskOccurrence(html, 'html', { start, end: start + 2, text: '某某', suggestion: '有关事项' })).toEqual({ ok: true, value: '<p>关于<b>有关事项</b>的通知</p>' });
  });

  it('masks a title or another plain field by its offsets', () => {
    expect(maskOccurrence('张三（13812345678）的申请', 'plain', phone('张三（13812345678）的申请', '13812345678')))
      .toEqual({ ok: true, value: '张三（138****5678）的申请' });
  });
});

describe('which findings can be masked on the review page', () => {
  it('offers the title, summary, body and source; says why not for attachments, links, markings and unreadable files', () => {
    for (const source of ['标题', '内容概述', '正文', '信息来源']) expect(whyNotMaskable({ source, type: 'mobile_phone' })).toBeNull();
    expect(whyNotMaskable({ source: '附件：名单.xlsx', type: 'id_card' })).toContain('附件');
    expect(whyNotMaskable({ source: '附件：名单.xlsx', type: 'unreadable_attachment' })).toContain('无法读取');
    expect(whyNotMaskable({ source: '正文', type: 'classified_marking' })).toContain('密级标志');
    expect(whyNotMaskable({ source: '正文链接', type: 'email' })).toContain('正文链接');
  });
});

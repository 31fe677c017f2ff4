import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ValidityNotice } from './validity-notice.tsx';

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the 效力 notice and 有效期至 (ADR 0027)', () => {
  it('says when a lapsed document was in force to and from which day it lapsed', () => {
    const html = renderToString(<ValidityNotice item={{ validity: 'expired', validThroughOn: '2026-06-06' }} amendedBy={[]} replacement={null} />);
    expect(text(html)).toBe('本文件已失效。有效期至 2026-06-06，已于 2026-06-07 失效。');
  });

  it('says nothing for a document in force, even with a 有效期至 ahead', () => {
    expect(renderToString(<ValidityNotice item={{ validity: 'valid', validThroughOn: '2027-06-06' }} amendedBy={[]} replacement={null} />)).toBe('');
  });

  it('keeps 已修改 and 已废止 as they were: they take precedence over the period', () => {
    expect(text(renderToString(<ValidityNotice item={{ validity: 'repealed', validThroughOn: '2025-06-06' }} amendedBy={[]} replacement={null} />))).toBe('本文件已废止。');
    expect(text(renderToString(<ValidityNotice item={{ validity: 'amended', validThroughOn: '2025-06-06' }} amendedBy={[]} replacement={null} />))).toBe('本文件已修改。');
  });

  it('keeps a lapsed document without a date as before', () => {
    expect(text(renderToString(<ValidityNotice item={{ validity: 'expired', validThroughOn: null }} amendedBy={[]} replacement={null} />))).toBe('本文件已失效。');
  });

  it('names a document whose title holds a 《》 name with 〈〉 inside, not 《》 inside 《》 (second citizen tester)', () => {
    const replacement = { id: 9, title: '关于印发《青岚县公共租赁住房管理办法》的通知', organCode: 'qlx-zjj', documentNumber: '岚建〔2025〕3号', publishedOn: '2025-03-01' };
    expect(text(renderToString(<ValidityNotice item={{ validity: 'repealed', validThroughOn: null }} amendedBy={[]} replacement={replacement} />)))
      .toBe('本文件已被《关于印发〈青岚县公共租赁住房管理办法〉的通知》（岚建〔2025〕3号，2025-03-01发布）废止。');
  });
});

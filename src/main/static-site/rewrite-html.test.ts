import { describe, expect, it } from 'vitest';
import { linksIn, rewriteHtml } from './rewrite-html.ts';

const page = '<html><head><link rel="stylesheet" href="/assets/site.css"></head><body>' +
  '<a href="/organs/x?page=2&amp;y=1" class="k">下一页</a><p>href="/not-a-link"</p><img alt="" src=\'/site/emblem/site\'>' +
  '<form method="get" action="/search"><input name="q"></form>' +
  '<form method="post" action="/organs/x/consultations/3/comments"><input name="_csrf" value="t"><a href="/inside">x</a></form><a href="#main">跳</a></body></html>';

describe('rewriting a page\'s links', () => {
  it('finds the addresses a page names, decoded, and not text that looks like one', () => {
    expect(linksIn(page).map((l) => l.value)).toEqual(['/assets/site.css', '/organs/x?page=2&y=1', '/site/emblem/site', '/search', '/organs/x/consultations/3/comments', '/inside', '#main']);
  });

  it('changes only the link attributes and replaces a form that posts, leaving every other byte', () => {
    const out = rewriteHtml(page, {
      link: (ref) => (ref.value.startsWith('/') ? `copy${ref.value}` : null),
      postForm: (action) => `<p>在线提交：${action}</p>`,
    });
    expect(out).toBe(
      '<html><head><link rel="stylesheet" href="copy/assets/site.css"></head><body>' +
        '<a href="copy/organs/x?page=2&amp;y=1" class="k">下一页</a><p>href="/not-a-link"</p><img alt="" src="copy/site/emblem/site">' +
        '<form method="get" action="copy/search"><input name="q"></form>' +
        '<p>在线提交：/organs/x/consultations/3/comments</p><a href="#main">跳</a></body></html>',
    );
  });
});

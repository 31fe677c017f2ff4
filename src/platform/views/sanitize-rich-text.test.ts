import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from './sanitize-rich-text.ts';

describe('rich text allowlist', () => {
  it('keeps paragraphs, tables and links', () => {
    const html = '<p>通知</p><table><tr><td colspan="2">项目</td></tr></table><a href="https://example.gov.cn/a">链接</a>';
    expect(sanitizeRichText(html)).toBe('<p>通知</p><table><tr><td colspan="2">项目</td></tr></table><a href="https://example.gov.cn/a">链接</a>');
  });

  it.each([
    ['<script>alert(1)</script><p>正文</p>', '<p>正文</p>'],
    ['<p onclick="x()">正文</p>', '<p>正文</p>'],
    ['<a href="javascript:alert(1)">点</a>', '<a>点</a>'],
    ['<img src="x.png" onerror="alert(1)">', '<img src="x.png" />'],
    ['<style>p{}</style><iframe src="https://evil"></iframe>文字', '文字'],
  ])('removes what is dangerous in %s', (dirty, clean) => {
    expect(sanitizeRichText(dirty)).toBe(clean);
  });
});

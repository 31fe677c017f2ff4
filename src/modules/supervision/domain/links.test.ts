import { describe, expect, it } from 'vitest';
import { classifyLink, extractLinks } from './links.ts';

describe('links in a published body', () => {
  it('finds each link and image once, with its text', () => {
    const html = '<p>见<a href="/organs/zjj/items/12">《通知》</a>和<a href=" https://www.gov.cn/a?x=1&amp;y=2 ">国务院</a>，<img src="/attachments/3/a.png" alt="图一"><a href="/organs/zjj/items/12">又一次</a><a>无地址</a></p>';
    expect(extractLinks(html)).toEqual([
      { url: '/organs/zjj/items/12', text: '《通知》' },
      { url: 'https://www.gov.cn/a?x=1&y=2', text: '国务院' },
      { url: '/attachments/3/a.png', text: '图一' },
    ]);
  });

  it.each([
    ['/organs/zjj/items/12', { kind: 'item', organCode: 'zjj', id: 12 }],
    ['https://gk.example.cn/organs/zjj/items/12/', { kind: 'item', organCode: 'zjj', id: 12 }],
    ['/attachments/7/%E9%99%84%E4%BB%B6.pdf', { kind: 'attachment', id: 7 }],
    ['/organs/zjj/catalog/5?page=2', { kind: 'node', organCode: 'zjj', id: 5 }],
    ['/organs/zjj/guide', { kind: 'organ_page', organCode: 'zjj' }],
    ['/organs/zjj', { kind: 'organ_page', organCode: 'zjj' }],
    ['/search?q=公租房', { kind: 'site_page' }],
    ['/organs/zjj/annual-reports/2024.html', { kind: 'unknown_internal', path: '/organs/zjj/annual-reports/2024.html' }],
    ['https://www.gov.cn/zhengce/', { kind: 'external', url: 'https://www.gov.cn/zhengce/' }],
    ['ftp://files.example.cn/a.doc', { kind: 'malformed', reason: '不支持的链接协议 ftp:' }],
    ['http://[bad', { kind: 'malformed', reason: '链接地址格式不正确' }],
    ['mailto:gkb@example.cn', { kind: 'skip' }],
    ['#top', { kind: 'skip' }],
  ])('classifies %s', (url, target) => {
    expect(classifyLink(url, 'https://gk.example.cn')).toEqual(target);
  });
});

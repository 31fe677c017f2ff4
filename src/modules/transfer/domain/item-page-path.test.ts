import { describe, expect, it } from 'vitest';
import { parseItem } from './parse-item.ts';

const row = (oldUrl: string[]) => ({
  at: '第2行',
  fields: { title: '关于城区停水的通知', formedOn: '2025-02-10', publishedOn: '2025-02-10', stage: '执行', docType: '其他', catalogPaths: ['通知公告'], bodyHtml: '<p>停水一天。</p>', oldUrl },
});

describe('an old address the portal answers itself', () => {
  it('is a problem of its row: a redirect from it could never act', () => {
    for (const url of ['http://old.example.gov.cn/search', '/search?q=停水', 'https://www.qlx.gov.cn/organs/qlx-zjj', '/organs/qlx-zjj/guide', '/admin/publications/3', '/api/v1/publications', '/sitemap.xml', '/attachments/7/通知.pdf', '/organs/qlx-zjj/feed.atom']) {
      const { item, problems } = parseItem(row([url]), 'published', '2026-03-10');
      expect(item, url).toBeNull();
      expect(problems, url).toEqual([expect.stringMatching(new RegExp(`^原网址“${url.replace(/[.?]/g, '\\$&')}”的路径 /[^ ]* 是本平台自己的网址，访问时总由平台回答，不能转向本条信息`))]);
    }
  });

  it('is not an old site\'s page, nor an item or catalog page that an export names and an import keeps or redirects', () => {
    for (const url of ['http://old.example.gov.cn/xxgk/content.jsp?id=88', '/col/col12/index.html', '/searchresult.html', '/site/zjj/art_1.html', '/organs/zjj/items/12', '/organs/zjj/catalog/4']) {
      expect(parseItem(row([url]), 'published', '2026-03-10').problems, url).toEqual([]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { countsAsView } from './view-count-rule.ts';

describe('which GET of an item page counts as a view', () => {
  const item = '/organs/qlx-zjj/items/732';
  it('counts a reader arriving from elsewhere, or with no Referer', () => {
    expect(countsAsView('GET', undefined, item)).toBe(true);
    expect(countsAsView('GET', 'https://gk.example.gov.cn/organs/qlx-zjj/catalog/5', item)).toBe(true);
    expect(countsAsView('GET', 'https://gk.example.gov.cn/organs/qlx-zjj/items/7320', item)).toBe(true);
    expect(countsAsView('GET', 'https://www.baidu.com/', item)).toBe(true);
    expect(countsAsView('GET', 'not a url', item)).toBe(true);
  });
  it('does not count the page coming back from its own 字号 / 适老化 switch or print view (5 → 7 in one visit)', () => {
    expect(countsAsView('GET', 'https://gk.example.gov.cn/organs/qlx-zjj/items/732', item)).toBe(false);
    expect(countsAsView('GET', 'http://127.0.0.1:3000/organs/qlx-zjj/items/732?node=12', item)).toBe(false);
  });
  it('never counts a HEAD', () => {
    expect(countsAsView('HEAD', undefined, item)).toBe(false);
  });
});

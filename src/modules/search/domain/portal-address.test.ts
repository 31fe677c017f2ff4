import { describe, expect, it } from 'vitest';
import { pageAddressOfPath, pastedAddress, portalItemAddress } from './portal-address.ts';

const hosts = ['gk.example.gov.cn', 'localhost:3000'];

describe('an item page’s address pasted into the search box', () => {
  it('reads the address of an item page of this portal: full, without the scheme, or the path alone, with a query string or #fragment', () => {
    for (const typed of [
      'http://gk.example.gov.cn/organs/qlx-zjj/items/123',
      'https://GK.example.gov.cn/organs/qlx-zjj/items/123/',
      'https://gk.example.gov.cn:443/organs/qlx-zjj/items/123?print=1#attachments',
      'http://localhost:3000/organs/qlx-zjj/items/123?node=5',
      'gk.example.gov.cn/organs/qlx-zjj/items/123',
      '/organs/qlx-zjj/items/123',
      '/organs/qlx-zjj/items/123#top',
      '  /organs/qlx-zjj/items/123?print=1  ',
      '/organs/qlx%2Dzjj/items/123',
    ]) expect(portalItemAddress(typed, hosts), typed).toEqual({ organCode: 'qlx-zjj', id: 123 });
  });

  it('is not an address: another site, another page of this one, an id no item can have, or an address among words', () => {
    for (const typed of [
      'http://www.other.gov.cn/organs/qlx-zjj/items/123',
      'http://localhost:3001/organs/qlx-zjj/items/123',
      'ftp://gk.example.gov.cn/organs/qlx-zjj/items/123',
      '//gk.example.gov.cn/organs/qlx-zjj/items/123',
      'http://gk.example.gov.cn/organs/qlx-zjj',
      'http://gk.example.gov.cn/organs/qlx-zjj/catalog/12',
      '/organs/qlx-zjj/items/abc',
      '/organs/qlx-zjj/items/0',
      '/organs/qlx-zjj/items/99999999999',
      '/organs//items/12',
      '/organs/qlx-zjj/items/12/attachments',
      '/items/123',
      '公租房 /organs/qlx-zjj/items/123',
      '岚建〔2026〕63号',
      'http://gk.example.gov.cn/organs/%E0%A4%A/items/1',
    ]) expect(portalItemAddress(typed, hosts), typed).toBeNull();
  });
});

describe('any other address pasted, read by its path and query string (an old site’s, which the portal may redirect)', () => {
  it('gives the path and query string of a full address of any host, one without its scheme, or a path; the item only on this portal', () => {
    expect(pastedAddress('http://www.qinglan.gov.cn/xxgk/content.jsp?id=88&cat=3#top', hosts)).toEqual({ local: '/xxgk/content.jsp?id=88&cat=3', item: null });
    expect(pastedAddress('www.qinglan.gov.cn/art/2019/5/10/art_1229_3857.html', hosts)).toEqual({ local: '/art/2019/5/10/art_1229_3857.html', item: null });
    expect(pastedAddress('10.1.2.3:8080/xxgk/content.jsp?id=88', hosts)).toEqual({ local: '/xxgk/content.jsp?id=88', item: null });
    expect(pastedAddress('/xxgk/content.jsp?id=88#p2', hosts)).toEqual({ local: '/xxgk/content.jsp?id=88', item: null });
    // Another site's item page is an address like any other: only the redirect table can say it leads here.
    expect(pastedAddress('http://www.other.gov.cn/organs/qlx-zjj/items/123', hosts)).toEqual({ local: '/organs/qlx-zjj/items/123', item: null });
    expect(pastedAddress('https://gk.example.gov.cn/organs/qlx-zjj/items/123?print=1', hosts)).toEqual({ local: '/organs/qlx-zjj/items/123?print=1', item: { organCode: 'qlx-zjj', id: 123 } });
  });

  it('is no address: words, words with a slash, another scheme, an address among words, a site’s bare root', () => {
    for (const typed of ['公租房', '公租房/申请', '岚建〔2026〕63号', 'ftp://www.qinglan.gov.cn/xxgk/a.doc', '申请 http://www.qinglan.gov.cn/xxgk/content.jsp?id=88', 'http://www.qinglan.gov.cn/', 'www.qinglan.gov.cn', '/', '//www.qinglan.gov.cn/xxgk/a.jsp']) {
      expect(pastedAddress(typed, hosts), typed).toBeNull();
    }
  });
});

describe('an organ’s home, its catalog or a column of this portal (issue 13)', () => {
  it('reads the page a path names, nothing after it', () => {
    expect(pageAddressOfPath('/organs/qlx-zjj/catalog/37')).toEqual({ kind: 'column', organCode: 'qlx-zjj', nodeId: 37 });
    expect(pageAddressOfPath('/organs/qlx-zjj/catalog/')).toEqual({ kind: 'catalog', organCode: 'qlx-zjj' });
    expect(pageAddressOfPath('/organs/qlx-zjj')).toEqual({ kind: 'organ', organCode: 'qlx-zjj' });
    for (const path of ['/organs', '/organs/qlx-zjj/guide', '/organs/qlx-zjj/catalog/0', '/organs/qlx-zjj/catalog/37/x', '/organs/qlx-zjj/catalog/99999999999']) expect(pageAddressOfPath(path), path).toBeNull();
    expect(pastedAddress('http://localhost:3101/organs/qlx-zjj/catalog/37', ['localhost:3101'])).toEqual({ local: '/organs/qlx-zjj/catalog/37', item: null, page: { kind: 'column', organCode: 'qlx-zjj', nodeId: 37 } });
    // Another host's address is no page of this portal (its path is looked up among old addresses only).
    expect(pastedAddress('http://www.example.gov.cn/organs/qlx-zjj/catalog/37', ['localhost:3101'])).toEqual({ local: '/organs/qlx-zjj/catalog/37', item: null });
  });
});

describe('a page’s number with a leading zero or full-width digits, as the portal reads it', () => {
  it('names the page the portal redirects it to (/items/0123 → /items/123); what is no number names none', () => {
    for (const typed of [
      '/organs/qlx-zjj/items/0123',
      'https://gk.example.gov.cn/organs/qlx-zjj/items/000123?print=1',
      'gk.example.gov.cn/organs/qlx-zjj/items/０１２３',
      '/organs/qlx-zjj/items/１２３',
      'http://gk.example.gov.cn/organs/qlx-zjj/items/%EF%BC%91%EF%BC%92%EF%BC%93',
    ]) expect(portalItemAddress(typed, hosts), typed).toEqual({ organCode: 'qlx-zjj', id: 123 });
    expect(pageAddressOfPath('/organs/qlx-zjj/catalog/037')).toEqual({ kind: 'column', organCode: 'qlx-zjj', nodeId: 37 });
    for (const typed of ['/organs/qlx-zjj/items/123.0', '/organs/qlx-zjj/items/00', '/organs/qlx-zjj/items/0x7b', '/organs/qlx-zjj/items/%E4%B', '/organs/qlx-zjj/items/-123']) {
      expect(portalItemAddress(typed, hosts), typed).toBeNull();
    }
    expect(pageAddressOfPath('/organs/qlx-zjj/catalog/37.0')).toBeNull();
  });
});

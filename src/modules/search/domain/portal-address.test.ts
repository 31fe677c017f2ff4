import { describe, expect, it } from 'vitest';
import { portalItemAddress } from './portal-address.ts';

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

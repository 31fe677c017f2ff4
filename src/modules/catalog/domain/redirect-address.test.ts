import { describe, expect, it } from 'vitest';
import { addressKey, oldAddressOf, siteAddressOf } from './redirect-address.ts';

const key = (s: string) => {
  const a = siteAddressOf(s);
  return a ? addressKey(a) : null;
};

describe('the address a redirect keeps', () => {
  it('keeps the query string, with its parameters sorted and its encoding written one way', () => {
    expect(key('/xxgk/content.jsp?id=88')).toBe('/xxgk/content.jsp?id=88');
    expect(key('/module/download/downfile.jsp?filename=a.doc&classid=0')).toBe('/module/download/downfile.jsp?classid=0&filename=a.doc');
    // One address, four spellings: lower-case hex, raw Chinese, '+' for a space, an empty parameter and a fragment.
    const one = '/module/download/downfile.jsp?classid=0&filename=%E9%80%9A%E7%9F%A5%20A.doc';
    expect(key('/module/download/downfile.jsp?filename=%e9%80%9a%e7%9f%a5+A.doc&classid=0')).toBe(one);
    expect(key('/module/download/downfile.jsp?filename=通知%20A.doc&&classid=0#top')).toBe(one);
    expect(key('/module/download/downfile.jsp?classid=0&filename=通知+A.doc')).toBe(one);
    // A '+' that is a plus sign, '&' and '=' inside a value stay encoded; '/' and ':' need not be.
    expect(key('/s.jsp?q=a%2Bb&u=%2Fx%3Ay&v=%26%3D')).toBe('/s.jsp?q=a%2Bb&u=/x:y&v=%26%3D');
    // Repeated names sort by value; a name without '=' has an empty value.
    expect(key('/p.jsp?b=2&a=2&a=1&flag')).toBe('/p.jsp?a=1&a=2&b=2&flag=');
    // Bytes of another encoding (GBK 中) stay as they were sent.
    expect(key('/p.jsp?name=%d6%d0')).toBe('/p.jsp?name=%D6%D0');
    expect(key('/art/2020/1/1/art_123_456.html')).toBe('/art/2020/1/1/art_123_456.html');
    expect(key('/art/2020/1/1/art_123_456.html?')).toBe('/art/2020/1/1/art_123_456.html');
  });

  it('writes the path one way too, without a servlet session', () => {
    expect(key('/信息公开/%e9%80%9a%E7%9F%A5.html')).toBe('/%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80/%E9%80%9A%E7%9F%A5.html');
    expect(key('/a%7Eb/c%2Fd')).toBe('/a~b/c%2Fd');
    expect(key('/xxgk/content.jsp;jsessionid=0A1B2C?id=88')).toBe('/xxgk/content.jsp?id=88');
    expect(key('/a+b/c')).toBe('/a+b/c');
  });

  it('is a path of this site or nothing', () => {
    for (const bad of ['//evil.example/x', 'https://evil.example/x', 'x/y', '/a b', '/a\\b', '/a\u0000', `/${'a'.repeat(2000)}`]) expect(key(bad)).toBeNull();
  });

  it('reduces an old site\'s full URL to its path and query string, and refuses its home page', () => {
    expect(addressKey(oldAddressOf(' http://old.example.gov.cn/xxgk/content.jsp?id=88 ')!)).toBe('/xxgk/content.jsp?id=88');
    expect(addressKey(oldAddressOf('HTTPS://old.example.gov.cn:8080/art/2019/1/2/art_1.html#p1')!)).toBe('/art/2019/1/2/art_1.html');
    expect(addressKey(oldAddressOf('/col/col12/index.html')!)).toBe('/col/col12/index.html');
    for (const bad of ['ftp://x/y', 'http://old.example.gov.cn/', 'http://old.example.gov.cn/?p=12', 'http://old.example.gov.cn', 'content.jsp?id=1']) expect(oldAddressOf(bad)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { fileForUrl, relativeLink } from './site-paths.ts';

describe('where an address lands in the static copy', () => {
  it('puts a page in its folder\'s index.html and a query in the file name', () => {
    expect(fileForUrl('/', 'text/html; charset=utf-8')).toBe('index.html');
    expect(fileForUrl('/organs/qlx-zjj', 'text/html')).toBe('organs/qlx-zjj/index.html');
    expect(fileForUrl('/organs/qlx-zjj/catalog/12?page=2', 'text/html')).toBe('organs/qlx-zjj/catalog/12/index.page-2.html');
    expect(fileForUrl('/organs/x/items/5?print=1', 'text/html')).toBe('organs/x/items/5/index.print-1.html');
    expect(fileForUrl('/organs/x/proposals?year=2025&kind=npc', 'text/html')).toBe('organs/x/proposals/index.kind-npc.year-2025.html');
  });

  it('keeps a file\'s path, decoded, and gives one without an extension the extension of its type', () => {
    expect(fileForUrl('/assets/site.css', 'text/css')).toBe('assets/site.css');
    expect(fileForUrl('/attachments/7/%E9%80%9A%E7%9F%A5.pdf', 'application/pdf')).toBe('attachments/7/通知.pdf');
    expect(fileForUrl('/site/emblem/site', 'image/png')).toBe('site/emblem/site.png');
    expect(fileForUrl('/organs/x/annual-reports/2025.pdf?version=1', 'application/pdf')).toBe('organs/x/annual-reports/2025.version-1.pdf');
  });

  it('never lets a segment climb out of the copy', () => {
    expect(fileForUrl('/attachments/7/..%2F..%2Fetc%2Fpasswd', 'text/plain')).toBe('attachments/7/.._.._etc_passwd');
    // Dot segments, even encoded, are resolved by URL parsing before a file name is made.
    expect(fileForUrl('/a/%2E%2E/../../b', 'text/html')).toBe('b/index.html');
  });

  it('links file to file relatively, percent-encoded, keeping the fragment', () => {
    expect(relativeLink('organs/x/items/5/index.html', 'attachments/7/通知.pdf')).toBe('../../../../attachments/7/%E9%80%9A%E7%9F%A5.pdf');
    expect(relativeLink('index.html', 'organs/x/index.html', '#main')).toBe('organs/x/index.html#main');
    expect(relativeLink('organs/x/index.html', 'organs/x/index.html')).toBe('index.html');
  });
});

import { describe, expect, it } from 'vitest';
import { contentDisposition, opensInline } from './content-disposition.ts';

describe('Content-Disposition for a download name', () => {
  it('sends a Chinese name as UTF-8 filename*, which browsers save under that name', () => {
    expect(contentDisposition('保密审查表.pdf')).toBe("attachment; filename*=UTF-8''%E4%BF%9D%E5%AF%86%E5%AE%A1%E6%9F%A5%E8%A1%A8.pdf");
    expect(decodeURIComponent(contentDisposition('青岚县2025年政府信息公开工作年度报告.docx').split("UTF-8''")[1]!)).toBe('青岚县2025年政府信息公开工作年度报告.docx');
  });

  it('shows the file instead when inline', () => {
    expect(contentDisposition('现场照片.jpg', { inline: true })).toBe(`inline; filename*=UTF-8''${encodeURIComponent('现场照片.jpg')}`);
  });

  it('keeps a plain ASCII name as a quoted filename', () => {
    expect(contentDisposition('statistics-qinglan-2025.xlsx')).toBe('attachment; filename="statistics-qinglan-2025.xlsx"');
    expect(contentDisposition('report (1).pdf', { inline: true })).toBe('inline; filename="report (1).pdf"');
  });

  it('puts an ASCII fallback before filename* for a client that reads only filename', () => {
    expect(contentDisposition('关于张三申请的答复.pdf', { asciiName: 'letter-12.pdf' }))
      .toBe(`attachment; filename="letter-12.pdf"; filename*=UTF-8''${encodeURIComponent('关于张三申请的答复.pdf')}`);
  });

  it('encodes what RFC 8187 does not allow bare (quotes, parentheses, asterisks, percent, line breaks), so a name cannot break the header', () => {
    expect(contentDisposition("附件(1)'*.pdf")).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('附件')}%281%29%27%2A.pdf`);
    expect(contentDisposition('a"b.txt')).toBe("attachment; filename*=UTF-8''a%22b.txt");
    expect(contentDisposition('100%.txt')).toBe("attachment; filename*=UTF-8''100%25.txt");
    expect(contentDisposition('a\r\nSet-Cookie: x=1.txt')).toBe("attachment; filename*=UTF-8''a%0D%0ASet-Cookie%3A%20x%3D1.txt");
  });

  it('opens a PDF or a picture in the browser, never a type that could run script in the site’s name', () => {
    for (const type of ['application/pdf', 'image/jpeg', 'image/png', 'image/gif', 'Application/PDF']) expect(opensInline(type), type).toBe(true);
    for (const type of ['text/html', 'text/html; charset=utf-8', 'image/svg+xml', 'application/xhtml+xml', 'text/xml', 'application/javascript', 'text/plain; charset=utf-8',
      'application/msword', 'application/zip', 'application/octet-stream', '']) expect(opensInline(type), type).toBe(false);
  });
});

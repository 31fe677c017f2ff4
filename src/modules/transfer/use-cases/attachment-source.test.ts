import { describe, expect, it } from 'vitest';
import { buildZip, hex, unicodePathExtra } from '../../../../test/support/build-zip.ts';
import { zipSource } from './attachment-source.ts';

// 附件/关于的公告.pdf and 通知.pdf in GBK, as Windows Explorer's 发送到压缩文件夹 on Chinese Windows,
// WinRAR and 360压缩 store them: no UTF-8 flag (general purpose bit 11).
const GBK_FOLDER_NOTICE = hex('b8bdbcfe2fb9d8d3dab5c4b9abb8e62e706466');
const GBK_SHORT = hex('cda8d6aa2e706466');

describe('attachments in a ZIP', () => {
  it('finds files whose names the ZIP stores in GBK, by the names the rows give', () => {
    const zip = buildZip([
      { name: GBK_FOLDER_NOTICE, data: '%PDF-1.4 公告', deflate: true },
      { name: GBK_SHORT, data: '%PDF-1.4 通知' },
      { name: hex('3f3f2e747874'), data: '说明', extra: unicodePathExtra('说明.txt', hex('3f3f2e747874')) },
      { name: '附件/新文件.pdf', data: '%PDF-1.4 新', utf8Flag: true },
    ]);
    const source = zipSource(zip, '附件.zip');
    for (const name of ['附件/关于的公告.pdf', '通知.pdf', '说明.txt', '附件\\新文件.pdf']) expect(source.has(name), name).toBe(true);
    expect(new TextDecoder().decode(source.read('附件/关于的公告.pdf'))).toBe('%PDF-1.4 公告');
    expect(new TextDecoder().decode(source.read('通知.pdf'))).toBe('%PDF-1.4 通知');
    expect(source.has('??.txt')).toBe(false);
  });

  it('refuses what is not a ZIP with the reason, in Chinese', () => {
    expect(() => zipSource(new TextEncoder().encode('not a zip'), 'x.zip')).toThrow('无法读取附件压缩包 x.zip：不是 ZIP 文件');
    expect(() => zipSource(hex('504b0304'), 'y.zip')).toThrow(/无法读取附件压缩包 y\.zip：压缩结构已损坏/);
  });
});

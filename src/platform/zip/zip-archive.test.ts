import { describe, expect, it } from 'vitest';
import { buildZip, hex, unicodePathExtra } from '../../../test/support/build-zip.ts';
import { zipEntries, zipEntryBytes, ZipEntryLimitError, ZipReadError } from './zip-archive.ts';
import { zipEntryName } from './zip-entry-name.ts';

// GBK (code page 936) bytes, as Chinese Windows, WinRAR and 360压缩 write names without the UTF-8 flag.
const GBK = {
  附件: 'b8bdbcfe', 通知: 'cda8d6aa', 关于: 'b9d8d3da', 公告: 'b9abb8e6', 的: 'b5c4',
};
const gbk = (...parts: (keyof typeof GBK | string)[]) => hex(parts.map((p) => (p in GBK ? GBK[p as keyof typeof GBK] : Buffer.from(p, 'latin1').toString('hex'))).join(''));

describe('ZIP entry names', () => {
  it('reads GBK names written without the UTF-8 flag, as Chinese Windows and WinRAR write them', () => {
    expect(zipEntryName(gbk('附件', '/', '关于', '的', '公告', '.pdf'), 0)).toBe('附件/关于的公告.pdf');
  });

  it('reads a short GBK name that happens to be valid UTF-8 as GBK (通知 is CD A8 D6 AA)', () => {
    expect(zipEntryName(gbk('通知', '.pdf'), 0)).toBe('通知.pdf');
  });

  it('reads UTF-8 when bit 11 says so, and UTF-8 without the flag when the bytes are UTF-8', () => {
    expect(zipEntryName(new TextEncoder().encode('附件/通知.pdf'), 0x0800)).toBe('附件/通知.pdf');
    expect(zipEntryName(new TextEncoder().encode('附件/通知.pdf'), 0)).toBe('附件/通知.pdf');
    expect(zipEntryName(new TextEncoder().encode('résumé.pdf'), 0)).toBe('résumé.pdf');
  });

  it('takes the Info-ZIP Unicode Path extra field when its CRC matches the stored name, and ignores it when not', () => {
    const raw = hex('3f3f2e706466'); // "??.pdf": a tool that could not write the name in the code page
    expect(zipEntryName(raw, 0, unicodePathExtra('通知.pdf', raw))).toBe('通知.pdf');
    const stale = gbk('公告', '.pdf');
    expect(zipEntryName(stale, 0, unicodePathExtra('通知.pdf', stale, 12345))).toBe('公告.pdf');
  });
});

describe('ZIP archives', () => {
  it('lists and reads stored and deflated entries with their names decoded', () => {
    const zip = buildZip([
      { name: gbk('附件', '/', '通知', '.txt'), data: '第一份' },
      { name: '附件/公告.txt', data: '第二份'.repeat(100), utf8Flag: true, deflate: true },
      { name: gbk('附件', '/'), data: '' },
    ]);
    const entries = zipEntries(zip, 10);
    expect(entries.map((e) => e.name)).toEqual(['附件/通知.txt', '附件/公告.txt', '附件/']);
    expect(new TextDecoder().decode(zipEntryBytes(zip, entries[0]))).toBe('第一份');
    expect(new TextDecoder().decode(zipEntryBytes(zip, entries[1]))).toBe('第二份'.repeat(100));
  });

  it('refuses too many entries before walking them, and a broken archive with a reason', () => {
    const zip = buildZip([{ name: 'a.txt', data: 'a' }, { name: 'b.txt', data: 'b' }]);
    expect(() => zipEntries(zip, 1)).toThrow(ZipEntryLimitError);
    expect(() => zipEntries(zip.subarray(0, zip.length - 30), 10)).toThrow(ZipReadError);
    const entries = zipEntries(zip, 10);
    expect(() => zipEntryBytes(zip, { ...entries[1], localOffset: 3 })).toThrow('压缩结构已损坏');
  });
});

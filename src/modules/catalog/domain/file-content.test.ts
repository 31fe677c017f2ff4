import { describe, expect, it } from 'vitest';
import { contentMismatch, sniffKind } from './file-content.ts';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const PDF = bytes('%PDF-1.7\n1 0 obj');
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
const OLE = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const JPG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const GIF = bytes('GIF89a', [1, 0]);
const RAR = bytes('Rar!', [0x1a, 0x07, 0x01, 0x00]);
const MZ = bytes('MZ', [0x90, 0, 3, 0, 0, 0]);
const ELF = bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
const MACHO = bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]);
const SCRIPT = bytes('#!/bin/sh\nrm -rf /\n');
const TEXT_UTF8 = Buffer.from('关于2026年预算的说明\r\n第一条', 'utf8');
const CSV = Buffer.from('名称,金额\n办公费,100\n', 'utf8');
const HTML = Buffer.from('<!doctype html><p>公告</p>', 'utf8');
const BINARY = bytes([0x00, 0x01, 0x02, 0x03]);

describe('contentMismatch (upload content against the name)', () => {
  const accepted: Array<[string, Buffer]> = [
    ['.pdf', PDF], ['.docx', ZIP], ['.xlsx', ZIP], ['.zip', ZIP], ['.ofd', ZIP], ['.doc', OLE], ['.xls', OLE], ['.wps', OLE], ['.wps', ZIP],
    ['.et', OLE], ['.jpg', JPG], ['.jpeg', JPG], ['.JPG', JPG], ['.png', PNG], ['.gif', GIF], ['.rar', RAR],
    ['.txt', TEXT_UTF8], ['.csv', CSV], ['.html', HTML],
  ];
  it.each(accepted)('accepts %s with matching content', (ext, b) => expect(contentMismatch(ext, b)).toBeNull());

  const refused: Array<[string, Buffer, string]> = [
    ['.pdf', MZ, '可执行程序'], ['.pdf', ELF, '可执行程序'], ['.docx', MZ, '可执行程序'], ['.txt', MZ, '可执行程序'], ['.jpg', MACHO, '可执行程序'],
    ['.txt', SCRIPT, '可执行程序'], ['.pdf', ZIP, 'ZIP'], ['.docx', OLE, '旧版 Office'], ['.doc', ZIP, 'ZIP'], ['.xls', PDF, 'PDF'],
    ['.png', JPG, 'JPEG'], ['.gif', PNG, 'PNG'], ['.jpg', GIF, 'GIF'], ['.txt', BINARY, '无法识别'], ['.pdf', TEXT_UTF8, '纯文本'], ['.zip', RAR, 'RAR'],
  ];
  it.each(refused)('refuses %s whose content is not that type', (ext, b, named) => {
    const msg = contentMismatch(ext, b);
    expect(msg).toContain(named);
    expect(msg).toContain(ext);
  });

  it('names the kinds it knows', () => {
    expect([PDF, ZIP, OLE, RAR, JPG, PNG, GIF, MZ, ELF, TEXT_UTF8, BINARY].map(sniffKind))
      .toEqual(['pdf', 'zip', 'ole', 'rar', 'jpeg', 'png', 'gif', 'executable', 'executable', 'text', 'unknown']);
  });
});

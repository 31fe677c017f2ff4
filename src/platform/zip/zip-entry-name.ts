/**
 * The name of a ZIP entry as its maker meant it (docs/import-export.md "Attachments in a ZIP").
 * The format stores names as bytes: UTF-8 when general purpose bit 11 is set, otherwise in the
 * maker's code page. Info-ZIP may add the name in UTF-8 in a Unicode Path extra field (0x7075),
 * valid while its CRC-32 matches the stored bytes. Chinese Windows (Explorer's 压缩文件夹, WinRAR,
 * 360压缩, 好压) stores GBK without the bit, and some tools store UTF-8 without it; so bytes that are
 * valid UTF-8 are read as UTF-8, and any others as GB18030 (a superset of GBK) — but see below.
 */
export function zipEntryName(raw: Uint8Array, flags: number, extra: Uint8Array = new Uint8Array(0)): string {
  if (flags & 0x0800) return new TextDecoder('utf-8').decode(raw);
  const unicode = unicodePathOf(extra, raw);
  if (unicode !== null) return unicode;
  const gbk = decodeOrNull('gb18030', raw);
  const utf8 = decodeOrNull('utf-8', raw);
  if (utf8 === null) return gbk ?? new TextDecoder('gb18030').decode(raw);
  // Short GBK names may also be valid UTF-8 by chance (gbkByChance below).
  return gbkByChance(utf8, gbk) ? gbk! : utf8;
}

/**
 * Whether bytes that are valid UTF-8 (read as `utf8`) are GBK all the same (read as `gbk`, null when
 * they are not GB18030): short GBK text is often valid UTF-8 by chance — 通知 (CD A8 D6 AA) reads as
 * "֪ͨ". Such a reading has characters of U+0300–U+07FF (combining marks, Greek, Cyrillic, Hebrew,
 * Arabic); when the GBK reading is all Chinese, it is the one meant.
 */
export function gbkByChance(utf8: string, gbk: string | null): boolean {
  return /[\u0300-\u07ff]/.test(utf8) && gbk !== null && CHINESE_NAME.test(gbk);
}

/** ASCII, CJK ideographs and punctuation, full-width forms. */
const CHINESE_NAME = /^[\u0000-\u007f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]*$/;

function decodeOrNull(encoding: string, raw: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(raw);
  } catch {
    return null;
  }
}

/** The UTF-8 name of an Info-ZIP Unicode Path extra field (0x7075, version 1), if its CRC matches `raw`. */
function unicodePathOf(extra: Uint8Array, raw: Uint8Array): string | null {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let p = 0; p + 4 <= extra.length;) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (p + 4 + size > extra.length) return null;
    if (id === 0x7075 && size >= 5 && extra[p + 4] === 1 && view.getUint32(p + 5, true) === crc32(raw)) {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(extra.subarray(p + 9, p + 4 + size));
      } catch {
        return null;
      }
    }
    p += 4 + size;
  }
  return null;
}

let table: Uint32Array | null = null;

/** The CRC-32 of ZIP (and PNG, gzip): polynomial 0xEDB88320. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

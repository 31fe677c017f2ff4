import { deflateSync } from 'fflate';
import { crc32 } from '../../src/platform/zip/zip-entry-name.ts';

/**
 * An entry of a ZIP built byte by byte, as other tools write them: `name` as raw bytes (a GBK name
 * from Chinese Windows) or a string (UTF-8), `utf8Flag` for general purpose bit 11, `extra` for
 * extra fields (an Info-ZIP Unicode Path), `deflate` to compress.
 */
export type ZipEntrySpec = { name: string | Uint8Array; data: string | Uint8Array; utf8Flag?: boolean; extra?: Uint8Array; deflate?: boolean };

const bytesOf = (v: string | Uint8Array) => (typeof v === 'string' ? new TextEncoder().encode(v) : v);

/** A ZIP archive (local headers, central directory, end record) holding `entries`. */
export function buildZip(entries: ZipEntrySpec[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = bytesOf(e.name);
    const data = bytesOf(e.data);
    const stored = e.deflate ? deflateSync(data) : data;
    const extra = e.extra ?? new Uint8Array(0);
    const flags = e.utf8Flag ? 0x0800 : 0;
    const method = e.deflate ? 8 : 0;
    const crc = crc32(data);
    const local = new Uint8Array(30 + name.length + extra.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true); lv.setUint16(4, 20, true); lv.setUint16(6, flags, true); lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true); lv.setUint32(18, stored.length, true); lv.setUint32(22, data.length, true);
    lv.setUint16(26, name.length, true); lv.setUint16(28, extra.length, true);
    local.set(name, 30); local.set(extra, 30 + name.length);
    const dir = new Uint8Array(46 + name.length + extra.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true); dv.setUint16(4, 20, true); dv.setUint16(6, 20, true); dv.setUint16(8, flags, true); dv.setUint16(10, method, true);
    dv.setUint32(16, crc, true); dv.setUint32(20, stored.length, true); dv.setUint32(24, data.length, true);
    dv.setUint16(28, name.length, true); dv.setUint16(30, extra.length, true); dv.setUint32(42, offset, true);
    dir.set(name, 46); dir.set(extra, 46 + name.length);
    parts.push(local, stored);
    central.push(dir);
    offset += local.length + stored.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true); ev.setUint16(8, entries.length, true); ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true); ev.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of all) { out.set(p, o); o += p.length; }
  return out;
}

/** An Info-ZIP Unicode Path extra field (0x7075) giving `name` in UTF-8 for the raw name `raw`. */
export function unicodePathExtra(name: string, raw: Uint8Array, crc = crc32(raw)): Uint8Array {
  const utf8 = new TextEncoder().encode(name);
  const f = new Uint8Array(9 + utf8.length);
  const v = new DataView(f.buffer);
  v.setUint16(0, 0x7075, true); v.setUint16(2, 5 + utf8.length, true); f[4] = 1; v.setUint32(5, crc, true);
  f.set(utf8, 9);
  return f;
}

/** Bytes from hex ("cda8d6aa"): names as GBK writes them, spelled out so the test shows them. */
export const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((b) => parseInt(b, 16)));

import { inflateSync } from 'fflate';
import { zipEntryName } from './zip-entry-name.ts';

/** A ZIP file that cannot be read (its message, in Chinese, says where it is broken). */
export class ZipReadError extends Error {}

/** More entries declared than the reader allows. */
export class ZipEntryLimitError extends ZipReadError {
  constructor(readonly count: number, readonly max: number) {
    super(`压缩包声明了 ${count} 个条目，超过上限 ${max} 个`);
  }
}

/** One entry of a ZIP's central directory, its name decoded (zip-entry-name.ts). */
export type ZipEntry = {
  name: string;
  /** Uncompressed size as declared. */
  size: number;
  compressedSize: number;
  /** 0 stored, 8 deflated; others are not read. */
  method: number;
  flags: number;
  localOffset: number;
};

/**
 * Walks the central directory, before anything is inflated: the entry count (also a ZIP64 count) and
 * every entry must fit inside the file and `maxEntries`, so a 128-byte archive claiming 4,294,967,295
 * entries is refused at once instead of looping for hours.
 */
export function zipEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const u64 = (o: number) => Number(view.getBigUint64(o, true));
  let eocd = -1;
  for (let e = bytes.length - 22; e >= 0 && bytes.length - e <= 22 + 0xffff; e--) {
    if (u32(e) === 0x06054b50) { eocd = e; break; }
  }
  if (eocd < 0) throw new ZipReadError('压缩结构已损坏（找不到目录）');
  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  if (eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const z = u64(eocd - 12);
    if (z + 56 > bytes.length || u32(z) !== 0x06064b50) throw new ZipReadError('压缩结构已损坏（ZIP64 目录）');
    count = u64(z + 32);
    cdSize = u64(z + 40);
    cdOffset = u64(z + 48);
  }
  if (count > maxEntries) throw new ZipEntryLimitError(count, maxEntries);
  // A directory entry takes at least 46 bytes; the directory must lie inside the file.
  if (cdOffset + cdSize > bytes.length || count * 46 > cdSize) throw new ZipReadError('压缩结构已损坏（目录超出文件范围）');
  const out: ZipEntry[] = [];
  let o = cdOffset;
  const end = cdOffset + cdSize;
  for (let i = 0; i < count; i++) {
    if (o + 46 > end || u32(o) !== 0x02014b50) throw new ZipReadError('压缩结构已损坏（目录条目）');
    const nameLen = u16(o + 28);
    const extraLen = u16(o + 30);
    const commentLen = u16(o + 32);
    if (o + 46 + nameLen + extraLen + commentLen > end) throw new ZipReadError('压缩结构已损坏（目录条目）');
    const extra = bytes.subarray(o + 46 + nameLen, o + 46 + nameLen + extraLen);
    const wide = zip64Fields(extra, { size: u32(o + 24), compressedSize: u32(o + 20), localOffset: u32(o + 42) });
    out.push({
      name: zipEntryName(bytes.subarray(o + 46, o + 46 + nameLen), u16(o + 8), extra),
      method: u16(o + 10), flags: u16(o + 8), ...wide,
    });
    o += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The sizes and offset, taken from the ZIP64 extra field (0x0001) where the directory holds 0xFFFFFFFF, in the order the format gives them. */
function zip64Fields(extra: Uint8Array, f: { size: number; compressedSize: number; localOffset: number }) {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let p = 0; p + 4 <= extra.length;) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + size || q + 8 > extra.length) return null;
        const v = Number(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      const out = { ...f };
      if (f.size === 0xffffffff) out.size = next() ?? f.size;
      if (f.compressedSize === 0xffffffff) out.compressedSize = next() ?? f.compressedSize;
      if (f.localOffset === 0xffffffff) out.localOffset = next() ?? f.localOffset;
      return out;
    }
    p += 4 + size;
  }
  return f;
}

/** The bytes of one entry (stored or deflated; an encrypted one is refused), at most its declared size. */
export function zipEntryBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const o = entry.localOffset;
  if (o + 30 > bytes.length || view.getUint32(o, true) !== 0x04034b50) throw new ZipReadError(`压缩结构已损坏（“${entry.name}”的文件头）`);
  if (entry.flags & 1) throw new ZipReadError(`“${entry.name}”已加密，无法读取`);
  const start = o + 30 + view.getUint16(o + 26, true) + view.getUint16(o + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ZipReadError(`压缩结构已损坏（“${entry.name}”超出文件范围）`);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.slice();
  if (entry.method !== 8) throw new ZipReadError(`“${entry.name}”使用了不支持的压缩方式（${entry.method}）`);
  try {
    const out = inflateSync(data, { out: new Uint8Array(entry.size) });
    if (out.length !== entry.size) throw new Error('size');
    return out;
  } catch {
    throw new ZipReadError(`压缩结构已损坏（“${entry.name}”无法解压）`);
  }
}

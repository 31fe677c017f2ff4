import { unzipSync } from 'fflate';
import { DEFAULT_EXTRACTION_LIMITS, ExtractionLimitError, mib, type ExtractionLimits } from './extraction-limits.ts';

export class ZipReadError extends Error {}

type DirectoryEntry = { name: string; declaredSize: number };

/**
 * Walks the central directory before anything is inflated: the entry count (also a ZIP64 count) and
 * every entry must fit inside the file and the budget, so a 128-byte archive claiming 4,294,967,295
 * entries is refused at once instead of looping for hours.
 */
export function zipDirectory(bytes: Uint8Array, limits: Pick<ExtractionLimits, 'maxZipEntries'>): DirectoryEntry[] {
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
  if (count > limits.maxZipEntries) throw new ExtractionLimitError(`压缩包声明了 ${count} 个条目，超过扫描上限 ${limits.maxZipEntries} 个`);
  // A directory entry takes at least 46 bytes; the directory must lie inside the file.
  if (cdOffset + cdSize > bytes.length || count * 46 > cdSize) throw new ZipReadError('压缩结构已损坏（目录超出文件范围）');
  const out: DirectoryEntry[] = [];
  let o = cdOffset;
  const end = cdOffset + cdSize;
  for (let i = 0; i < count; i++) {
    if (o + 46 > end || u32(o) !== 0x02014b50) throw new ZipReadError('压缩结构已损坏（目录条目）');
    const nameLen = u16(o + 28);
    const extraLen = u16(o + 30);
    const commentLen = u16(o + 32);
    if (o + 46 + nameLen + extraLen + commentLen > end) throw new ZipReadError('压缩结构已损坏（目录条目）');
    let declaredSize = u32(o + 24);
    if (declaredSize === 0xffffffff) declaredSize = zip64Size(view, o + 46 + nameLen, extraLen) ?? declaredSize;
    out.push({ name: new TextDecoder().decode(bytes.subarray(o + 46, o + 46 + nameLen)), declaredSize });
    o += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The uncompressed size in an entry's ZIP64 extra field (id 0x0001), if present. */
function zip64Size(view: DataView, start: number, length: number): number | null {
  for (let p = start; p + 4 <= start + length;) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001 && size >= 8) return Number(view.getBigUint64(p + 4, true));
    p += 4 + size;
  }
  return null;
}

/**
 * The entries of a zip archive whose names `wanted` accepts, within the budget: entry count, and the
 * expanded size both as declared (checked before inflating) and as inflated (fflate never writes past
 * the declared size of an entry, so the declared total bounds the real one; it is counted again).
 */
export function readZipEntries(
  bytes: Uint8Array, wanted: (name: string) => boolean,
  limits: Pick<ExtractionLimits, 'maxZipEntries' | 'maxExpandedBytes'> = DEFAULT_EXTRACTION_LIMITS,
): Record<string, Uint8Array> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ZipReadError('不是有效的 Office Open XML（zip）文件');
  const directory = zipDirectory(bytes, limits);
  const declared = directory.filter((e) => wanted(e.name)).reduce((n, e) => n + e.declaredSize, 0);
  if (declared > limits.maxExpandedBytes) throw new ExtractionLimitError(`解压后内容声明为 ${mib(declared)}，超过扫描上限 ${mib(limits.maxExpandedBytes)}`);
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (file) => wanted(file.name) && file.originalSize <= limits.maxExpandedBytes });
  } catch {
    throw new ZipReadError('压缩结构已损坏');
  }
  const actual = Object.values(parts).reduce((n, p) => n + p.length, 0);
  if (actual > limits.maxExpandedBytes) throw new ExtractionLimitError(`解压后内容为 ${mib(actual)}，超过扫描上限 ${mib(limits.maxExpandedBytes)}`);
  return parts;
}

export const utf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

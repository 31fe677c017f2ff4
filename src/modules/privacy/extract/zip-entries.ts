import { unzipSync } from 'fflate';
import { ZipEntryLimitError, ZipReadError, zipEntries } from '../../../platform/zip/zip-archive.ts';
import { DEFAULT_EXTRACTION_LIMITS, ExtractionLimitError, mib, type ExtractionLimits } from './extraction-limits.ts';

export { ZipReadError };

type DirectoryEntry = { name: string; declaredSize: number };

/**
 * The central directory, walked before anything is inflated (platform/zip/zip-archive.ts): a 128-byte
 * archive claiming 4,294,967,295 entries is refused at once instead of looping for hours.
 */
export function zipDirectory(bytes: Uint8Array, limits: Pick<ExtractionLimits, 'maxZipEntries'>): DirectoryEntry[] {
  try {
    return zipEntries(bytes, limits.maxZipEntries).map((e) => ({ name: e.name, declaredSize: e.size }));
  } catch (e) {
    if (e instanceof ZipEntryLimitError) throw new ExtractionLimitError(`压缩包声明了 ${e.count} 个条目，超过扫描上限 ${e.max} 个`);
    throw e;
  }
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

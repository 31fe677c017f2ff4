import { unzipSync } from 'fflate';

/** Beyond this many uncompressed bytes a document is refused rather than inflated (zip bombs). */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;

export class ZipReadError extends Error {}

/** The entries of a zip archive whose names `wanted` accepts. */
export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, Uint8Array> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ZipReadError('不是有效的 Office Open XML（zip）文件');
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        total += file.originalSize;
        if (total > MAX_UNZIPPED_BYTES) throw new ZipReadError('解压后内容过大');
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ZipReadError) throw e;
    throw new ZipReadError('压缩结构已损坏');
  }
}

export const utf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../shared/domain-error.ts';

/** The file in the copy's folder that remembers each file's hash, so a later export rewrites only what changed. */
export const EXPORT_MANIFEST = '.gongkai-export.json';

export type ExportManifest = {
  format: 'gongkai-static-site/1';
  exportedAt: string;
  organ: string | null;
  files: Record<string, { sha256: string; size: number }>;
};

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/**
 * The previous export's manifest, or an empty one for an empty (or missing) folder. A folder with
 * other files and no manifest is refused: the export removes what it no longer writes, and must
 * never remove files it did not write.
 */
export function readManifest(dir: string): ExportManifest['files'] {
  const file = path.join(dir, EXPORT_MANIFEST);
  if (fs.existsSync(file)) {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ExportManifest>;
    if (parsed.format !== 'gongkai-static-site/1' || typeof parsed.files !== 'object' || !parsed.files) {
      throw new DomainError('ERR_EXPORT_DIR_NOT_EMPTY', `${file} 不是本平台写的静态副本清单，未做任何改动`);
    }
    return parsed.files;
  }
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new DomainError('ERR_EXPORT_DIR_NOT_EMPTY', `目录 ${dir} 不为空，也不是以前导出的静态副本（没有 ${EXPORT_MANIFEST}）。为免覆盖其他文件，请指定一个空目录或以前导出的目录`);
  }
  return {};
}

/** Writes one file of the copy unless the copy already holds exactly these bytes; true when written. */
export function writeIfChanged(dir: string, rel: string, data: Buffer, previous: ExportManifest['files']): { written: boolean; sha256: string; size: number } {
  const hash = sha256(data);
  const target = path.join(dir, rel);
  const known = previous[rel];
  if (known && known.sha256 === hash && fs.existsSync(target) && fs.statSync(target).size === data.length) return { written: false, sha256: hash, size: data.length };
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Written beside and renamed over: a web server serving the folder never sends half a file.
  const temp = `${target}.${process.pid}.partial`;
  fs.writeFileSync(temp, data);
  fs.renameSync(temp, target);
  return { written: true, sha256: hash, size: data.length };
}

/** Removes files the last export wrote and this one did not, and the folders they leave empty. */
export function removeStale(dir: string, previous: ExportManifest['files'], current: ExportManifest['files']): string[] {
  const removed: string[] = [];
  for (const rel of Object.keys(previous)) {
    if (current[rel]) continue;
    const target = path.join(dir, rel);
    if (fs.existsSync(target)) fs.rmSync(target);
    removed.push(rel);
    for (let d = path.dirname(target); d.startsWith(dir + path.sep) && fs.existsSync(d) && fs.readdirSync(d).length === 0; d = path.dirname(d)) fs.rmdirSync(d);
  }
  return removed;
}

export function writeManifest(dir: string, manifest: ExportManifest): void {
  const sorted = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : 1)));
  fs.writeFileSync(path.join(dir, EXPORT_MANIFEST), JSON.stringify({ ...manifest, files: sorted }, null, 1) + '\n');
}

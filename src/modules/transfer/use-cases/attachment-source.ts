import fs from 'node:fs';
import path from 'node:path';
import { ZipReadError, zipEntries, zipEntryBytes, type ZipEntry } from '../../../platform/zip/zip-archive.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { TransferErrorCode as E } from '../domain/error-codes.ts';

/** Where an import finds the attachment files its rows name: a folder or a ZIP file. */
export type AttachmentSource = { has(name: string): boolean; read(name: string): Uint8Array; label: string };

/** A name as a row gives it, compared without ./, with / for \, and without surrounding spaces. */
export const attachmentKey = (name: string) => name.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');

/** The files under a folder (a name may hold sub-folders; nothing outside the folder is read). */
export function directorySource(dir: string): AttachmentSource {
  const root = path.resolve(dir);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new DomainError(E.attachmentsUnreadable, `附件目录 ${dir} 不存在或不是目录`);
  const inside = (name: string) => {
    const p = path.resolve(root, attachmentKey(name));
    return p.startsWith(root + path.sep) ? p : null;
  };
  return {
    label: dir,
    has: (name) => {
      const p = inside(name);
      return !!p && fs.existsSync(p) && fs.statSync(p).isFile();
    },
    read: (name) => new Uint8Array(fs.readFileSync(inside(name)!)),
  };
}

/** Entries an attachments ZIP may list. */
const MAX_ZIP_ENTRIES = 100_000;

/**
 * The files of a ZIP archive, each inflated when it is read. Names are read as their maker meant them
 * (platform/zip/zip-entry-name.ts: UTF-8, or GBK as Chinese Windows and WinRAR write them).
 */
export function zipSource(bytes: Uint8Array, label = 'ZIP'): AttachmentSource {
  const unreadable = (why: string) => new DomainError(E.attachmentsUnreadable, `无法读取附件压缩包 ${label}：${why}`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw unreadable('不是 ZIP 文件');
  let entries: ZipEntry[];
  try {
    entries = zipEntries(bytes, MAX_ZIP_ENTRIES);
  } catch (e) {
    throw unreadable(e instanceof ZipReadError ? e.message : '文件已损坏');
  }
  const byKey = new Map(entries.filter((e) => !e.name.endsWith('/')).map((e) => [attachmentKey(e.name), e]));
  return {
    label,
    has: (name) => byKey.has(attachmentKey(name)),
    read: (name) => {
      try {
        return zipEntryBytes(bytes, byKey.get(attachmentKey(name))!);
      } catch (e) {
        throw unreadable(e instanceof ZipReadError ? e.message : '文件已损坏');
      }
    },
  };
}

/** A folder, or a .zip file, by its path on this machine. */
export function attachmentSourceAt(p: string): AttachmentSource {
  if (/\.zip$/i.test(p)) {
    if (!fs.existsSync(p)) throw new DomainError(E.attachmentsUnreadable, `附件压缩包 ${p} 不存在`);
    return zipSource(new Uint8Array(fs.readFileSync(p)), p);
  }
  return directorySource(p);
}

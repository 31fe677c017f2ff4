import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
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

/** The files of a ZIP archive (read once into memory). */
export function zipSource(bytes: Uint8Array, label = 'ZIP'): AttachmentSource {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new DomainError(E.attachmentsUnreadable, `无法读取附件压缩包 ${label}：文件已损坏或不是 ZIP 文件`);
  }
  const byKey = new Map(Object.entries(files).filter(([name]) => !name.endsWith('/')).map(([name, b]) => [attachmentKey(name), b]));
  return { label, has: (name) => byKey.has(attachmentKey(name)), read: (name) => byKey.get(attachmentKey(name))! };
}

/** A folder, or a .zip file, by its path on this machine. */
export function attachmentSourceAt(p: string): AttachmentSource {
  if (/\.zip$/i.test(p)) {
    if (!fs.existsSync(p)) throw new DomainError(E.attachmentsUnreadable, `附件压缩包 ${p} 不存在`);
    return zipSource(new Uint8Array(fs.readFileSync(p)), p);
  }
  return directorySource(p);
}

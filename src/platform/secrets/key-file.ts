import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A key file in the data directory (audit.key, secret.key) is made whole or not at all, and only
 * once: the content is written under a temporary name (mode 0600) and flushed to disk, then
 * hard-linked into place — a link fails when the name exists, so of several processes creating it at
 * once exactly one wins and every other reads the winner; nobody ever sees the file empty or half
 * written, and a crash leaves either no key file or a whole one (at worst a stray temporary file,
 * which is never read). Returns true when this call made it.
 */
export function createKeyFileOnce(file: string, content: string): boolean {
  if (fs.existsSync(file)) return false;
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
    syncDirectory(path.dirname(file));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Whether a data directory's relative path is the key file `name` or one of its temporary files. */
export function isKeyFileOrTemp(relativePath: string, name: string): boolean {
  if (relativePath === name) return true;
  return relativePath.startsWith(`${name}.`) && /^\.\d+\.[0-9a-f]+\.tmp$/.test(relativePath.slice(name.length));
}

/** Flushes a directory's entries, so the new name survives a power cut (not possible on Windows). */
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

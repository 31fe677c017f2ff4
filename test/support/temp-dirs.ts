import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Temporary folders for tests. Each is made under the system temp folder as `gongkai-<name>-XXXXXX`
 * and removed after the test file that made it (test/support/remove-temp-dirs.ts, a setup file),
 * so a test never leaves one behind; test/support/temp-dirs-check.ts fails the run if one is left.
 */
const made: string[] = [];

export function makeTempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gongkai-${name}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's folder (the one holding package.json), found by walking up from this file. The
 * code runs either as TypeScript from `src/` or compiled from `dist/src/` (`npm run build`), one
 * folder deeper, so a file outside the code — `standard-directories/`, `docs/`, the test corpus, the
 * editor's TypeScript entry — is found from here, never by counting `../` from a module.
 */
function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('找不到项目目录（package.json）');
    dir = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot();

/** A path inside the project's folder, e.g. `projectPath('docs', 'archive-format.md')`. */
export const projectPath = (...parts: string[]): string => path.join(PROJECT_ROOT, ...parts);

/** True when this process runs the compiled JavaScript of `npm run build` rather than the TypeScript sources. */
export const RUNS_COMPILED = import.meta.url.endsWith('.js');

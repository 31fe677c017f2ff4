// Where `npm run build` puts the compiled server, and whether that build is as new as the sources.
// Plain JavaScript: bin/gongkai reads it before any TypeScript can be loaded.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE_DIR = path.join(PROJECT_ROOT, 'src');
export const BUILD_DIR = path.join(PROJECT_ROOT, 'dist');
const STAMP_FILE = 'BUILD.json';

/**
 * What the sources look like, cheaply (about 5 ms): how many files, and the newest change time of any
 * file or folder under src/. Editing, adding, deleting or renaming a file changes it (a folder's time
 * changes when an entry is added, removed or renamed).
 */
export function sourceStamp(dir = SOURCE_DIR) {
  let files = 0;
  let newest = fs.statSync(dir).mtimeMs;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const t = fs.statSync(p).mtimeMs;
      if (t > newest) newest = t;
      if (e.isDirectory()) walk(p);
      else files += 1;
    }
  };
  walk(dir);
  return `${files}:${newest}`;
}

export const readStamp = (buildDir) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(buildDir, STAMP_FILE), 'utf8')).sources;
  } catch {
    return null;
  }
};

export const writeStamp = (buildDir, sources) =>
  fs.writeFileSync(path.join(buildDir, STAMP_FILE), `${JSON.stringify({ sources, builtAt: new Date().toISOString() }, null, 2)}\n`);

/**
 * The compiled command line's entry when `buildDir` holds a build of the current sources, else null
 * (no build, or the sources changed since: the TypeScript is then run as it is, never stale code).
 */
export function freshBuildEntry(buildDir = BUILD_DIR) {
  const entry = path.join(buildDir, 'src', 'main', 'cli.js');
  if (!fs.existsSync(entry)) return null;
  return readStamp(buildDir) === sourceStamp() ? entry : null;
}

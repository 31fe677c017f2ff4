import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Migration } from './migration.ts';

const DIR = path.dirname(fileURLToPath(import.meta.url));

/**
 * Every migration in order: the files `NNN-name.ts` of this folder (`NNN-name.js` when the code runs
 * compiled from dist/, `npm run build`), each exporting `migration`.
 * Each business area adds its own file, so areas never edit a shared list. Never edit one that
 * has shipped; add a new one.
 */
export async function loadMigrations(): Promise<Migration[]> {
  const files = fs.readdirSync(DIR).filter((f) => /^\d{3}-[a-z0-9-]+\.[jt]s$/.test(f) && !f.endsWith('.test.ts')).sort();
  const list: Migration[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(DIR, f)).href)) as { migration?: Migration };
    if (!mod.migration) throw new Error(`迁移文件 ${f} 没有导出 migration`);
    const name = f.replace(/\.[jt]s$/, '');
    if (mod.migration.name !== name) throw new Error(`迁移文件 ${f} 的 name 应为 ${name}`);
    list.push(mod.migration);
  }
  return list;
}

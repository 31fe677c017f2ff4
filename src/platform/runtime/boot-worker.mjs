// Loads a worker thread's module: the compiled JavaScript beside the worker's boot file when the code
// runs from dist/ (`npm run build`), else the TypeScript sources through tsx, like bin/gongkai. A worker
// thread does not inherit the loader its parent registered, so each boot file calls this first.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `bootUrl` is the boot file's import.meta.url; `name` the module's file name without extension. */
export async function bootWorker(bootUrl, name) {
  const compiled = new URL(`./${name}.js`, bootUrl);
  if (fs.existsSync(compiled)) return import(compiled.href);
  const { register } = await import('tsx/esm/api');
  // The project's tsconfig.json (TSX for Preact) whatever folder the process was started in, as bin/gongkai does.
  register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) });
  return import(new URL(`./${name}.ts`, bootUrl).href);
}

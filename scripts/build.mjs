// npm run build [-- --force] [--out DIR]: compiles src/ to plain JavaScript in dist/ (docs/adr/0023).
// The server started from the compiled code needs about 80 MB less memory than one that compiles its
// TypeScript as it loads (docs/performance.md). Does nothing when dist/ already holds a build of the
// current sources; `npm start` runs it first.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { BUILD_DIR, PROJECT_ROOT, SOURCE_DIR, readStamp, sourceStamp, writeStamp } from './compiled-build.mjs';

const args = process.argv.slice(2);
const force = args.includes('--force');
const outAt = args.indexOf('--out');
const outDir = outAt >= 0 ? path.resolve(args[outAt + 1] ?? '') : BUILD_DIR;
if (outAt >= 0 && !path.resolve(outDir).startsWith(PROJECT_ROOT + path.sep)) {
  console.error('--out 必须是项目目录下的文件夹（编译后的代码按项目目录查找 docs/、standard-directories/ 等）');
  process.exit(2);
}

/** Test files and snapshots stay behind: the compiled tree is what the server runs. */
const isTestFile = (rel) => /\.test\.tsx?$/.test(rel) || rel.split(path.sep).includes('__snapshots__');

function listSources() {
  const code = [];
  const other = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(SOURCE_DIR, p);
      if (e.isDirectory()) walk(p);
      else if (isTestFile(rel)) continue;
      else if (/\.tsx?$/.test(e.name)) code.push(p);
      else if (!e.name.endsWith('.md')) other.push(rel);
    }
  };
  walk(SOURCE_DIR);
  return { code, other };
}

/**
 * Each module compiled on its own, to the same place under dist/src/: every relative import stays an
 * import of the neighbouring compiled file (`./x.ts` → `./x.js`), packages stay imports of node_modules.
 */
const keepModules = {
  name: 'keep-modules',
  setup(b) {
    // A JSON module is put inside its importer instead (an external one would lose its `with { type: 'json' }`).
    b.onResolve({ filter: /^\.\.?\// }, (a) => (a.kind === 'entry-point' || a.path.endsWith('.json') ? undefined : { path: a.path.replace(/\.tsx?$/, '.js'), external: true }));
  },
};

const stamp = sourceStamp();
if (!force && readStamp(outDir) === stamp) {
  console.log(`编译结果已是最新：${path.relative(PROJECT_ROOT, outDir) || '.'}`);
  process.exit(0);
}

const started = Date.now();
const { code, other } = listSources();
// Built beside the target and renamed into place, so an interrupted build never leaves half a tree.
const tmp = `${outDir}.building-${process.pid}`;
fs.rmSync(tmp, { recursive: true, force: true });
try {
  await build({
    entryPoints: code, outdir: path.join(tmp, 'src'), outbase: SOURCE_DIR, bundle: true, packages: 'external', plugins: [keepModules],
    format: 'esm', platform: 'node', target: 'node20', charset: 'utf8', jsx: 'automatic', jsxImportSource: 'preact', logLevel: 'warning',
  });
  for (const rel of other) {
    fs.mkdirSync(path.dirname(path.join(tmp, 'src', rel)), { recursive: true });
    fs.copyFileSync(path.join(SOURCE_DIR, rel), path.join(tmp, 'src', rel));
  }
  // The homophone lexicon's compact form beside its compiled module (docs/adr/0035): the first search that finds nothing
  // reads it in a few tens of milliseconds instead of working it out from jieba's dictionary and pinyin-pro (1–2 s on a
  // loaded machine). Without it the server still works: it works the lexicon out then.
  try {
    const lexicon = await import(pathToFileURL(path.join(tmp, 'src', 'modules', 'search', 'segmenter', 'jieba-lexicon.js')).href);
    await lexicon.writeLexiconFile(lexicon.LEXICON_FILE);
  } catch (e) {
    console.warn(`未能生成检索纠错词典文件（jieba-lexicon.bin）：${e instanceof Error ? e.message : e}；首次无结果的检索将现算词典（1–2 秒）`);
  }
  writeStamp(tmp, stamp);
  const old = `${outDir}.old-${process.pid}`;
  if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
  fs.renameSync(tmp, outDir);
  fs.rmSync(old, { recursive: true, force: true });
} catch (e) {
  fs.rmSync(tmp, { recursive: true, force: true });
  console.error(`编译失败：${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
console.log(`已编译 ${code.length} 个模块到 ${path.relative(PROJECT_ROOT, outDir)}/（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);

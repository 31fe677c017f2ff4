/**
 * The first search that finds nothing needs the homophone lexicon (您是不是要找; src/modules/search/segmenter/jieba-lexicon.ts,
 * ADR 0035): what that first call costs in a fresh process — read from the compact form `npm run build` writes, or worked
 * out from jieba's dictionary and pinyin-pro as without it — and the resident memory before and after. Prints figures;
 * never asserts a time. Each run is a process of its own (a lexicon is made once per process).
 *   node --import tsx bench/lexicon-bench.ts [--runs 3] [--dist DIR]
 * Runs the compiled module (dist/, or the build in DIR, as `npm start` runs it) when `npm run build` made one with its file, else the sources
 * through tsx (RSS then includes tsx: compare the rows' differences). Also prints the load average: on this project's
 * shared machines the figures scale with it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : null);
const ROOT = path.resolve(import.meta.dirname, '..');
const COMPILED = path.join(path.resolve(ROOT, arg('dist') ?? 'dist'), 'src', 'modules', 'search', 'segmenter', 'jieba-lexicon.js');
const SOURCE = path.join(ROOT, 'src', 'modules', 'search', 'segmenter', 'jieba-lexicon.ts');
const mb = (bytes: number) => bytes / 1024 / 1024;

type Figures = { loadMs: number; loadCpuMs: number; firstOffersMs: number; firstOffersCpuMs: number; rssBefore: number; rssAfter: number; pinyinLoaded: boolean };

if (arg('child')) {
  // One measurement, in this fresh process: the module imported (as the server has it), then the first call.
  const mode = arg('child')!;
  const lexiconModule = await import(pathToFileURL(arg('module')!).href);
  const { typoOffers } = await import('../src/modules/search/domain/typo-suggestion.ts');
  const { parseQuery } = await import('../src/modules/search/domain/parse-query.ts');
  const { SYNONYM_GROUPS } = await import('../src/modules/search/domain/synonyms.ts');
  const { DOMAIN_WORDS } = await import('../src/modules/search/domain/domain-words.ts');
  const listed = new Set([...SYNONYM_GROUPS.flat(), ...DOMAIN_WORDS]);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const rssBefore = process.memoryUsage().rss;
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const c0 = cpu();
  const t0 = performance.now();
  const lexicon = mode === 'file' ? lexiconModule.readLexiconFile(arg('file')!) : lexiconModule.computeLexicon();
  if (!lexicon) throw new Error(`the file ${arg('file')} was not read`);
  const t1 = performance.now();
  const c1 = cpu();
  // What the search then does first: the corrections of a typo (公共租凭住房: homophones, then words one character off).
  typoOffers(parseQuery('公共租凭住房'), lexicon, listed);
  const t2 = performance.now();
  const c2 = cpu();
  gc?.();
  const pinyinLoaded = Object.keys((await import('node:module')).createRequire(import.meta.url).cache).some((k) => k.includes(`${path.sep}pinyin-pro${path.sep}`));
  const figures: Figures = { loadMs: t1 - t0, loadCpuMs: c1 - c0, firstOffersMs: t2 - t1, firstOffersCpuMs: c2 - c1, rssBefore, rssAfter: process.memoryUsage().rss, pinyinLoaded };
  console.log(JSON.stringify(figures));
} else {
  const runs = Number(arg('runs') ?? 3);
  const compiled = fs.existsSync(COMPILED) && fs.existsSync(COMPILED.replace(/\.js$/, '.bin'));
  const module = compiled ? COMPILED : SOURCE;
  let file = COMPILED.replace(/\.js$/, '.bin');
  let work: string | null = null;
  if (!compiled) {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-lexicon-bench-'));
    file = path.join(work, 'jieba-lexicon.bin');
    const { writeLexiconFile } = await import('../src/modules/search/segmenter/jieba-lexicon.ts');
    const t = performance.now();
    const written = await writeLexiconFile(file);
    console.log(`no build with the file in ${path.relative(ROOT, COMPILED)}'s folder: wrote one in ${(performance.now() - t).toFixed(0)} ms (${mb(written.bytes).toFixed(1)} MB, readings of ${written.characters} characters)`);
  }
  console.log(`${compiled ? `compiled module (${path.relative(ROOT, COMPILED)})` : 'sources through tsx'}; file ${mb(fs.statSync(file).size).toFixed(1)} MB; ${runs} fresh processes each; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${os.cpus().length} CPUs`);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  for (const mode of ['file', 'computed']) {
    const all: Figures[] = [];
    for (let r = 0; r < runs; r++) {
      const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, '--child', mode, '--module', module, '--file', file], { cwd: ROOT, encoding: 'utf8' });
      all.push(JSON.parse(out.trim().split('\n').pop()!) as Figures);
    }
    const loads = all.map((f) => f.loadMs);
    console.log(`${mode === 'file' ? 'read from the file  ' : 'worked out (no file)'}: first call ${median(loads).toFixed(0)} ms (median; ${loads.map((l) => l.toFixed(0)).join(', ')}; CPU ${median(all.map((f) => f.loadCpuMs)).toFixed(0)} ms), `
      + `first offers after it ${median(all.map((f) => f.firstOffersMs)).toFixed(0)} ms (CPU ${median(all.map((f) => f.firstOffersCpuMs)).toFixed(0)} ms); `
      + `RSS ${mb(median(all.map((f) => f.rssBefore))).toFixed(0)} → ${mb(median(all.map((f) => f.rssAfter))).toFixed(0)} MB (+${mb(median(all.map((f) => f.rssAfter - f.rssBefore))).toFixed(0)}); pinyin-pro loaded: ${all.some((f) => f.pinyinLoaded) ? 'yes' : 'no'}`);
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
}

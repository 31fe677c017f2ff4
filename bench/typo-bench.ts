/**
 * 您是不是要找's corrections (domain/typo-suggestion.ts, docs/search.md): what the lexicon costs to load (time, heap,
 * buffers) and what one query's corrections cost — dictionary look-ups, dictionary lines read for the words one
 * character off, candidates handed back, time (median of a few runs) — for the typos of issue 13 and for the worst
 * queries that could be made up (six keywords of twelve characters, of homophone-rich or of the commonest characters).
 * Prints figures; never asserts a time. No database: the candidates' counts are searches, measured by bench:search.
 *   node --expose-gc --import tsx bench/typo-bench.ts [--runs 5] [--homophones-only]
 * --homophones-only: without the characters of any shape (maxOtherLookups, maxLinesRead and maxOtherCandidates 0), to compare.
 */
import { performance } from 'node:perf_hooks';
import { parseQuery } from '../src/modules/search/domain/parse-query.ts';
import { DOMAIN_WORDS } from '../src/modules/search/domain/domain-words.ts';
import { SYNONYM_GROUPS } from '../src/modules/search/domain/synonyms.ts';
import { typoCandidates, TYPO_BOUNDS, type Lexicon } from '../src/modules/search/domain/typo-suggestion.ts';
import { jiebaLexicon } from '../src/modules/search/segmenter/jieba-lexicon.ts';

const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : null);
const RUNS = Number(arg('runs') ?? 5);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const gc = (globalThis as { gc?: () => void }).gc;

gc?.();
const before = process.memoryUsage();
const started = performance.now();
const real = await jiebaLexicon();
const loaded = performance.now() - started;
gc?.();
const after = process.memoryUsage();
console.log(`lexicon load ${loaded.toFixed(0)} ms; heap +${mb(after.heapUsed - before.heapUsed)}, buffers +${mb(after.arrayBuffers - before.arrayBuffers)}, RSS +${mb(after.rss - before.rss)}${gc ? '' : ' (run with --expose-gc for steadier figures)'}`);

let lookups = 0;
let read = 0;
let calls = 0;
const counted: Lexicon = {
  frequency: (w) => (lookups++, real.frequency(w)),
  hasPrefix: (p) => (lookups++, real.hasPrefix(p)),
  homophones: (c) => real.homophones(c),
  oneCharOff: (w, at, most) => {
    const off = real.oneCharOff(w, at, most);
    lookups += 4;
    calls++;
    read += off.read;
    return off;
  },
  total: real.total,
};
// As the search lists them (use-cases/search-offers.ts, the organs' names apart): the synonym groups and the domain's words.
const listed = new Set([...SYNONYM_GROUPS.flat(), ...DOMAIN_WORDS]);
const bounds = process.argv.includes('--homophones-only') ? { ...TYPO_BOUNDS, maxOtherLookups: 0, maxLinesRead: 0, maxOtherCandidates: 0 } : TYPO_BOUNDS;

const QUERIES = [
  '公共租凭住房', '棚户区改递', '预售许可征', '住房公积全', '扬尘治埋', '公阻房', '危方改造 资金', '杨尘', '杨尘污染', '电梯加装补贴',
  // Worst cases made up: every keyword as long as is corrected, six keywords.
  '鸡基及积 一以已意亦 是时使事市 几记机期集 易义衣医依 十石时实识',
  '一大一大一大一大一大一大 中不中不中不中不中不中不 三王三王三王三王三王三王 子人子人子人子人子人子人 一大一大一大一大一大一小 中不中不中不中不中不中中',
  '鸡基及积鸡基及积鸡基及积 一以已意亦一以已意亦一以 是时使事市是时使事市是时 几记机期集几记机期集几记 易义衣医依易义衣医依易义 十石时实识十石时实识十石',
];
console.log(`bounds: ${bounds.maxLookups} + ${bounds.maxOtherLookups} look-ups, ${bounds.maxLinesRead} lines read, ${bounds.maxCandidates} + ${bounds.maxOtherCandidates} candidates`);
for (const q of QUERIES) {
  const times: number[] = [];
  let out: string[] = [];
  for (let r = 0; r < RUNS; r++) {
    lookups = 0;
    read = 0;
    calls = 0;
    const t = performance.now();
    out = typoCandidates(parseQuery(q), counted, listed, bounds);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${q.length > 24 ? `${q.slice(0, 24)}…` : q}: ${times[times.length >> 1].toFixed(1)} ms (median of ${RUNS}), ${lookups} look-ups, ${read} lines read in ${calls} oneCharOff, ${out.length} candidates${out.length ? `: ${out.slice(0, 4).join(' | ')}${out.length > 4 ? ' …' : ''}` : ''}`);
}

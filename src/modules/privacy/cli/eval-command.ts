import { readdir, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { projectPath } from '../../../platform/runtime/project-root.ts';
import { z } from 'zod';
import { FINDING_TYPES } from '../domain/finding.ts';
import { FINDING_TYPE_LABELS } from '../domain/finding-labels.ts';
import { scanText } from '../domain/scan-text.ts';
import type { WordList } from '../domain/word-list.ts';
import { parseWordListText } from '../domain/word-list-text.ts';
import type { CommandIo } from './command-io.ts';
import { evaluateCorpus, type EvaluationReport, type LabelledCase } from './corpus-evaluation.ts';

/** The corpus checked in with the code (test/corpus/privacy), found from this file so any working directory works. */
export const DEFAULT_CORPUS_DIR = projectPath('test', 'corpus', 'privacy') + sep;
const WORD_LIST_FILE = 'word-list.txt';

const caseSchema = z.object({
  id: z.string(),
  text: z.string(),
  source: z.string().optional(),
  kind: z.string().optional(),
  expected: z.array(z.object({ type: z.enum(FINDING_TYPES as [string, ...string[]]), start: z.number().int().min(0), end: z.number().int().min(0) })),
});

const USAGE = `用法：gongkai scan-eval [--json] [--corpus 目录或 .jsonl 文件] [--mistakes N]
  用标注语料评估扫描器，按类型输出精确率和召回率；目标：四类结构化个人信息召回率 ≥ 0.99、精确率 ≥ 0.98。
  目录中的每个 .jsonl 文件都是语料（每行一个样例），${WORD_LIST_FILE} 为评估用的敏感词表。
退出码：0 达到目标；1 未达到目标；2 参数或语料有误`;

/** `gongkai scan-eval`: runs the labelled corpus through the scanner and prints precision and recall per type. */
export async function runScanEvalCommand(argv: string[], io: CommandIo): Promise<number> {
  let json = false;
  let corpus = DEFAULT_CORPUS_DIR;
  let showMistakes = 20;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      io.stdout(USAGE + '\n');
      return 0;
    }
    if (a === '--json') json = true;
    else if (a === '--corpus' && argv[i + 1]) corpus = argv[++i];
    else if (a === '--mistakes' && /^\d+$/.test(argv[i + 1] ?? '')) showMistakes = Number(argv[++i]);
    else {
      io.stderr(`无法识别的参数“${a}”\n${USAGE}\n`);
      return 2;
    }
  }
  const loaded = await loadCorpus(corpus);
  if (typeof loaded === 'string') {
    io.stderr(loaded + '\n');
    return 2;
  }
  const wordLists = loaded.wordLists;
  const report = evaluateCorpus(loaded.cases, (text) => scanText(text, { wordLists }));
  io.stdout(json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, showMistakes));
  return report.goalsMet ? 0 : 1;
}

async function loadCorpus(path: string): Promise<{ cases: LabelledCase[]; wordLists: WordList[] } | string> {
  let files: string[];
  let dir: string;
  try {
    if ((await stat(path)).isDirectory()) {
      dir = path;
      files = (await readdir(path)).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(path, f));
    } else {
      dir = join(path, '..');
      files = [path];
    }
  } catch {
    return `找不到语料“${path}”`;
  }
  if (files.length === 0) return `目录“${path}”中没有 .jsonl 语料文件`;
  const cases: LabelledCase[] = [];
  for (const file of files) {
    const lines = (await readFile(file, 'utf8')).split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].trim() === '') continue;
      let parsed;
      try {
        parsed = caseSchema.safeParse(JSON.parse(lines[i]));
      } catch {
        return `语料文件“${file}”第 ${i + 1} 行不是有效的 JSON`;
      }
      if (!parsed.success) return `语料文件“${file}”第 ${i + 1} 行格式不符：${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`;
      cases.push(parsed.data as LabelledCase);
    }
  }
  const wordLists: WordList[] = [];
  const wordText = await readFile(join(dir, WORD_LIST_FILE), 'utf8').catch(() => null);
  if (wordText !== null) wordLists.push(parseWordListText('评估词表', wordText).list);
  return { cases, wordLists };
}

const pct = (x: number): string => x.toFixed(4);

function formatReport(r: EvaluationReport, showMistakes: number): string {
  const kinds = Object.entries(r.casesByKind).map(([k, n]) => `${KIND_LABELS[k] ?? k} ${n}`).join('，');
  const lines = [`隐私扫描评估：${r.cases} 个样例（${kinds}）`, '', '类型              应检出  检出  正确  误报  漏报  精确率  召回率'];
  for (const s of r.types) {
    const label = FINDING_TYPE_LABELS[s.type].padEnd(10, '　');
    lines.push(
      `${label}${String(s.expected).padStart(6)}${String(s.found).padStart(6)}${String(s.truePositives).padStart(6)}` +
        `${String(s.falsePositives).padStart(6)}${String(s.falseNegatives).padStart(6)}  ${pct(s.precision)}  ${pct(s.recall)}`,
    );
  }
  lines.push('', `目标（${r.goals.types.map((t) => FINDING_TYPE_LABELS[t]).join('、')}）：召回率 ≥ ${r.goals.recall}，精确率 ≥ ${r.goals.precision} —— ${r.goalsMet ? '达标' : '未达标'}`);
  if (r.mistakes.length > 0 && showMistakes > 0) {
    lines.push('', `误报与漏报（共 ${r.mistakes.length} 条，列出前 ${Math.min(showMistakes, r.mistakes.length)} 条）：`);
    for (const m of r.mistakes.slice(0, showMistakes)) {
      lines.push(`  [${m.caseId}] ${m.mistake === 'missed' ? '漏报' : '误报'} ${FINDING_TYPE_LABELS[m.type]} “${m.text.replace(/[\t\n]/g, ' ')}”（${m.start}–${m.end}）`);
    }
  }
  return lines.join('\n') + '\n';
}

const KIND_LABELS: Record<string, string> = { positive: '含应检出内容', negative: '不应检出', near_miss: '近似干扰' };

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isDomainError } from '../../../shared/domain-error.ts';
import { publishGate } from '../domain/publish-gate.ts';
import { scanText } from '../domain/scan-text.ts';
import type { WordList } from '../domain/word-list.ts';
import { parseWordListText } from '../domain/word-list-text.ts';
import { extractText } from '../extract/extract-text.ts';
import { ERR_PRIVACY_UNREADABLE_FILE } from '../extract/unreadable-file.ts';
import type { CommandIo } from './command-io.ts';
import { findingJson } from '../domain/finding.ts';
import { ERR_PRIVACY_FILE_NOT_FOUND, type FileScanResult } from './file-scan-result.ts';
import { formatListing } from './format-listing.ts';

const USAGE = `用法：gongkai scan 文件… [--json] [--words 词表文件]…
  扫描 .txt、.html、.docx、.xlsx、.pdf（需有文字层）中的身份证号、手机号、银行卡号、个人邮箱和密级标志。
  --json           输出 JSON：单个文件为 {"findings":[…]}，多个文件为 [{"file","findings"}…]
  --words 文件     加载敏感词表（每行：词<TAB>block|warn<TAB>说明<TAB>正确写法），可重复
退出码：0 全部文件已扫描且没有阻止发布的发现；1 有阻止发布的发现，或有文件不存在、无法读取（未经扫描）；2 参数或词表错误`;

type Args = { files: string[]; json: boolean; wordFiles: string[] };

function parseArgs(argv: string[]): Args | string {
  const args: Args = { files: [], json: false, wordFiles: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--words') {
      const f = argv[++i];
      if (!f) return '参数 --words 后面需要词表文件路径';
      args.wordFiles.push(f);
    } else if (a === '--') {
      args.files.push(...argv.slice(i + 1)); // everything after -- is a file name, even "-x.txt"
      break;
    } else if (a.startsWith('-')) return `无法识别的参数“${a}”`;
    else args.files.push(a);
  }
  if (args.files.length === 0) return '请指定要扫描的文件';
  return args;
}

/**
 * `gongkai scan FILE… [--json]`: scans each file and reports every finding, and every file it could not read.
 * Exits like a linter, so scripts can use it: 0 when every file was scanned and nothing blocks publication,
 * 1 when a finding blocks publication (the review gate's rule, `publishGate`) or a file was not scanned,
 * 2 for bad arguments or a bad word list.
 */
export async function runScanCommand(argv: string[], io: CommandIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`${args}\n${USAGE}\n`);
    return 2;
  }
  const wordLists: WordList[] = [];
  for (const path of args.wordFiles) {
    const loaded = await loadWordList(path);
    if (typeof loaded === 'string') {
      io.stderr(`${loaded}\n`);
      return 2;
    }
    wordLists.push(loaded);
  }
  const results: FileScanResult[] = [];
  for (const file of args.files) results.push(await scanFile(file, wordLists));
  io.stdout(args.json ? JSON.stringify(toJson(results), null, 2) + '\n' : formatListing(results));
  const notScanned = results.some((r) => 'error' in r);
  const blocked = results.some((r) => !('error' in r) && publishGate(r.findings).blocked);
  return notScanned || blocked ? 1 : 0;
}

async function scanFile(file: string, wordLists: WordList[]): Promise<FileScanResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { file, error: { code: ERR_PRIVACY_FILE_NOT_FOUND, message: `文件“${file}”不存在` } };
    const why = code === 'EISDIR' ? '这是一个目录' : code === 'EACCES' ? '没有读取权限' : `读取失败（${code ?? '未知原因'}）`;
    return { file, error: { code: ERR_PRIVACY_UNREADABLE_FILE, message: `无法读取文件“${file}”：${why}` } };
  }
  try {
    const { text, format } = await extractText(bytes, basename(file));
    return { file, format, text, findings: scanText(text, { wordLists }) };
  } catch (e) {
    if (isDomainError(e)) return { file, error: { code: e.code, message: e.message } };
    throw e;
  }
}

async function loadWordList(path: string): Promise<WordList | string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return `无法读取词表文件“${path}”`;
  }
  const { list, errors } = parseWordListText(basename(path).replace(/\.[^.]+$/, ''), text);
  if (errors.length > 0) return `词表文件“${path}”有误：\n  ${errors.join('\n  ')}`;
  return list;
}

function toJson(results: FileScanResult[]): unknown {
  const one = (r: FileScanResult) =>
    'error' in r ? { file: r.file, error: r.error } : { file: r.file, findings: r.findings.map(findingJson) };
  if (results.length === 1) {
    const r = results[0];
    return 'error' in r ? one(r) : { findings: r.findings.map(findingJson) };
  }
  return results.map(one);
}

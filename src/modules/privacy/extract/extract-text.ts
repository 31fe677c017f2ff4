import { DEFAULT_EXTRACTION_LIMITS, type ExtractionLimits } from './extraction-limits.ts';
import { ExtractionPool } from './extraction-pool.ts';
import { unreadableFile } from './unreadable-file.ts';

export type ExtractedText = { text: string; format: string };

export const SUPPORTED_EXTENSIONS = ['txt', 'html', 'htm', 'docx', 'xlsx', 'pdf'] as const;

const LEGACY_HINT: Record<string, string> = {
  doc: '旧版 Word（.doc）格式暂不支持，请另存为 .docx 后再扫描',
  xls: '旧版 Excel（.xls）格式暂不支持，请另存为 .xlsx 后再扫描',
  wps: 'WPS 文字（.wps）格式暂不支持，请另存为 .docx 后再扫描',
  et: 'WPS 表格（.et）格式暂不支持，请另存为 .xlsx 后再扫描',
  ofd: 'OFD 版式文件暂不支持，请提供 PDF（含文字层）或 .docx',
};

let pool: ExtractionPool | null = null;

/**
 * The text the scanner reads from a file, by its extension. Findings' offsets point into this text.
 * The file is read in a worker thread within fixed budgets (extraction-limits.ts), so no file can
 * block the server. A file that cannot be read, or is over a budget, throws
 * ERR_PRIVACY_UNREADABLE_FILE: an attachment that was not scanned must never pass as clean.
 */
export async function extractText(bytes: Uint8Array, fileName: string, limits: Partial<ExtractionLimits> = {}): Promise<ExtractedText> {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    throw unreadableFile(fileName, LEGACY_HINT[ext] ?? `不支持的文件类型${ext ? `“.${ext}”` : '（没有扩展名）'}，支持 .txt、.html、.docx、.xlsx、.pdf`);
  }
  if (bytes.length === 0) throw unreadableFile(fileName, '文件为空');
  pool ??= new ExtractionPool();
  const outcome = await pool.read(bytes, ext, { ...DEFAULT_EXTRACTION_LIMITS, ...limits });
  if (!outcome.ok) throw unreadableFile(fileName, outcome.why);
  return { text: outcome.text, format: outcome.format };
}

/** Files being read or waiting to be read right now. */
export const extractionsInProgress = (): number => pool?.pending ?? 0;

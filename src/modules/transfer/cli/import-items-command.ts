import path from 'node:path';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { progressReporter } from '../../../platform/cli/progress-bar.ts';
import { isDomainError } from '../../../shared/domain-error.ts';
import { COMMAND_LINE_ACTOR } from '../../identity/index.ts';
import type { Problem } from '../domain/item-records.ts';
import { IMPORT_MODES, type ImportMode } from '../domain/parse-item.ts';
import { attachmentSourceAt } from '../use-cases/attachment-source.ts';
import { importItems, type ImportReport } from '../use-cases/import-items.ts';
import { readItemFile } from '../use-cases/read-item-file.ts';
import { readSiteCrawl } from '../use-cases/read-site-crawl.ts';
import { transferArgs } from './transfer-args.ts';
import { readInputFile } from '../../../platform/cli/read-input-file.ts';

export type TransferIo = { stdout: (s: string) => void; stderr: (s: string) => void; progress?: (s: string) => void };

export const IMPORT_ITEMS_USAGE = `用法：
  gongkai import items FILE --organ 机关代码 [--attachments 目录|文件.zip] [--dry-run] [--as published|draft] [--allow-duplicates]
  gongkai import site 清单.csv --organ 机关代码 --pages 网页目录 [--attachments 目录|文件.zip] [--dry-run] [--as published|draft] [--allow-duplicates]
FILE 为 JSON、CSV（UTF-8 或 GB18030）或 .xlsx，列见 docs/import-export.md。--as published 作为已发布的历史信息导入（保留发布日期和索引号），
--as draft（默认）作为草稿导入，经审核后发布。每条信息都经隐私与保密扫描（与审核流程相同）：发现个人信息等须处理内容的已发布历史信息
作为草稿导入、待审核，不直接发布；含密级标志的行不能导入。任何一行有错误时不导入任何内容；--dry-run 只检查并列出所有错误和扫描发现。`;

const MODE_LABEL: Record<ImportMode, string> = { published: '已发布信息', draft: '草稿' };

/**
 * Who imports from the command line: the item's import record adds the file
 * (由 系统：命令行 从文件“items.csv”导入), so the label does not name it again.
 */
export const CLI_IMPORTER = COMMAND_LINE_ACTOR;

/** What the import leaves out of rows it takes (an old page's pictures), printed after its report. */
function printWarnings(warnings: Problem[], io: TransferIo): void {
  if (warnings.length) io.stderr(`注意：${warnings.length} 处内容未导入：\n${warnings.map((w) => `  ${w.at}：${w.message}`).join('\n')}\n`);
}

/** Prints a report: every problem (exit 1), or what a dry run found or an import wrote (exit 0). */
export function printImportReport(r: ImportReport, organCode: string, io: TransferIo): number {
  if (!r.ok) {
    io.stderr(`错误（ERR_TRANSFER_IMPORT_INVALID）：${r.problems.length} 处错误，未导入任何内容${r.dryRun ? '（试导入）' : ''}：\n${r.problems.map((p) => `  ${p.at}：${p.message}`).join('\n')}\n`);
    return 1;
  }
  const extra = `${r.attachments} 个附件${r.nodesCreated ? `，新建栏目 ${r.nodesCreated} 个` : ''}${r.redirects ? `，原网址转向 ${r.redirects} 条` : ''}`;
  io.stdout(r.dryRun
    ? `检查通过（试导入，未写入任何内容）：${r.items} 条信息可以作为${MODE_LABEL[r.mode]}导入机关 ${organCode}（${extra}）\n`
    : `已导入 ${r.items} 条信息到机关 ${organCode}，作为${MODE_LABEL[r.mode]}（${extra}）：\n${r.written.map((w) => `  ${w.at}《${w.title}》（编号 ${w.id}）\n`).join('')}`);
  // What the review scan found (masked), and the published history it holds back as drafts for review.
  if (r.findings.length) io.stdout(`隐私与保密扫描发现 ${r.findings.length} 处（个人信息只显示遮盖后的内容）：\n${r.findings.map((f) => `  ${f.at}《${f.title}》${f.field}：${f.kind}“${f.excerpt}”${f.severity === 'block' ? '' : '（提示：请核对，不阻止发布）'}`).join('\n')}\n`);
  if (r.mode === 'published') {
    const held = r.heldBack.length;
    if (held) {
      io.stdout(`${r.dryRun ? `导入时不发布、作为草稿待审核的 ${held} 条` : `已发布 ${r.published} 条；未发布、已作为草稿待报送审核的 ${held} 条`}（WARN_TRANSFER_HELD_FOR_REVIEW）：\n${r.heldBack.map((h) => `  ${h.at}《${h.title}》${h.id === null ? '' : `（编号 ${h.id}）`}：${h.message}`).join('\n')}\n`);
    }
  }
  // Confirmed with --allow-duplicates: the rows taken for duplicates, imported all the same.
  if (r.duplicates.length) io.stderr(`疑似重复的行：${r.duplicates.length} 行（已确认仍导入）：\n${r.duplicates.map((d) => `  ${d.at}（${d.code}）：${d.message}`).join('\n')}\n`);
  // Told, never refused: a 发布日期 a draft does not take, each with its row and why.
  if (r.notKept.length) io.stderr(`未随草稿导入的发布日期：${r.notKept.length} 行（不影响导入）：\n${r.notKept.map((n) => `  ${n.at}（${n.code}）：${n.message}`).join('\n')}\n`);
  // Told, never refused: a 文号 written as —, /, 无 … read as none, each with its row.
  if (r.noDocumentNumber.length) io.stderr(`按无文号导入的行：${r.noDocumentNumber.length} 行（不影响导入）：\n${r.noDocumentNumber.map((n) => `  ${n.at}（${n.code}）：${n.message}`).join('\n')}\n`);
  // Told, never refused: an unlikely 文件类型 (the item form's warnings), each with its row and code.
  if (r.warnings.length) io.stderr(`请核对文件类型：${r.warnings.length} 处提示（不影响导入）：\n${r.warnings.map((w) => `  ${w.at}（${w.code}）：${w.message}`).join('\n')}\n`);
  return 0;
}

/**
 * `gongkai import items FILE …` and `gongkai import site LIST.csv …`: exit 0 imported (or a clean dry
 * run), 1 refused (every bad row printed with its place and reason; nothing imported), 2 usage error.
 */
export async function runImportItemsCommand(what: 'items' | 'site', argv: string[], io: TransferIo, deps: AppDeps): Promise<number> {
  let args;
  try {
    args = transferArgs(argv, what === 'site' ? ['organ', 'attachments', 'as', 'pages'] : ['organ', 'attachments', 'as'], ['dry-run', 'allow-duplicates'], IMPORT_ITEMS_USAGE);
  } catch (e) {
    io.stderr(`错误：${(e as Error).message}\n`);
    return 2;
  }
  const organ = args.text('organ');
  const mode = (args.text('as') ?? 'draft') as ImportMode;
  const pages = args.text('pages');
  const problem = args.positionals.length !== 1 ? '请给出一个文件' : !organ ? '缺少 --organ（机关代码）' : !IMPORT_MODES.includes(mode) ? '--as 应为 published 或 draft'
    : what === 'site' && !pages ? '缺少 --pages（保存的网页所在目录）' : null;
  if (problem) {
    io.stderr(`错误：${problem}\n${IMPORT_ITEMS_USAGE}\n`);
    return 2;
  }
  const file = args.positionals[0];
  const read = readInputFile(file);
  if ('problem' in read) {
    io.stderr(`错误：${read.problem}\n`);
    return 1;
  }
  const { bytes } = read;
  const show = io.progress ?? ((s: string) => io.stderr(s));
  const check = progressReporter(show, '检查 ');
  const write = progressReporter(show, '导入 ');
  try {
    const attachmentsAt = args.text('attachments') ?? (what === 'site' ? pages : undefined);
    const attachments = attachmentsAt ? attachmentSourceAt(attachmentsAt) : null;
    const items = what === 'site' ? readSiteCrawl(bytes, pages!) : readItemFile(path.basename(file), bytes);
    const report = await importItems(deps, CLI_IMPORTER, organ!, items, {
      mode, dryRun: args.has('dry-run'), attachments, from: path.basename(file), allowDuplicates: args.has('allow-duplicates'),
      onProgress: (phase, done, total) => (phase === 'check' ? check : write)(done, total),
    });
    const code = printImportReport(report, organ!, io);
    if ('warnings' in items) printWarnings(items.warnings, io);
    return code;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    io.stderr(`错误（${e.code}）：${e.message}\n`);
    return 1;
  }
}

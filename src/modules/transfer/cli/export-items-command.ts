import fs from 'node:fs';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { progressReporter } from '../../../platform/cli/progress-bar.ts';
import { isDomainError } from '../../../shared/domain-error.ts';
import { EXPORT_FORMATS } from '../domain/export-document.ts';
import { collectExport, renderExport, requireExportFormat, writeAttachments } from '../use-cases/export-items.ts';
import type { TransferIo } from './import-items-command.ts';
import { transferArgs } from './transfer-args.ts';

export const EXPORT_ITEMS_USAGE = `用法：gongkai export items --organ 机关代码 --format ${EXPORT_FORMATS.join('|')} [--out FILE] [--attachments 目录|文件.zip]
导出机关的公开目录和已发布信息（格式与 import items 相同，见 docs/import-export.md）；不给 --out 时写入当前目录的“机关代码-items.格式”。`;

/** `gongkai export items …`: exit 0 written, 1 refused (e.g. an unknown organ), 2 usage error. */
export async function runExportItemsCommand(argv: string[], io: TransferIo, deps: AppDeps): Promise<number> {
  let args;
  try {
    args = transferArgs(argv, ['organ', 'format', 'out', 'attachments'], [], EXPORT_ITEMS_USAGE);
    if (args.positionals.length) throw args.refuse(`多余的参数“${args.positionals[0]}”`);
    if (!args.text('organ')) throw args.refuse('缺少 --organ（机关代码）');
    requireExportFormat(args.text('format'));
  } catch (e) {
    io.stderr(`错误：${(e as Error).message}${(e as Error).message.includes('用法') ? '' : `\n${EXPORT_ITEMS_USAGE}`}\n`);
    return 2;
  }
  try {
    const format = requireExportFormat(args.text('format'));
    const doc = await collectExport(deps, args.text('organ')!, progressReporter(io.progress ?? ((s) => io.stderr(s)), '导出 '));
    const out = renderExport(doc, format);
    const target = args.text('out') ?? out.fileName;
    fs.writeFileSync(target, out.bytes);
    const at = args.text('attachments');
    const files = at ? await writeAttachments(deps, doc, at) : 0;
    const count = doc.items.reduce((n, i) => n + i.files.length, 0);
    io.stdout(`已导出机关 ${doc.organ.code} 的 ${doc.catalog.length} 个栏目和 ${doc.items.length} 条已发布信息到 ${target}`
      + (at ? `，${files} 个附件到 ${at}` : count ? `；附件（${count} 个）未导出，请用 --attachments 目录或文件.zip 指定位置` : '') + '\n');
    return 0;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    io.stderr(`错误（${e.code}）：${e.message}\n`);
    return 1;
  }
}

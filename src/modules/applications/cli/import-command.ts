import path from 'node:path';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { isDomainError } from '../../../shared/domain-error.ts';
import { COMMAND_LINE_ACTOR } from '../../identity/index.ts';
import { APPEAL_COLUMNS, APPLICATION_COLUMNS } from '../domain/import-ledger.ts';
import { importAppeals, importApplications } from '../use-cases/import-ledgers.ts';
import { readTableFile } from '../../../platform/tables/read-table-file.ts';
import { ApplicationErrorCode } from '../domain/error-codes.ts';
import { readInputFile } from '../../../platform/cli/read-input-file.ts';
import { parseWithUsage, type ParsedArgs } from '../../../platform/cli/cli-args.ts';

export type CommandIo = { stdout: (s: string) => void; stderr: (s: string) => void };

export const IMPORT_USAGE = `用法：
  gongkai import applications FILE --organ 机关代码   导入依申请公开台账（列：${APPLICATION_COLUMNS.join(',')}）
  gongkai import appeals FILE --organ 机关代码        导入行政复议、行政诉讼台账（列：${APPEAL_COLUMNS.join(',')}）
FILE 为 CSV（UTF-8，可带 BOM，或 GB18030）或 .xlsx（第一个工作表）。任何一行有错误时不导入任何记录。`;

/**
 * `gongkai import applications|appeals FILE --organ CODE`: exit 0 imported, 1 refused (every bad row
 * printed with its row as a spreadsheet shows it and the reason; nothing imported), 2 usage error.
 */
export async function runImportCommand(argv: string[], io: CommandIo, deps: AppDeps): Promise<number> {
  const [what, ...rest] = argv;
  let args: ParsedArgs;
  try {
    args = parseWithUsage(rest, ['organ'], [], IMPORT_USAGE);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    io.stderr(`错误：${e.message}\n`);
    return 2;
  }
  const { positionals } = args;
  const organ = args.options.get('organ') as string | undefined;
  if ((what !== 'applications' && what !== 'appeals') || positionals.length !== 1 || !organ) {
    io.stderr(`错误：${!organ && (what === 'applications' || what === 'appeals') ? '缺少 --organ（机关代码）' : '参数不正确'}\n${IMPORT_USAGE}\n`);
    return 2;
  }
  const file = positionals[0];
  const read = readInputFile(file);
  if ('problem' in read) {
    io.stderr(`错误：${read.problem}\n`);
    return 1;
  }
  const { bytes } = read;
  try {
    const table = { ...readTableFile(path.basename(file), bytes, ApplicationErrorCode.importUnreadable), name: path.basename(file) };
    // The one actor of the command line; the file's name goes into each record instead.
    const actor = COMMAND_LINE_ACTOR;
    if (what === 'applications') {
      const r = await importApplications(deps, actor, organ, table);
      io.stdout(`已导入 ${r.imported} 件申请（其中未办结 ${r.open} 件）到机关 ${organ}${table.encoding ? `（文件编码 ${table.encoding.toUpperCase()}）` : ''}\n`);
    } else {
      const r = await importAppeals(deps, actor, organ, table);
      io.stdout(`已导入 ${r.imported} 件行政复议、行政诉讼记录到机关 ${organ}\n`);
    }
    return 0;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    io.stderr(`错误（${e.code}）：${e.message}\n`);
    return 1;
  }
}

import type { AppDeps } from '../../platform/app-deps.ts';
import { parseArgs, requireOption, usage } from '../../platform/cli/cli-args.ts';
import { writeArchive } from './write-archive.ts';

export const ARCHIVE_USAGE = '用法：archive --organ 机关代码 --year YYYY 目录';

/** `archive --organ CODE --year YYYY DIR`: the organ-year's records in an empty folder, with manifest.json and index.html. */
export async function runArchiveCommand(argv: string[], io: { stdout: (s: string) => void; progress?: (s: string) => void }, deps: AppDeps): Promise<number> {
  const args = parseArgs(argv, [], ['organ', 'year']);
  if (args.positionals.length !== 1) throw usage(`请指定归档目录\n${ARCHIVE_USAGE}`);
  const organCode = requireOption(args, 'organ', '机关代码，如 qlx-zjj');
  const rawYear = requireOption(args, 'year', '归档年度，四位年份');
  if (!/^\d{4}$/.test(rawYear)) throw usage(`--year 应为四位年份，“${rawYear}”不是\n${ARCHIVE_USAGE}`);
  const r = await writeArchive(deps, { dir: args.positionals[0]!, organCode, year: Number(rawYear), progress: io.progress });
  io.stdout(`已归档到 ${args.positionals[0]}：${r.items} 条公开信息，${r.applications} 件依申请公开，${r.mailboxLetters} 封信箱来信，${r.proposals} 件建议提案，年度报告（${r.annualReport}）；共 ${r.files} 个文件，校验值见 manifest.json`);
  io.stdout('归档含申请人和来信人的个人信息，只供本机关档案保管，不得公开。');
  return 0;
}

import type { AppDeps } from '../../platform/app-deps.ts';
import { parseArgs, usage } from '../../platform/cli/cli-args.ts';
import { exportSite } from './export-site.ts';

export const EXPORT_SITE_USAGE = '用法：export-site 目录 [--organ 机关代码]';

/** `export-site DIR [--organ CODE]`: the portal as static files, rewriting only what changed since the last export. */
export async function runExportSiteCommand(
  argv: string[], io: { stdout: (s: string) => void; progress?: (s: string) => void }, deps: AppDeps, config: { publicUrl: string | null },
): Promise<number> {
  const args = parseArgs(argv, [], ['organ']);
  if (args.positionals.length !== 1) throw usage(EXPORT_SITE_USAGE);
  const organ = args.options.get('organ');
  if (organ === true || organ === '') throw usage(EXPORT_SITE_USAGE);
  const r = await exportSite(deps, { dir: args.positionals[0]!, organCode: organ ?? null, publicUrl: config.publicUrl, progress: io.progress, now: deps.clock.now() });
  io.stdout(`静态副本已导出到 ${args.positionals[0]}：共 ${r.files} 个文件（${r.pages} 个页面），写入 ${r.written}，未变 ${r.unchanged}，删除 ${r.removed}；旧地址转向 ${r.redirects} 个（其中 ${r.redirectPages} 个写成转向页面）`);
  if (!config.publicUrl) io.stdout('未设置 GONGKAI_PUBLIC_URL：检索、申请、信箱等表单在副本中指向“静态副本不提供此功能”页面，站点地图和订阅源中的地址以 http://localhost 开头');
  return 0;
}

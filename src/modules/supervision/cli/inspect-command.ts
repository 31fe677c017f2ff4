import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { listOrgans } from '../../catalog/index.ts';
import { VETO_LABELS } from '../domain/verdict.ts';
import { runInspectionNow } from '../use-cases/inspection-runs.ts';
import type { InspectOptions } from '../use-cases/site-inspection.ts';

export const INSPECT_USAGE = `用法：
  inspect [--organ 机关代码] [--json] [--offline]
      按政府网站检查指标（国办秘函〔2019〕19号）检查各机关（不含内设股室）或指定机关：首页和栏目更新、空白栏目、
      待审核信息、超期发布、依申请公开和留言逾期、断链（站内链接和附件，以及站外链接）、严重表述错误、
      无发布日期的信息；输出问题、责任单位和结论，并记录为一次检查。有单项否决时退出码为 1。
      --offline 不访问站外链接（站内链接和附件照常检查）。`;

const usage = (message: string) => new DomainError('ERR_CLI_USAGE', `${message}\n\n${INSPECT_USAGE}`);

export type InspectIo = { stdout: (s: string) => void; stderr: (s: string) => void };

/** `gongkai inspect [--organ CODE] [--json]`: exit 0 when no organ fails a veto rule, 1 when one does, 2 for usage errors. */
export async function runInspectCommand(argv: string[], io: InspectIo, deps: AppDeps, opts: InspectOptions = {}): Promise<number> {
  let organCode: string | null = null;
  let json = false;
  let offline = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--offline') offline = true;
    else if (a === '--organ') {
      const v = argv[++i];
      if (!v || v.startsWith('--')) throw usage('选项 --organ 需要一个机关代码');
      organCode = v;
    } else if (a.startsWith('--organ=')) organCode = a.slice('--organ='.length);
    else throw usage(`无法识别的参数“${a}”`);
  }
  const all = await listOrgans(deps.db);
  const organs = organCode === null ? all.filter((o) => o.kind !== 'unit') : all.filter((o) => o.code === organCode);
  if (organCode !== null && organs.length === 0) throw new DomainError('ERR_SUPERVISION_ORGAN_NOT_FOUND', `机关代码“${organCode}”不存在`, { httpStatus: 404 });
  const { result } = await runInspectionNow(deps, 'cli', organs, { ...opts, checkExternal: !offline && (opts.checkExternal ?? true) });
  const vetoed = result.vetoed;
  if (json) {
    io.stdout(JSON.stringify(result, null, 2));
  } else {
    for (const o of result.organs) {
      const v = o.verdict;
      io.stdout(`${o.name}（${o.code}）：${v.vetoed ? '不合格（单项否决）' : v.passed ? `合格，${v.score} 分` : `不合格，${v.score} 分`}`);
      for (const x of v.vetoes.filter((x) => x.failed)) io.stdout(`  否决：${VETO_LABELS[x.rule]} —— ${x.measured}`);
      for (const f of o.findings) io.stdout(`  · ${f.title}：${f.detail}（责任：${f.responsible}）${f.href}`);
    }
  }
  return vetoed ? 1 : 0;
}

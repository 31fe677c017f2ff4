import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { listOrgans } from '../../catalog/index.ts';
import { CADENCE_LABELS } from '../domain/cadence.ts';
import { VETO_LABELS } from '../domain/verdict.ts';
import { supervisionDashboard, type OrganSupervision } from '../use-cases/supervision-dashboard.ts';

export const INSPECT_USAGE = `用法：
  inspect [--organ 机关代码] [--json]
      按政府网站检查指标（国办秘函〔2019〕19号）检查各机关（不含内设股室）或指定机关：首页和栏目更新、空白栏目、
      待审核信息、超期发布、依申请公开和留言逾期；输出问题、责任单位和结论。有单项否决时退出码为 1。断链尚未检查。`;

const usage = (message: string) => new DomainError('ERR_CLI_USAGE', `${message}\n\n${INSPECT_USAGE}`);

export type InspectIo = { stdout: (s: string) => void; stderr: (s: string) => void };

type Finding = { kind: string; title: string; detail: string; responsible: string; href: string };

function findingsOf(s: OrganSupervision): Finding[] {
  const { organ } = s;
  const who = (u: { name: string } | null) => u?.name ?? `${organ.name}（政务公开办公室）`;
  const out: Finding[] = [];
  for (const n of s.staleNodes) {
    const f = n.freshness;
    out.push({ kind: 'stale_node', title: n.node.name, detail: f.state === 'stale' ? `${CADENCE_LABELS[n.cadence]}更新，应于 ${f.dueOn} 前更新，逾期 ${f.daysLate} 天` : '', responsible: who(n.responsibleUnit), href: `/admin/organs/${organ.code}/supervision/nodes#node-${n.node.id}` });
  }
  for (const n of s.emptyNodes) out.push({ kind: 'empty_node', title: n.node.name, detail: '空白栏目', responsible: who(n.responsibleUnit), href: `/admin/organs/${organ.code}/supervision/nodes#node-${n.node.id}` });
  for (const p of s.pendingReviews) out.push({ kind: 'pending_review', title: p.title, detail: p.stageName ? `待“${p.stageName}”` : '待发布', responsible: p.stageName ?? `${organ.name}（发布人）`, href: `/admin/publications/${p.id}` });
  for (const p of s.latePublished) out.push({ kind: 'published_late', title: p.title, detail: `成文 ${p.formedOn}，应于 ${p.dueOn ?? '—'} 前发布，${p.publishedOn ?? '—'} 发布`, responsible: p.unitName ?? organ.name, href: `/admin/publications/${p.id}` });
  const counted: [string, number, string, string][] = [
    ['applications_overdue', s.applications.overdue, '依申请公开已逾期', `/admin/applications?organ=${organ.code}&view=overdue`],
    ['letters_overdue', s.letters.overdue, '留言已逾期', `/admin/letters?organ=${organ.code}&view=overdue`],
    ['letters_past_three_months', s.letters.pastThreeMonths, '留言超过 3 个月未答复', `/admin/letters?organ=${organ.code}&view=past_three_months`],
  ];
  for (const [kind, n, title, href] of counted) if (n > 0) out.push({ kind, title, detail: `${n} 件`, responsible: organ.name, href });
  return out;
}

/** `gongkai inspect [--organ CODE] [--json]`: exit 0 when no organ fails a veto rule, 1 when one does, 2 for usage errors. */
export async function runInspectCommand(argv: string[], io: InspectIo, deps: AppDeps): Promise<number> {
  let organCode: string | null = null;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
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
  const rows = await supervisionDashboard(deps, organs, all);
  const vetoed = rows.some((r) => r.verdict.vetoed);
  const result = {
    inspectedOn: rows[0]?.today ?? null,
    vetoed,
    organs: rows.map((s) => ({ code: s.organ.code, name: s.organ.name, verdict: s.verdict, findings: findingsOf(s) })),
  };
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

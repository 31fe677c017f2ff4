import type { AppDeps } from '../../../platform/app-deps.ts';
import { progressBar } from '../../../platform/cli/progress-bar.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { findOrganByCode, handlingOrganOf, listOrgans } from '../../catalog/index.ts';
import { organAndUnits } from '../use-cases/search-publications.ts';
import { reindex } from '../use-cases/reindex.ts';

export type ReindexIo = { stdout: (s: string) => void; stderr: (s: string) => void; progress?: (s: string) => void };

export const REINDEX_USAGE = '用法：reindex [--organ 机关代码]';
const usage = (message: string) => new DomainError('ERR_CLI_USAGE', `${message}\n${REINDEX_USAGE}`);

/**
 * `gongkai reindex [--organ CODE]`: rebuilds the search index (all items, or one organ and its
 * internal units; a unit's code rebuilds the organ that publishes for it) in short transactions, so it is safe while the server runs; prints a progress bar.
 */
export async function runReindexCommand(argv: string[], io: ReindexIo, deps: AppDeps): Promise<number> {
  let organCode: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== '--organ') throw usage(`无法识别的参数“${argv[i]}”`);
    if (!argv[i + 1] || argv[i + 1].startsWith('--')) throw usage('--organ 后缺少机关代码（如 --organ qlx-zjj）');
    organCode = argv[++i];
  }
  let organIds: number[] | null = null;
  let scope = '';
  if (organCode) {
    const asked = await findOrganByCode(deps.db, organCode);
    if (!asked) throw new DomainError('ERR_SEARCH_UNKNOWN_ORGAN', `没有代码为“${organCode}”的机关`);
    // An internal unit (股室) publishes nothing in its own name: its items are the organ's that publishes for it, and
    // that organ is rebuilt (as a search with the unit's code searches it) — not 0 items and a success.
    const organ = asked.kind === 'unit' ? handlingOrganOf(asked, await listOrgans(deps.db)) ?? asked : asked;
    organIds = await organAndUnits(deps, organ.id);
    scope = organ === asked
      ? `（${organ.name} ${organ.code} 及其内设机构）`
      : `（${asked.name} 不以自己的名义发布信息，已重建发布其信息的 ${organ.name} ${organ.code} 及其内设机构）`;
  }
  const started = Date.now();
  const show = io.progress ?? ((s: string) => io.stderr(s));
  let last = -1;
  const r = await reindex(deps, {
    organIds,
    onProgress: (done, total) => {
      const pct = Math.floor((done / Math.max(total, 1)) * 100);
      if (pct !== last || done === total) show(progressBar(done, total));
      last = pct;
    },
    onCompact: () => show('正在合并索引分段（百万条规模约需数分钟，期间检索照常可用）…'),
  });
  io.stdout(`检索索引已重建：${r.items} 条公开信息${scope}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
  return 0;
}

import type { Organ } from '../../catalog/index.ts';
import type { searchTermReport } from '../use-cases/search-terms.ts';

type Report = Awaited<ReturnType<typeof searchTermReport>>;

/** Whose searches are counted: those over the whole region, those within one organ, or every scope together (a system administrator's). */
export type TermScope = 'region' | 'every' | Organ;

const scopeParam = (scope: TermScope) => (scope === 'region' ? 'all' : scope === 'every' ? null : scope.code);
const scopeName = (scope: TermScope) => (scope === 'region' ? '全站' : scope === 'every' ? '全站及各机关' : scope.shortName || scope.name);

/** The back-office report of search terms: numbers only — visitors and searches — never who searched. */
export function SearchTermsPage({ days, report, scope, choices, every }: { days: number; report: Report; scope: TermScope; choices: Organ[]; every: boolean }) {
  const href = (d: number, s: TermScope) => {
    const param = scopeParam(s);
    return `/admin/search-terms?days=${d}${param ? `&organ=${param}` : ''}`;
  };
  // 查看结果 searches in the scope counted (every scope together: the whole region).
  const resultsOf = (term: string) => `/search?${new URLSearchParams(typeof scope === 'object' ? { q: term, organ: scope.code } : { q: term })}`;
  const scopes: TermScope[] = [...(every ? ['every' as const] : []), 'region', ...choices];
  const table = (id: string, caption: string, rows: Report['popular']) => (
    <table class="list" id={id}>
      <caption class="caption-start">{caption}</caption>
      <thead><tr><th scope="col">检索词</th><th scope="col">检索人次</th><th scope="col">无结果人次</th><th scope="col">检索次数</th><th scope="col">门户检索</th></tr></thead>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={5}>暂无记录</td></tr>}
        {rows.map((r) => (
          <tr><td>{r.term}</td><td>{r.visitors}</td><td>{r.zeroVisitors}</td><td>{r.searches}</td><td><a href={resultsOf(r.term)} target="_blank">查看结果</a></td></tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <>
      <h1>热搜词与无结果检索</h1>
      <p>统计门户和接口的检索词（只计第一页），按日、检索词和范围累计。<strong>检索人次</strong>：同一访客当天再次检索同一词（刷新、改排序、筛选、翻页）不重复计人次，另一天再检索另计；<strong>无结果人次</strong>：其中检索词本身没有找到任何信息的；只因筛选条件（年份、效力等）没有结果、去掉筛选能找到的，不计为无结果；<strong>检索次数</strong>：每次检索都计。区分访客只在服务器内存中当天进行，不记录检索人、IP 地址、浏览器信息或时间点。含身份证号、手机号、银行卡号或电子邮箱的检索词不记录；统计期间内不足 {report.minShown} 人次的检索词不显示（只有一两个人输入过的词多与个人有关，如姓名、住址）。无结果的检索词提示群众找不到的信息，可据此补充公开或调整栏目。</p>
      <p class="hint">开始区分访客以前的记录只有检索次数，每个检索词每天按 1 人次计。</p>
      <p>统计范围：{scopes.map((s) => (scopeParam(s) === scopeParam(scope) ? <strong>{scopeName(s)}</strong> : <a href={href(days, s)}>{scopeName(s)}</a>))}
        （全站：在全站范围内的检索；机关：在该机关范围内的检索）</p>
      <p>统计期间：{[7, 30, 90, 365].map((d) => (d === days ? <strong> 近{d}天 </strong> : <a href={href(d, scope)}> 近{d}天 </a>))}（自 {report.fromOn} 起）</p>
      {table('search-terms-popular', '热搜词（按检索人次）', report.popular)}
      {table('search-terms-zero', '无结果的检索词（按无结果人次）', report.zero)}
    </>
  );
}

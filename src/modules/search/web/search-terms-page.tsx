import type { searchTermReport } from '../use-cases/search-terms.ts';

type Report = Awaited<ReturnType<typeof searchTermReport>>;

/** The back-office report of search terms: counts only, never who searched. */
export function SearchTermsPage({ days, report }: { days: number; report: Report }) {
  const table = (id: string, caption: string, rows: Report['popular'], zero: boolean) => (
    <table class="list" id={id}>
      <caption class="caption-start">{caption}</caption>
      <thead><tr><th scope="col">检索词</th><th scope="col">检索次数</th><th scope="col">无结果次数</th><th scope="col">门户检索</th></tr></thead>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={4}>暂无记录</td></tr>}
        {rows.map((r) => (
          <tr><td>{r.term}</td><td>{r.searches}</td><td>{r.zeroResults}</td><td><a href={`/search?${new URLSearchParams({ q: r.term })}`} target="_blank">查看结果</a></td></tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <>
      <h1>热搜词与无结果检索</h1>
      <p>统计门户和接口的检索词（只计第一页），按日、检索词和范围累计次数，不记录检索人、IP 地址或时间点；含身份证号、手机号、银行卡号或电子邮箱的检索词不记录；统计期间内检索不足 {report.minShown} 次的检索词不显示（只有一两个人输入过的词多与个人有关，如姓名、住址）。无结果的检索词提示群众找不到的信息，可据此补充公开或调整栏目。</p>
      <p>统计期间：{[7, 30, 90, 365].map((d) => (d === days ? <strong> 近{d}天 </strong> : <a href={`/admin/search-terms?days=${d}`}> 近{d}天 </a>))}（自 {report.fromOn} 起）</p>
      {table('search-terms-popular', '热搜词', report.popular, false)}
      {table('search-terms-zero', '无结果的检索词', report.zero, true)}
    </>
  );
}

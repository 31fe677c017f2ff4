import type { Organ } from '../../catalog/index.ts';
import { BarChart, ColumnChart, formatValue, LineChart } from '../../../platform/charts/index.ts';
import { Breadcrumb } from '../../../platform/views/components.tsx';
import { PortalLayout } from '../../../platform/views/portal-layout.tsx';
import type { ReadingPrefs } from '../../../platform/views/prefs.ts';
import type { GraphicReport } from '../domain/graphic-report.ts';
import { reportTitle } from '../export/report-document.ts';
import { portalReportPath } from './portal-report-page.tsx';

type Block = GraphicReport['proactive'][number];

/** Table 二's blocks of one figure per row (处理决定数量, 收费金额) gathered by that figure, so 行政许可, 行政处罚 and 行政强制 make one chart. */
function singleFigureGroups(blocks: Block[]): { column: string; rows: Block['rows'] }[] {
  const groups = new Map<string, Block['rows']>();
  for (const b of blocks.filter((x) => x.columns.length === 1)) groups.set(b.columns[0], [...(groups.get(b.columns[0]) ?? []), ...b.rows]);
  return [...groups].map(([column, rows]) => ({ column, rows }));
}

/**
 * 图解年报 (docs/rules/annual-report.md, "图解年报"): one published version's figures as charts, each
 * with its data table, beside the text report and linked both ways.
 */
export function PortalGraphicPage({ prefs, currentPath, organ, year, versionNo, publishedOn, latest, g }: {
  prefs: ReadingPrefs; currentPath: string; organ: Organ; year: number;
  /** The version drawn, the day it was published, and whether it is the newest one. */
  versionNo: number; publishedOn: string; latest: boolean; g: GraphicReport;
}) {
  const title = `图解：${reportTitle(organ.name, year)}`;
  const q = latest ? '' : `?version=${versionNo}`;
  const reportPath = portalReportPath(organ.code, year) + q;
  const total = g.stages.reduce((s, x) => s + x.value, 0);
  const documents = g.proactive.filter((b) => b.columns.length > 1);
  const singles = singleFigureGroups(g.proactive);
  const t = g.trend;
  const span = t.years.length > 1 ? `${t.years[0]}年至${t.years[t.years.length - 1]}年` : '';
  const n = (v: number | null) => (v === null ? '未填报' : formatValue(v));
  return (
    <PortalLayout title={title} prefs={prefs} currentPath={currentPath} consultPhone={organ.consultPhone} canonicalPath={`${portalReportPath(organ.code, year)}/graphic${q}`}>
      <Breadcrumb items={[
        { label: '首页', href: '/' }, { label: '信息公开', href: '/organs' }, { label: organ.shortName || organ.name, href: `/organs/${organ.code}` },
        { label: '政府信息公开年报', href: `/organs/${organ.code}/annual-reports` }, { label: `${year}年度`, href: reportPath }, { label: '图解' },
      ]} />
      <h1>{title}</h1>
      {!latest && <p class="notice" role="note">这是第{versionNo}版的图解，该版已被更正。<a href={`${portalReportPath(organ.code, year)}/graphic`}>查看最新版本的图解</a></p>}
      <p>本页图表的数字均取自{publishedOn}发布的{year}年度报告（第{versionNo}版），与报告全文一致；每个图表下都可展开它的数据表。<a href={reportPath}>阅读年度报告全文</a></p>

      <section aria-labelledby="h-proactive">
        <h2 id="h-proactive">主动公开</h2>
        <ColumnChart id="chart-stages" title={`${year}年主动公开信息（按五公开分类）`} unit="条" categoryHeader="类别"
          description={`全年主动公开政府信息 ${total} 条：${g.stages.map((s) => `${s.label} ${s.value} 条`).join('，')}。`}
          categories={g.stages.map((s) => s.label)} series={[{ name: '条数', values: g.stages.map((s) => s.value) }]} />
        {documents.map((b, i) => (
          <ColumnChart id={`chart-documents-${i + 1}`} title={`${year}年${b.rows.map((r) => r.label).join('和')}（${b.header}）`} unit="件" categoryHeader="信息内容" missing="未填报"
            description={b.rows.map((r) => `${r.label}：${b.columns.map((c, k) => `${c} ${n(r.values[k])}`).join('，')}`).join('；') + '。'}
            categories={b.rows.map((r) => r.label)} series={b.columns.map((c, k) => ({ name: c, values: b.rows.map((r) => r.values[k]) }))} />
        ))}
        {singles.filter((s) => s.rows.length > 1).map((s, i) => (
          <BarChart id={`chart-decisions-${i + 1}`} title={`${year}年${s.rows.map((r) => r.label).join('、')}（${s.column}）`} unit="件" categoryHeader="信息内容" missing="未填报"
            description={s.rows.map((r) => `${r.label} ${n(r.values[0])}`).join('，') + '。'}
            categories={s.rows.map((r) => r.label)} series={[{ name: s.column, values: s.rows.map((r) => r.values[0]) }]} />
        ))}
        {singles.filter((s) => s.rows.length === 1).map((s) => <p>{s.rows[0].label}：{s.column} {n(s.rows[0].values[0])}。</p>)}
      </section>

      <section aria-labelledby="h-applications">
        <h2 id="h-applications">依申请公开</h2>
        <BarChart id="chart-outcomes" title={`${year}年依申请公开办理结果`} unit="件" categoryHeader="办理结果"
          description={`全年办结政府信息公开申请 ${g.answered} 件（表三（七）总计）：${g.outcomes.map((o) => `${o.label} ${o.value} 件`).join('，')}。`}
          categories={g.outcomes.map((o) => o.label)} series={[{ name: '件数', values: g.outcomes.map((o) => o.value) }]} />
      </section>

      <section aria-labelledby="h-trend">
        <h2 id="h-trend">与往年比较</h2>
        {t.years.length > 1 ? (
          <>
            <LineChart id="chart-trend-published" title={`${span}主动公开信息`} unit="条" categoryHeader="年度"
              description={`各年度报告中的全年主动公开信息数：${t.years.map((y, i) => `${y}年 ${t.published[i]} 条`).join('，')}。`}
              categories={t.years.map((y) => `${y}年`)} series={[{ name: '主动公开信息', values: t.published }]} />
            <ColumnChart id="chart-trend-applications" title={`${span}政府信息公开申请`} unit="件" categoryHeader="年度"
              description={`各年度报告表三的本年新收申请数和办结申请数：${t.years.map((y, i) => `${y}年新收 ${t.received[i]} 件、办结 ${t.answered[i]} 件`).join('，')}。`}
              categories={t.years.map((y) => `${y}年`)} series={[{ name: '新收申请', values: t.received }, { name: '办结申请', values: t.answered }]} />
            <p class="hint">往年数字取自各年度已发布报告的最新版本。</p>
          </>
        ) : <p>本机关此前没有已发布的年度报告，暂无逐年比较。</p>}
      </section>
    </PortalLayout>
  );
}

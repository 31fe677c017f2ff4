import type { Organ } from '../../catalog/index.ts';
import { BarChart } from '../../../platform/charts/bar-chart.tsx';
import { Breadcrumb } from '../../../platform/views/components.tsx';
import { PortalLayout } from '../../../platform/views/portal-layout.tsx';
import type { ReadingPrefs } from '../../../platform/views/prefs.ts';
import type { GraphicReport } from '../domain/graphic-report.ts';
import { reportTitle } from '../export/report-document.ts';
import { portalReportPath } from './portal-report-page.tsx';

/** 图解年报: the published report's figures as charts, each with its data table, beside the text report. */
export function PortalGraphicPage({ prefs, currentPath, organ, year, g }: { prefs: ReadingPrefs; currentPath: string; organ: Organ; year: number; g: GraphicReport }) {
  const title = `图解：${reportTitle(organ.name, year)}`;
  const total = g.stages.reduce((s, x) => s + x.value, 0);
  const answered = g.outcomes.reduce((s, x) => s + x.value, 0);
  return (
    <PortalLayout title={title} prefs={prefs} currentPath={currentPath} consultPhone={organ.consultPhone} canonicalPath={`${portalReportPath(organ.code, year)}/graphic`}>
      <Breadcrumb items={[
        { label: '首页', href: '/' }, { label: '信息公开', href: '/organs' }, { label: organ.shortName || organ.name, href: `/organs/${organ.code}` },
        { label: '政府信息公开年报', href: `/organs/${organ.code}/annual-reports` }, { label: `${year}年度`, href: portalReportPath(organ.code, year) }, { label: '图解' },
      ]} />
      <h1>{title}</h1>
      <p>本页图表的数字均取自已发布的{year}年度报告。<a href={portalReportPath(organ.code, year)}>阅读年度报告全文</a></p>
      <BarChart id="chart-stages" title={`${year}年主动公开信息（按五公开分类）`} description={`全年主动公开信息 ${total} 条，按决策、执行、管理、服务、结果公开分类。`}
        categories={g.stages.map((s) => s.label)} series={[{ name: '条数', values: g.stages.map((s) => s.value) }]} unit="条" />
      <BarChart id="chart-outcomes" title={`${year}年依申请公开办理结果`} description={`全年办结政府信息公开申请 ${answered} 件，按办理结果分类。`}
        categories={g.outcomes.map((o) => o.label)} series={[{ name: '件数', values: g.outcomes.map((o) => o.value) }]} unit="件" />
      {g.trend.years.length > 1 ? (
        <BarChart id="chart-trend" title="与往年比较" description={`${g.trend.years[0]}年至${year}年主动公开信息数、新收申请数和办结申请数。`}
          categories={g.trend.years.map((y) => `${y}年`)}
          series={[{ name: '主动公开信息', values: g.trend.published }, { name: '新收申请', values: g.trend.received }, { name: '办结申请', values: g.trend.answered }]} />
      ) : <p>本机关此前没有已发布的年度报告，暂无逐年比较。</p>}
    </PortalLayout>
  );
}

import { BarChart } from '../../../platform/charts/bar-chart.tsx';
import type { SupervisionCharts } from '../use-cases/supervision-charts.ts';

/** The organ's supervision at a glance: publishing by month, stage and unit, answers on time, stale columns over time. */
export function ChartsSection({ c }: { c: SupervisionCharts }) {
  return (
    <section aria-labelledby="h-charts">
      <h2 id="h-charts">图表</h2>
      <BarChart id="chart-month" title="近 12 个月主动公开信息" description={`每月发布的信息条数，共 ${c.perMonth.values.reduce((s, v) => s + v, 0)} 条。`}
        categories={c.perMonth.labels} series={[{ name: '条数', values: c.perMonth.values }]} unit="条" />
      <BarChart id="chart-stage" title={`${c.year}年主动公开信息（按五公开分类）`} description="本年发布的信息按决策、执行、管理、服务、结果公开分类。"
        categories={c.perStage.labels} series={[{ name: '条数', values: c.perStage.values }]} unit="条" />
      <BarChart id="chart-unit" title={`${c.year}年各股室（单位）发布信息排名`} description="本年各股室报送并发布的信息条数，从多到少。"
        categories={c.perUnit.map((u) => u.name)} series={[{ name: '条数', values: c.perUnit.map((u) => u.value) }]} unit="条" />
      <BarChart id="chart-ontime" title="近 6 个月按期答复率" description={`依申请公开（答复 ${c.onTime.answeredApplications.reduce((s, v) => s + v, 0)} 件）和部门信箱（答复 ${c.onTime.answeredLetters.reduce((s, v) => s + v, 0)} 件）在期限内答复的比例；当月没有答复的记为 0。`}
        categories={c.onTime.labels} series={[{ name: '依申请公开', values: c.onTime.applications }, { name: '部门信箱', values: c.onTime.letters }]} unit="%" />
      {c.stale.days.length > 0 ? (
        <BarChart id="chart-stale" title="逾期未更新和空白栏目（近几次网站检查）" description="每天最后一次网站检查发现的逾期未更新栏目数和空白栏目数。"
          categories={c.stale.days} series={[{ name: '逾期未更新', values: c.stale.stale }, { name: '空白栏目', values: c.stale.empty }]} unit="个" />
      ) : <p>还没有网站检查记录，检查后这里显示逾期未更新和空白栏目的变化。</p>}
    </section>
  );
}

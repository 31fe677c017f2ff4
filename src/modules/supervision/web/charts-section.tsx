import { ColumnChart, LineChart, RankingChart } from '../../../platform/charts/index.ts';
import { CHART_DAYS, CHART_MONTHS, type SupervisionCharts } from '../use-cases/supervision-charts.ts';

const sum = (vs: number[]) => vs.reduce((s, v) => s + v, 0);

/**
 * Supervision at a glance (docs/rules/website-inspection.md, "Charts"): publishing per month and
 * per 五公开 stage, answers on time, stale columns over time and the ranking, each chart with its data
 * table. `scope` says whose figures they are: one organ, or the region's organs added up. Answers on
 * time are drawn only for someone who handles the organ's applications and letters (`c.onTime`).
 */
export function ChartsSection({ c, scope }: { c: SupervisionCharts; scope: 'organ' | 'region' }) {
  const who = scope === 'region' ? '各机关合计' : '本机关';
  const total = sum(c.perMonth.stages.flatMap((s) => s.values));
  // The on-time shares are of the organs the person handles only (条例第二十七条): on the region's page, maybe fewer.
  const onTimeWho = (organs: number) => (scope === 'organ' || organs === c.ranking.rows.length ? who : `您办理的 ${organs} 个机关合计`);
  const rankedBy = c.ranking.of === 'unit' ? '股室（单位）' : '机关';
  return (
    <section aria-labelledby="h-charts" class="charts">
      <h2 id="h-charts">图表</h2>
      <p class="hint">每个图表下都可展开它的数据表，表中数字与图中一致。</p>
      <ColumnChart id="chart-month" title={`近 ${CHART_MONTHS} 个月主动公开信息（按五公开分类）`} mode="stacked" unit="条" categoryHeader="月份"
        description={`${who}每月发布的主动公开信息条数，按决策、执行、管理、服务、结果公开分层，柱顶为当月合计；${c.perMonth.months[0]}至${c.perMonth.months[c.perMonth.months.length - 1]}共 ${total} 条。`}
        categories={c.perMonth.months} axisLabels={c.perMonth.axis} series={c.perMonth.stages} />
      <ColumnChart id="chart-stage" title={`${c.year}年主动公开信息（按五公开分类）`} unit="条" categoryHeader="类别"
        description={`${who}${c.year}年以来发布的主动公开信息 ${sum(c.perStage.values)} 条，按五公开分类。`}
        categories={c.perStage.labels} series={[{ name: '条数', values: c.perStage.values }]} />
      {c.onTime && (
        <LineChart id="chart-ontime" title={`近 ${CHART_MONTHS} 个月按期答复率`} unit="%" max={100} categoryHeader="月份" missing="当月无答复"
          description={`${onTimeWho(c.onTime.organs)}每月答复的依申请公开（共 ${c.onTime.answeredApplications} 件）和部门信箱留言（共 ${c.onTime.answeredLetters} 件）中，在答复期限内答复的比例；当月没有答复的不画点。`}
          categories={c.onTime.months} axisLabels={c.onTime.axis} series={[{ name: '依申请公开', values: c.onTime.applications }, { name: '部门信箱', values: c.onTime.letters }]} />
      )}
      {c.stale.days.length > 0 ? (
        <LineChart id="chart-stale" title="逾期未更新栏目和空白栏目（每日网站检查）" unit="个" categoryHeader="检查日期"
          description={`${who}最近 ${c.stale.days.length} 个检查日（最多 ${CHART_DAYS} 个）每天最后一次网站检查发现的逾期未更新栏目数和空白栏目数；最近一次为逾期 ${c.stale.stale[c.stale.stale.length - 1]} 个、空白 ${c.stale.empty[c.stale.empty.length - 1]} 个。`}
          categories={c.stale.days} axisLabels={c.stale.axis} series={[{ name: '逾期未更新', values: c.stale.stale }, { name: '空白栏目', values: c.stale.empty }]} />
      ) : <p>还没有网站检查记录：检查后这里显示逾期未更新和空白栏目的变化。</p>}
      <RankingChart id="chart-ranking" title={`${c.year}年各${rankedBy}发布信息排名`} unit="条" categoryHeader={rankedBy} seriesNames={['发布条数', '按期发布条数']}
        description={`${c.year}年以来各${rankedBy}${c.ranking.of === 'unit' ? '报送并' : ''}发布的主动公开信息条数，从多到少，并列的名次相同；按期发布指成文后 20 个工作日内发布。`}
        items={c.ranking.rows.map((r) => ({ name: r.name, values: [r.published, r.onTime] }))} />
    </section>
  );
}

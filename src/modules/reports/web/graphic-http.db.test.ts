import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor } from '../../../../test/support/factories.ts';
import { demoReportRecords, seedDemo } from '../../../main/seed-demo.ts';
import { OUTCOME_FAMILIES } from '../domain/report-format.ts';
import { seedDemoReportData } from '../use-cases/seed-demo-report-data.ts';
import { loadReportContext } from '../use-cases/report-context.ts';
import { performReportVerb } from '../use-cases/perform-report-verb.ts';
import { insertApplication } from '../testing/case-rows.ts';

/** The rows of one chart's data table, and the values written on its drawing. */
function chart(html: string, id: string) {
  const figure = new RegExp(`<figure class="chart" id="${id}">[\\s\\S]*?</figure>`).exec(html)?.[0];
  if (!figure) throw new Error(`no chart ${id}`);
  const tbody = /<tbody>[\s\S]*<\/tbody>/.exec(figure)![0];
  const rows = [...tbody.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((c) => c[1]));
  // The wide drawing (the first; the phone's follows it with the values that fit its columns).
  const wide = /<svg[\s\S]*?<\/svg>/.exec(figure)![0];
  const drawn = [...wide.matchAll(/<text class="chart-value"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/[条件]$/, ''));
  return { figure, rows, drawn };
}
const column = (rows: string[][], k: number) => rows.map((r) => Number(r[k]));
const sum = (vs: number[]) => vs.reduce((s, v) => s + v, 0);

describeEachDialect('图解年报 on the portal', (db) => {
  it('draws a published report’s own figures and its trend against the organ’s earlier reports, linked both ways', async () => {
    // 15 February 2024: the demo 住建局 has published its reports for 2019 to 2023.
    const { app, deps } = await buildTestApp(db(), '2024-02-15T02:00:00Z');
    try {
      await seedDemo(deps);
      await seedDemoReportData(deps, demoReportRecords());
      const base = '/organs/qlx-zjj/annual-reports';
      const text = (await app.inject({ method: 'GET', url: `${base}/2023` })).body;
      expect(text).toContain(`href="${base}/2023/graphic"`);
      const page = await app.inject({ method: 'GET', url: `${base}/2023/graphic` });
      expect(page.statusCode).toBe(200);
      const html = page.body;
      expect(html).toContain(`<a href="${base}/2023">阅读年度报告全文</a>`);
      expect(html).toContain('2024-01-22发布的2023年度报告（第1版）');
      const json = (y: number) => app.inject({ method: 'GET', url: `${base}/${y}.json` }).then((r) => r.json());
      const r2023 = await json(2023);

      // 五公开: the report's own counts (its JSON export), adding up to the total section 一 of the text states.
      const stated = /全年主动公开政府信息(\d+)条/.exec(text)!;
      const stages = chart(html, 'chart-stages');
      expect(stages.rows.map((r) => r[0])).toEqual(['决策公开', '执行公开', '管理公开', '服务公开', '结果公开']);
      expect(column(stages.rows, 1)).toEqual(['decision', 'execution', 'management', 'service', 'result'].map((k) => r2023.stages[k]));
      expect(sum(column(stages.rows, 1))).toBe(Number(stated[1]));
      expect(stages.figure).toContain(`全年主动公开政府信息 ${stated[1]} 条`);
      expect(stages.drawn).toEqual(stages.rows.map((r) => r[1]));

      // Table 二: 规章 and 规范性文件 issued, repealed and in force; the decisions entered from other systems.
      const documents = chart(html, 'chart-documents-1');
      expect(documents.rows).toEqual(['规章', '行政规范性文件'].map((row) => [row, ...['本年制发件数', '本年废止件数', '现行有效件数'].map((c) => String(r2023.proactive[row][c]))]));
      const decisions = chart(html, 'chart-decisions-1');
      expect(decisions.rows).toEqual(['行政许可', '行政处罚', '行政强制'].map((row) => [row, String(r2023.proactive[row]['本年处理决定数量'])]));
      expect(decisions.rows[0][1]).not.toBe('0');
      expect(html).toContain(`行政事业性收费：本年收费金额（单位：万元） ${r2023.proactive['行政事业性收费']['本年收费金额（单位：万元）']}。`);

      // Table 三: each outcome family is the sum of its rows; together they make （七）总计.
      const outcomes = chart(html, 'chart-outcomes');
      expect(column(outcomes.rows, 1)).toEqual(OUTCOME_FAMILIES.map((f) => sum(f.outcomes.map((k) => r2023.applications[k].total))));
      expect(sum(column(outcomes.rows, 1))).toBe(r2023.applications.results_total.total);
      expect(outcomes.figure).toContain(`全年办结政府信息公开申请 ${r2023.applications.results_total.total} 件`);

      // The trend: each year's own published report.
      const years = [2019, 2020, 2021, 2022, 2023];
      const reports = await Promise.all(years.map(json));
      expect(chart(html, 'chart-trend-published').rows).toEqual(years.map((y, i) => [`${y}年`, String(sum(Object.values(reports[i].stages as Record<string, number>)))]));
      expect(chart(html, 'chart-trend-applications').rows).toEqual(years.map((y, i) => [`${y}年`, String(reports[i].applications.received.total), String(reports[i].applications.results_total.total)]));
      expect((await app.inject({ method: 'GET', url: `${base}/2019/graphic` })).body).toContain('暂无逐年比较');

      // A correction: the graphic follows the newest version; the first stays drawable as it was, and says so.
      await insertApplication(deps.db, (await loadReportContext(deps, deps.db, 'qlx-zjj', 2023)).organ.id, { receivedOn: '2023-05-08', repliedOn: '2023-05-20', outcome: 'disclosed' });
      const admin = await createActor(deps, 'qlx-zjj', 'organ_admin');
      const editor = await createActor(deps, 'qlx-zjj', 'editor');
      await performReportVerb(deps, admin.actor, 'qlx-zjj', 2023, 'correct', { note: '补录5月办结的1件申请' });
      await performReportVerb(deps, editor.actor, 'qlx-zjj', 2023, 'redraft');
      const ctx = await loadReportContext(deps, deps.db, 'qlx-zjj', 2023);
      const sections = { ...ctx.report.sections, 六: (await json(2023)).sections['六'] };
      await performReportVerb(deps, editor.actor, 'qlx-zjj', 2023, 'edit', { sections, rowVersion: ctx.current!.rowVersion });
      await performReportVerb(deps, editor.actor, 'qlx-zjj', 2023, 'submit');
      await performReportVerb(deps, admin.actor, 'qlx-zjj', 2023, 'publish');
      const v2 = (await app.inject({ method: 'GET', url: `${base}/2023/graphic` })).body;
      expect(v2).toContain('（第2版）');
      expect(column(chart(v2, 'chart-trend-applications').rows, 1).at(-1)).toBe(r2023.applications.received.total + 1);
      const v1 = (await app.inject({ method: 'GET', url: `${base}/2023/graphic?version=1` })).body;
      expect(v1).toContain('这是第1版的图解，该版已被更正。');
      expect(v1).toContain(`<a href="${base}/2023?version=1">阅读年度报告全文</a>`);
      expect(column(chart(v1, 'chart-trend-applications').rows, 1).at(-1)).toBe(r2023.applications.received.total);
      expect((await app.inject({ method: 'GET', url: `${base}/2023?version=1` })).body).toContain(`href="${base}/2023/graphic?version=1"`);

      for (const url of [`${base}/2024/graphic`, `${base}/2023/graphic?version=3`, '/organs/nope/annual-reports/2023/graphic', `${base}/20x3/graphic`]) {
        expect({ url, status: (await app.inject({ method: 'GET', url })).statusCode }).toEqual({ url, status: 404 });
      }
    } finally {
      await app.close();
    }
  }, 120_000);
});

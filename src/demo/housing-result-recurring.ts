import type { Draft, ItemKind, YearContext } from './item-kind.ts';
import { HOUSING_TOPICS, housingTopic } from './housing-topics.ts';
import { HOUSING_NAME, HOUSING_SHORT, HOUSING_SIGNER, unitOf } from './housing-common.ts';
import { annualReportBody } from './annual-report.ts';
import { housingUnit } from './organs.ts';
import { HOUSING_UNIT_KEYS } from './organ-keys.ts';
import { draft, inMonths, reportMonths, reportQuarters, wan } from './kind-helpers.ts';
import { heading, p, publicityBody, section, signature, table } from './body-templates.ts';
import { ESTATES, OLD_COMPOUNDS, PUBLIC_HOUSING, QUARTERS_CN, RURAL_TOWNSHIPS, TOWNSHIPS, chineseNumber } from './word-banks.ts';

/** 结果公开 items of 县住房和城乡建设局 that come every month, quarter or year: permits, sales, rents, reports. */

const qcn = (n: number) => QUARTERS_CN[n - 1];

export const HOUSING_RESULT_RECURRING: ItemKind = {
  id: 'zjj-result-regular',
  stage: 'result',
  weight: 0,
  recurring: (ctx) => {
    const out: Draft[][] = [];
    const quality = housingUnit(HOUSING_UNIT_KEYS.quality);
    const market = housingUnit(HOUSING_UNIT_KEYS.realEstate);
    const office = housingUnit(HOUSING_UNIT_KEYS.office);
    for (const m of reportMonths(ctx.year)) {
      const on = ctx.pickDate(m.from, m.to);
      if (!on) continue;
      const rows = Array.from({ length: ctx.rng.int(2, 7) }, () => [
        `${ctx.rng.pick(ESTATES)}${ctx.rng.pick(['一', '二', '三'])}期${ctx.rng.int(1, 20)}#楼`, `某${ctx.rng.pick(['置业有限公司', '房地产开发有限公司'])}`,
        ctx.rng.pick(TOWNSHIPS.slice(0, 2)), ctx.rng.int(3200, 28000), wan(ctx, 800, 9000), `${m.m}月${ctx.rng.int(1, 28)}日`,
      ]);
      out.push([{
        ...draft(ctx, {
          title: `${m.y}年${m.m}月建筑工程施工许可证核发情况公示`, nodes: ['xzxk/xkjg'], stage: 'result', genre: '公示',
          subject: '城乡建设、环境保护', keywords: ['施工许可', '许可结果'], summary: `公示${m.y}年${m.m}月核发的建筑工程施工许可证${rows.length}件。`,
          source: quality.source, consultPhone: quality.phone, publishedOn: on, formed: 'quick',
          body: (d) => publicityBody({
            intro: `${m.y}年${m.m}月，我局共核发建筑工程施工许可证${rows.length}件，现将许可结果公示如下：`,
            table: { headers: ['工程名称', '建设单位', '建设地点', '建筑面积（㎡）', '合同价格（万元）', '发证日期'], rows },
            periodDays: null, contact: quality.source, phone: quality.phone, signer: HOUSING_SIGNER, signedOn: d,
          }),
        }),
        permitCount: rows.length,
      }]);
      const on2 = ctx.pickDate(m.from, m.to);
      if (!on2) continue;
      const sold = ctx.rng.int(180, 760);
      out.push([draft(ctx, {
        title: `${m.y}年${m.m}月全县商品房销售情况`, nodes: ['tjxx', 'zdly/fdcscjg'], stage: 'result', genre: '统计信息',
        subject: '城乡建设、环境保护', keywords: ['商品房销售', '统计'], summary: `${m.y}年${m.m}月全县商品房网签备案${sold}套。`,
        source: market.source, consultPhone: market.phone, publishedOn: on2, formed: 'quick',
        body: () => [
          p(`${m.y}年${m.m}月，全县商品房网签备案${sold}套，备案面积${(sold * ctx.rng.int(98, 126) / 10000).toFixed(2)}万平方米。其中：`),
          table(['类别', '套数', '面积（万㎡）', '均价（元/㎡）'], [
            ['住宅', Math.round(sold * 0.82), (sold * 0.82 * 1.16 / 100).toFixed(2), ctx.rng.int(5200, 7400)],
            ['商业', Math.round(sold * 0.06), (sold * 0.06 * 0.6 / 100).toFixed(2), ctx.rng.int(7800, 11800)],
            ['车库及其他', sold - Math.round(sold * 0.82) - Math.round(sold * 0.06), '—', '—'],
          ]),
          p('数据来源：县房地产交易网签备案系统。'),
        ].join('\n'),
      })]);
    }
    for (const rq of reportQuarters(ctx.year)) {
      const on = ctx.pickDate(rq.from, rq.to);
      if (!on) continue;
      out.push([draft(ctx, {
        title: `${rq.y}年第${qcn(rq.q)}季度公租房租金收缴情况公示`, nodes: ['zdly/bzxzf'], stage: 'result', genre: '公示',
        subject: '城乡建设、环境保护', keywords: ['公共租赁住房', '租金收缴'], summary: `公示${rq.y}年第${qcn(rq.q)}季度各公租房小区租金收缴情况。`,
        source: market.source, consultPhone: market.phone, publishedOn: on, formed: 'quick',
        body: (d) => publicityBody({
          intro: `现将${rq.y}年第${qcn(rq.q)}季度全县公共租赁住房租金收缴情况公示如下：`,
          table: {
            headers: ['小区名称', '在租户数', '应收租金（万元）', '实收租金（万元）', '收缴率'],
            rows: PUBLIC_HOUSING.map((h) => { const due = Number(wan(ctx, 8, 30)); const rate = ctx.rng.int(900, 1000) / 10; return [h, ctx.rng.int(90, 420), due.toFixed(2), (due * rate / 100).toFixed(2), `${rate}%`]; }),
          },
          extra: ['对拖欠租金的承租户，请于本季度末前到所在小区物业服务中心补缴。'],
          periodDays: null, contact: market.source, phone: market.phone, signer: HOUSING_SIGNER, signedOn: d,
        }),
      })]);
    }
    const prev = ctx.year - 1;
    const yearly: { title: string; nodes: string[]; months: [number, number]; genre: string; unit: { source: string; phone: string }; subject?: string; body: (on: string) => string }[] = [
      {
        title: `${HOUSING_NAME}${prev}年政府信息公开工作年度报告`, nodes: ['gknb'], months: [1, 1], genre: '年度报告', unit: office, subject: '综合政务',
        // The 2020 report states the cases the seed records for that year (see reports' seedDemoReportData).
        body: (on) => annualReportBody(ctx, HOUSING_NAME, prev, ctx.previous, on, prev === 2020 ? { withheldProcessInfo: 1, reconsiderationUpheld: 1, litigationAfterReconsiderationOther: 1 } : undefined),
      },
      {
        title: `${HOUSING_NAME}${prev}年部门决算公开`, nodes: ['czyjs/bmjs'], months: [8, 9], genre: '预决算', unit: office, subject: '财政、金融、审计',
        body: (on) => [
          p(`${prev}年度收入总计${wan(ctx, 3000, 11000)}万元，支出总计${wan(ctx, 3000, 11000)}万元，年末结转和结余${wan(ctx, 10, 200)}万元。`),
          p(`${prev}年度“三公”经费支出${wan(ctx, 3, 10)}万元，完成预算的${ctx.rng.int(70, 98)}%，主要原因是严格控制公务接待和公务用车运行支出。`),
          p('机关运行经费、政府采购、国有资产占有使用情况以及预算绩效管理情况详见附表。'),
          signature(HOUSING_SIGNER, on),
        ].join('\n'),
      },
      {
        title: `${HOUSING_NAME}${prev}年工作总结和${ctx.year}年工作计划`, nodes: ['jdbz/gztj'], months: [1, 2], genre: '总结', unit: office,
        body: (on) => summaryBody(ctx, `${prev}年`, on),
      },
      {
        title: `${HOUSING_NAME}${ctx.year}年上半年工作总结`, nodes: ['jdbz/gztj'], months: [7, 7], genre: '总结', unit: office,
        body: (on) => summaryBody(ctx, `${ctx.year}年上半年`, on),
      },
      {
        title: `${prev}年农村危房改造工作完成情况`, nodes: ['zdly/ncwfgz', 'jdbz/gztj'], months: [1, 3], genre: '报告', unit: unitOf(housingTopic('wfgz')), subject: '民政、扶贫、救灾',
        body: (on) => {
          const rows = RURAL_TOWNSHIPS.map((t) => { const n = ctx.rng.int(4, 30); return [t, n, n, (n * ctx.rng.int(12, 22) / 10).toFixed(1)]; });
          const total = rows.reduce((s, r) => s + Number(r[1]), 0);
          return [
            p(`${prev}年，全县共完成农村危房改造${total}户，全部通过竣工验收，补助资金已全部发放到户。各乡镇完成情况如下：`),
            table(['乡镇', '计划任务（户）', '竣工验收（户）', '补助资金（万元）'], rows),
            signature(HOUSING_SIGNER, on),
          ].join('\n');
        },
      },
      {
        title: `${prev}年城镇保障性安居工程建设任务完成情况`, nodes: ['zdly/bzxzf', 'jdbz/gztj'], months: [1, 3], genre: '报告', unit: unitOf(housingTopic('ajgc')),
        body: (on) => [
          p(`${prev}年，省、市下达我县城镇保障性安居工程任务为：城镇老旧小区改造${ctx.rng.int(6, 18)}个小区、棚户区改造${ctx.rng.int(120, 600)}套、发放租赁补贴${ctx.rng.int(150, 500)}户。`),
          p('截至年底，各项任务均已完成，其中老旧小区改造项目全部完工，棚户区改造项目基本建成率达到序时进度要求，租赁补贴全部按时足额发放。'),
          signature(HOUSING_SIGNER, on),
        ].join('\n'),
      },
      {
        title: `${prev}年城镇老旧小区改造专项资金使用情况公示`, nodes: ['zdly/bzxzf'], months: [3, 4], genre: '公示', unit: unitOf(housingTopic('ljxq')), subject: '财政、金融、审计',
        body: (on) => publicityBody({
          intro: `现将${prev}年城镇老旧小区改造专项资金使用情况公示如下：`,
          table: { headers: ['项目名称', '下达资金（万元）', '已拨付（万元）', '拨付进度'], rows: ctx.rng.sample(OLD_COMPOUNDS, ctx.rng.int(4, 7)).map((c) => { const a = Number(wan(ctx, 80, 900)); const rate = ctx.rng.int(85, 100); return [`${c}改造项目`, a.toFixed(2), (a * rate / 100).toFixed(2), `${rate}%`]; }) },
          periodDays: 7, contact: HOUSING_NAME, phone: unitOf(housingTopic('ljxq')).phone, signer: HOUSING_SIGNER, signedOn: on,
        }),
      },
      {
        title: `${prev}年度物业服务企业信用评价结果公示`, nodes: ['zdly/fdcscjg'], months: [3, 4], genre: '公示', unit: market,
        body: (on) => publicityBody({
          intro: `根据物业服务企业信用评价的有关规定，我局对${prev}年度在本县从事物业服务的企业进行了信用评价，现将结果公示如下：`,
          table: { headers: ['评价等级', '企业数量（家）'], rows: [['AAA', ctx.rng.int(1, 4)], ['AA', ctx.rng.int(5, 12)], ['A', ctx.rng.int(8, 20)], ['B', ctx.rng.int(1, 5)]] },
          periodDays: 5, contact: market.source, phone: market.phone, signer: HOUSING_SIGNER, signedOn: on,
        }),
      },
      {
        title: `${HOUSING_SHORT}${ctx.year}年人大代表建议和政协提案办理情况`, nodes: ['gzcy/jyta'], months: [10, 12], genre: '报告', unit: office, subject: '综合政务',
        body: (on) => [
          p(`${ctx.year}年，我局共承办县人大代表建议${ctx.rng.int(8, 20)}件、县政协委员提案${ctx.rng.int(6, 18)}件，已全部按期办结，代表委员满意率100%。`),
          p('建议提案主要集中在老旧小区改造、城区道路和排水设施建设、物业服务管理、农村住房安全等方面。我局坚持把建议提案办理与推动工作结合起来，对能够解决的问题限时解决，对需要逐步解决的问题纳入年度计划。'),
          signature(HOUSING_SIGNER, on),
        ].join('\n'),
      },
    ];
    for (const y of yearly) {
      const on = inMonths(ctx, y.months[0], y.months[1]);
      if (!on) continue;
      out.push([draft(ctx, {
        title: y.title, nodes: y.nodes, stage: 'result', genre: y.genre, subject: y.subject ?? '城乡建设、环境保护',
        keywords: [y.genre === '年度报告' ? '政府信息公开' : y.genre, '结果公开'], summary: `${y.title}。`, source: y.unit.source, consultPhone: y.unit.phone,
        publishedOn: on, formed: y.genre === '年度报告' ? 'same' : 'quick', body: y.body,
      })]);
    }
    return out;
  },
};

function summaryBody(ctx: YearContext, period: string, on: string): string {
  const done = ctx.rng.sample(HOUSING_TOPICS, 4);
  return [
    heading(`一、${period}工作开展情况`),
    ...done.map((t, i) => p(`（${chineseNumber(i + 1)}）${t.name}。${ctx.rng.sample(t.measures, 2).join('；')}，${ctx.rng.pick(['各项工作取得明显成效', '完成了阶段性目标任务', '群众满意度进一步提升'])}。`)),
    section('二、存在的问题。', '一是部分项目前期工作推进较慢，影响开工进度；二是建筑施工安全生产形势依然复杂，一线作业人员安全意识有待提高；三是专业技术人员不足，监管力量相对薄弱。'),
    section('三、下一步工作打算。', ctx.rng.sample(HOUSING_TOPICS, 3).map((t, i) => `（${chineseNumber(i + 1)}）持续抓好${t.name}工作，${t.measures[0]}。`).join('')),
    signature(HOUSING_SIGNER, on),
  ].join('\n');
}

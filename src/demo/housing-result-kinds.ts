import type { Draft, ItemKind, YearContext } from './item-kind.ts';
import { HOUSING_TOPICS, housingTopic } from './housing-topics.ts';
import { HOUSING_NAME, HOUSING_SHORT, HOUSING_SIGNER, unitOf, withTopicNode } from './housing-common.ts';
import { VIOLATIONS } from './housing-penalties.ts';
import { constructionSite } from './housing-inspections.ts';
import { annualReportBody } from './annual-report.ts';
import { housingUnit } from './organs.ts';
import { HOUSING_UNIT_KEYS } from './organ-keys.ts';
import { anyDay, draft, inMonths, reportMonths, reportQuarters, seq, wan } from './kind-helpers.ts';
import { heading, p, publicityBody, section, signature, table } from './body-templates.ts';
import { chineseDate, chineseMonthDay } from './demo-calendar.ts';
import {
  COUNTY, ENTERPRISE_KINDS, ESTATES, EXPROPRIATION_AREAS, MUNICIPAL_PROJECTS, OLD_COMPOUNDS, PUBLIC_HOUSING, QUARTERS_CN,
  RURAL_TOWNSHIPS, SURNAMES, TOWNSHIPS, anonymousPerson, chineseNumber, congressSessions,
} from './word-banks.ts';

/** 结果公开 items of 县住房和城乡建设局: penalties, permits, funds, replies, summaries, statistics. */

const qcn = (n: number) => QUARTERS_CN[n - 1];

const penalties: ItemKind = {
  id: 'zjj-penalty',
  stage: 'result',
  weight: 5,
  make: (ctx) => {
    const v = ctx.rng.pick(VIOLATIONS);
    const site = v.estateOnly ? `${ctx.rng.pick(ESTATES)}${ctx.rng.pick(['一', '二', '三'])}期项目` : constructionSite(ctx);
    const on = anyDay(ctx)!;
    const unit = housingUnit(v.estateOnly ? HOUSING_UNIT_KEYS.realEstate : HOUSING_UNIT_KEYS.quality);
    const fine = (ctx.rng.int(Math.round(v.fine[0] * 10), Math.round(v.fine[1] * 10)) / 10).toString();
    const kind = v.party === '房地产开发企业' ? '房地产开发有限公司' : ctx.rng.pick(ENTERPRISE_KINDS.slice(0, 3));
    return [draft(ctx, {
      title: `行政处罚决定信息公开（${site}${v.short}）`, nodes: ['xzcf/cfjg'], stage: 'result', genre: '行政处罚决定',
      subject: '城乡建设、环境保护', keywords: ['行政处罚', v.short], numbering: 'penalty',
      summary: `对${site}${v.short}的行为作出行政处罚决定。`, source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'document',
      body: (d) => [
        p('根据行政执法公示制度的要求，现将行政处罚决定信息公开如下：'),
        table(['项目', '内容'], [
          ['行政处罚决定书文号', '{{文号}}'], ['案件名称', `${site}${v.short}案`], ['当事人', `某${kind}（${v.party}）`],
          ['主要违法事实', `${v.facts}`], ['处罚依据', v.basis], ['处罚结果', `责令改正，罚款人民币${fine}万元`],
          ['作出处罚决定日期', chineseDate(d)], ['处罚机关', HOUSING_NAME],
        ]),
        p('当事人已按期缴纳罚款并完成整改。'),
      ].join('\n'),
    })];
  },
};

const regularResults: ItemKind = {
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
        body: (on) => annualReportBody(ctx, HOUSING_NAME, prev, ctx.previous, on),
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

const completionFilings: ItemKind = {
  id: 'zjj-completion-filing',
  stage: 'result',
  weight: 2,
  make: (ctx) => {
    const n = '{{序}}';
    const on = anyDay(ctx)!;
    const unit = housingUnit(HOUSING_UNIT_KEYS.quality);
    return [seq(10, draft(ctx, {
      title: `${ctx.year}年第${n}批房屋建筑和市政基础设施工程竣工验收备案情况公示`, nodes: ['xzxk/xkjg', 'zdly/jzgczl'], stage: 'result',
      genre: '公示', subject: '城乡建设、环境保护', keywords: ['竣工验收备案', '工程质量'], summary: `公示${ctx.year}年第${n}批完成竣工验收备案的工程。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: (d) => publicityBody({
        intro: '下列工程已经竣工验收合格，并在我局办理了竣工验收备案手续，现予公示：',
        table: { headers: ['工程名称', '建设单位', '竣工验收日期'], rows: Array.from({ length: ctx.rng.int(2, 6) }, () => [constructionSite(ctx), `某${ctx.rng.pick(['置业有限公司', '房地产开发有限公司', '城市建设投资有限公司'])}`, chineseMonthDay(d)]) },
        periodDays: null, contact: unit.source, phone: unit.phone, signer: HOUSING_SIGNER, signedOn: d,
      }),
    }))];
  },
};

const ruralFunds: ItemKind = {
  id: 'zjj-rural-funds',
  stage: 'result',
  weight: 3,
  make: (ctx) => {
    const town = ctx.rng.pick(RURAL_TOWNSHIPS);
    const on = inMonths(ctx, 7, 12) ?? anyDay(ctx)!;
    const topic = housingTopic('wfgz');
    const unit = unitOf(topic);
    const rows = Array.from({ length: ctx.rng.int(3, 9) }, (_, i) => {
      const rebuild = ctx.rng.chance(0.3);
      return [i + 1, anonymousPerson(ctx.rng.pick(SURNAMES)), rebuild ? '拆除重建' : '维修加固', rebuild ? ctx.rng.pick([35000, 40000, 45000]) : ctx.rng.pick([12000, 15000, 18000])];
    });
    return [draft(ctx, {
      title: `${ctx.year}年农村危房改造补助资金发放情况公示（${town}）`, nodes: ['zdly/ncwfgz'], stage: 'result', genre: '公示',
      subject: topic.subject, keywords: ['农村危房改造', '补助资金', town], summary: `公示${town}${ctx.year}年农村危房改造补助资金发放情况。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: (d) => publicityBody({
        intro: `${town}${ctx.year}年农村危房改造项目已全部竣工并通过验收，补助资金已通过“一卡通”发放到户，现将发放情况公示如下：`,
        table: { headers: ['序号', '户主', '改造方式', '补助金额（元）'], rows },
        periodDays: 7, contact: `${town}人民政府或${HOUSING_NAME}`, phone: unit.phone, signer: HOUSING_SIGNER, signedOn: d,
      }),
    })];
  },
};

const housingAllocations: ItemKind = {
  id: 'zjj-housing-allocation',
  stage: 'result',
  weight: 2,
  make: (ctx) => {
    const n = '{{序}}';
    const on = anyDay(ctx)!;
    const unit = unitOf(housingTopic('gzf'));
    return [seq(6, draft(ctx, {
      title: `${ctx.year}年第${n}批公共租赁住房配租结果公示`, nodes: ['zdly/bzxzf'], stage: 'result', genre: '公示',
      subject: '城乡建设、环境保护', keywords: ['公共租赁住房', '配租'], summary: `公示${ctx.year}年第${n}批公共租赁住房摇号配租结果。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: (d) => publicityBody({
        intro: `${ctx.year}年第${n}批公共租赁住房配租工作在公证人员和群众代表的监督下，采取公开摇号方式进行。现将配租结果公示如下：`,
        table: {
          headers: ['序号', '承租人', '小区名称', '房号', '建筑面积（㎡）'],
          rows: Array.from({ length: ctx.rng.int(5, 14) }, (_, i) => [i + 1, anonymousPerson(ctx.rng.pick(SURNAMES)), ctx.rng.pick(PUBLIC_HOUSING), `${ctx.rng.int(1, 12)}#楼${ctx.rng.int(1, 3)}单元${ctx.rng.int(1, 6)}0${ctx.rng.int(1, 4)}室`, ctx.rng.int(38, 60)]),
        },
        periodDays: 5, contact: unit.source, phone: unit.phone, signer: HOUSING_SIGNER, signedOn: d,
      }),
    }))];
  },
};

const expropriationResults: ItemKind = {
  id: 'zjj-expropriation-result',
  stage: 'result',
  weight: 2,
  make: (ctx) => {
    const area = ctx.rng.pick(EXPROPRIATION_AREAS);
    const variant = ctx.rng.int(0, 2);
    const title = [`${area}项目分户补偿情况公示`, `${area}项目房屋征收补偿结果公告`, `${area}项目房屋征收评估结果公示`][variant];
    const topic = housingTopic('zs');
    const unit = unitOf(topic);
    const on = anyDay(ctx)!;
    return [draft(ctx, {
      title, nodes: ['zdly/gytdsfwzs'], stage: 'result', genre: variant === 1 ? '公告' : '公示', subject: topic.subject,
      keywords: ['房屋征收', '补偿', area], summary: `${title.replace(/公示$|公告$/, '')}。`, source: unit.source, consultPhone: unit.phone,
      publishedOn: on, formed: 'quick',
      body: (d) => publicityBody({
        intro: variant === 2
          ? `${area}项目被征收房屋价值评估工作已完成，现将分户初步评估结果公示如下。被征收人对评估结果有异议的，可以自收到评估报告之日起10日内向评估机构申请复核评估。`
          : `根据《国有土地上房屋征收与补偿条例》第二十九条的规定，现将${area}项目分户补偿情况公布如下：`,
        table: {
          headers: ['编号', '被征收人', '房屋面积（㎡）', '补偿方式', variant === 2 ? '评估价值（万元）' : '补偿金额（万元）'],
          rows: Array.from({ length: ctx.rng.int(5, 12) }, (_, i) => [`${String(i + 1).padStart(3, '0')}`, anonymousPerson(ctx.rng.pick(SURNAMES)), ctx.rng.int(48, 160), ctx.rng.pick(['货币补偿', '产权调换']), wan(ctx, 30, 180)]),
        },
        periodDays: variant === 1 ? null : 7, contact: `${COUNTY}房屋征收服务中心`, phone: unit.phone, signer: HOUSING_SIGNER, signedOn: d,
      }),
    })];
  },
};

const replies: ItemKind = {
  id: 'zjj-reply',
  stage: 'result',
  weight: 2,
  make: (ctx) => {
    const s = congressSessions(ctx.year);
    const npc = ctx.rng.chance(0.55);
    const n = ctx.rng.int(1, 150);
    const topic = ctx.rng.pick(HOUSING_TOPICS.filter((t) => t.id !== 'zwgk'));
    const on = inMonths(ctx, 4, 9);
    if (!on) return null;
    const unit = unitOf(topic);
    const person = anonymousPerson(ctx.rng.pick(SURNAMES));
    return [draft(ctx, {
      title: npc ? `对${s.npc}第${n}号代表建议的答复` : `对${s.cppcc}第${n}号提案的答复`, nodes: withTopicNode(['gzcy/jyta'], topic),
      stage: 'result', genre: '函', subject: topic.subject, keywords: [npc ? '建议办理' : '提案办理', ...topic.keywords.slice(0, 1)],
      summary: `答复关于${topic.name}的${npc ? '代表建议' : '政协提案'}。`, source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'document',
      body: (d) => [
        p(`${person}${npc ? '代表' : '委员'}：`),
        p(`您提出的《关于进一步做好${topic.name}工作的${npc ? '建议' : '提案'}》收悉。感谢您对住房城乡建设工作的关心和支持。经认真研究，现答复如下：`),
        p(`近年来，我局高度重视${topic.name}工作，${ctx.rng.pick(topic.measures)}，取得了一定成效。`),
        p(`您提出的${npc ? '建议' : '提案'}很有针对性。下一步，我局将${ctx.rng.pick(topic.measures)}，推动${topic.name}工作取得新成效。`),
        p(`再次感谢您对我们工作的关心和支持。联系人：${HOUSING_SHORT}${unit.source.replace(HOUSING_SHORT, '')}；联系电话：${unit.phone}。`),
        signature(HOUSING_SIGNER, d),
      ].join('\n'),
    })];
  },
};

const spotCheckResults: ItemKind = {
  id: 'zjj-spot-check-result',
  stage: 'result',
  weight: 1,
  make: (ctx) => {
    const n = '{{序}}';
    const on = inMonths(ctx, 4, 12);
    if (!on) return null;
    const unit = housingUnit(HOUSING_UNIT_KEYS.quality);
    const checked = ctx.rng.int(4, 16);
    return [seq(6, draft(ctx, {
      title: `${ctx.year}年第${n}次“双随机、一公开”抽查结果公示`, nodes: ['sssj'], stage: 'result', genre: '公示',
      subject: '市场监管、安全生产监管', keywords: ['双随机一公开', '抽查结果'], summary: `公示${ctx.year}年第${n}次随机抽查${checked}家企业的结果。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: (d) => publicityBody({
        intro: `按照${ctx.year}年度“双随机、一公开”抽查工作计划，我局随机抽取检查对象${checked}家、随机选派执法检查人员，开展了抽查。抽查结果如下：`,
        table: { headers: ['抽查事项', '抽查对象数量', '未发现问题', '发现问题已责令整改'], rows: [[ctx.rng.pick(['建筑施工企业安全生产条件', '房地产开发企业销售行为', '房地产经纪机构经营行为', '物业服务企业服务质量']), checked, checked - Math.min(checked, ctx.rng.int(0, 3)), Math.min(checked, ctx.rng.int(0, 3))]] },
        periodDays: null, contact: unit.source, phone: unit.phone, signer: HOUSING_SIGNER, signedOn: d,
      }),
    }))];
  },
};

const procurementResults: ItemKind = {
  id: 'zjj-procurement-result',
  stage: 'result',
  weight: 2,
  make: (ctx) => {
    const project = ctx.rng.pick([...MUNICIPAL_PROJECTS, ...OLD_COMPOUNDS.map((c) => `${c}改造项目`)]);
    const lot = ctx.rng.pick(['施工', '监理', '设计', '全过程造价咨询']);
    const on = anyDay(ctx)!;
    const unit = unitOf(housingTopic('zdxm'));
    return [draft(ctx, {
      title: `${project}${lot}中标（成交）结果公告`, nodes: ['zfcg'], stage: 'result', genre: '公告', subject: '财政、金融、审计',
      keywords: ['中标结果', project.replace(/(工程|项目)$/, '')], summary: `公告${project}${lot}的中标（成交）结果。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: (d) => publicityBody({
        intro: `${project}${lot}已在${COUNTY}公共资源交易中心依法完成招标（采购），现将结果公告如下：`,
        table: { headers: ['项目名称', '中标（成交）单位', '中标（成交）金额（万元）', '工期（服务期）'], rows: [[`${project}${lot}`, `某${ctx.rng.pick(['建设集团有限公司', '工程咨询有限公司', '工程设计有限公司', '市政工程有限公司'])}`, wan(ctx, 30, 6000), `${ctx.rng.int(60, 540)}日历天`]] },
        extra: ['公告期限为1个工作日。各有关当事人对结果有异议的，可以在公告期限届满之日起7个工作日内以书面形式提出质疑。'],
        periodDays: null, contact: unit.source, phone: unit.phone, signer: HOUSING_SIGNER, signedOn: d,
      }),
    })];
  },
};

const dustRankings: ItemKind = {
  id: 'zjj-dust-ranking',
  stage: 'result',
  weight: 2,
  make: (ctx) => {
    const m = ctx.rng.pick(reportMonths(ctx.year));
    const on = ctx.pickDate(m.from, m.to);
    if (!on) return null;
    const topic = housingTopic('yc');
    const unit = unitOf(topic);
    const sites = Array.from({ length: 6 }, () => constructionSite(ctx)).filter((x, i, a) => a.indexOf(x) === i);
    const red = sites.slice(0, Math.ceil(sites.length / 2));
    const black = sites.slice(red.length);
    return [draft(ctx, {
      title: `${m.y}年${m.m}月建筑工地扬尘治理“红黑榜”`, nodes: ['zdly/yccz'], stage: 'result', genre: '通报', subject: topic.subject,
      keywords: ['扬尘治理', '红黑榜'], summary: `公布${m.y}年${m.m}月建筑工地扬尘治理红榜、黑榜项目。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: (d) => [
        p(`根据${m.y}年${m.m}月建筑工地扬尘污染防治日常巡查和专项检查情况，经综合评定，现将扬尘治理“红黑榜”公布如下：`),
        table(['榜单', '项目名称', '主要情况'], [
          ...red.map((s) => ['红榜', s, '扬尘防治措施落实到位，现场管理规范']),
          ...black.map((s) => ['黑榜', s, ctx.rng.pick(['裸土覆盖不到位', '车辆冲洗设施未正常使用', '未落实湿法作业'])]),
        ]),
        p('对列入黑榜的项目，约谈项目负责人并记入企业不良行为记录；连续两个月列入黑榜的，责令停工整改。'),
        signature(HOUSING_SIGNER, d),
      ].join('\n'),
    })];
  },
};

const consultationFeedback: ItemKind = {
  id: 'zjj-consultation-feedback',
  stage: 'result',
  weight: 1,
  make: (ctx) => {
    const topic = ctx.rng.pick(HOUSING_TOPICS.filter((t) => t.node.startsWith('zdly/')));
    const name = ctx.rng.pick([`${COUNTY}${topic.name}实施办法`, `${COUNTY}${topic.name}管理规定`, `${COUNTY}${topic.name}工作规程`]);
    const on = anyDay(ctx)!;
    const unit = unitOf(topic);
    const got = ctx.rng.int(3, 26);
    const adopted = ctx.rng.int(1, got);
    return [draft(ctx, {
      title: `关于《${name}（征求意见稿）》征求意见采纳情况的说明`, nodes: withTopicNode(['gzcy/yjzj'], topic), stage: 'result',
      genre: '其他', subject: topic.subject, keywords: ['意见征集', '采纳情况'], summary: `征集意见${got}条，采纳${adopted}条。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: (d) => [
        p(`我局于近期就《${name}（征求意见稿）》向社会公开征求意见，共收到意见建议${got}条。经认真研究，采纳或者部分采纳${adopted}条，未采纳${got - adopted}条。`),
        p('主要采纳的意见包括：进一步明确各部门职责分工；简化办事程序和申请材料；加强事中事后监管。'),
        p('未采纳的意见主要是超出本文件调整范围或者与上位法规定不一致的内容，我局已通过电话等方式向意见提出人作了说明。'),
        signature(HOUSING_SIGNER, d),
      ].join('\n'),
    })];
  },
};

export const HOUSING_RESULT_KINDS: ItemKind[] = [
  penalties, regularResults, completionFilings, ruralFunds, housingAllocations, expropriationResults, replies, spotCheckResults,
  procurementResults, dustRankings, consultationFeedback,
];

import type { ItemKind } from './item-kind.ts';
import { HOUSING_TOPICS, housingTopic } from './housing-topics.ts';
import { HOUSING_NAME, HOUSING_SHORT, HOUSING_SIGNER, unitOf, withTopicNode } from './housing-common.ts';
import { VIOLATIONS } from './housing-penalties.ts';
import { constructionSite } from './housing-inspections.ts';
import { HOUSING_RESULT_RECURRING } from './housing-result-recurring.ts';
import { housingUnit } from './organs.ts';
import { HOUSING_UNIT_KEYS } from './organ-keys.ts';
import { anyDay, draft, inMonths, reportMonths, seq, wan, ruleNames } from './kind-helpers.ts';
import { p, publicityBody, signature, table } from './body-templates.ts';
import { chineseDate, chineseMonthDay } from './demo-calendar.ts';
import {
  COUNTY, ENTERPRISE_KINDS, ESTATES, EXPROPRIATION_AREAS, MUNICIPAL_PROJECTS, OLD_COMPOUNDS, PUBLIC_HOUSING, RURAL_TOWNSHIPS,
  SURNAMES, anonymousPerson, congressSessions,
} from './word-banks.ts';

/** 结果公开 items of 县住房和城乡建设局: penalties, permits, funds, replies, summaries, statistics. */

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
    const name = ctx.rng.pick(ruleNames(COUNTY, topic.name));
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
  penalties, HOUSING_RESULT_RECURRING, completionFilings, ruralFunds, housingAllocations, expropriationResults, replies, spotCheckResults,
  procurementResults, dustRankings, consultationFeedback,
];

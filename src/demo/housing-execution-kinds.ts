import type { Draft, ItemKind, YearContext } from './item-kind.ts';
import { HOUSING_TOPICS, housingTopic, type HousingTopic } from './housing-topics.ts';
import { ADDRESSEE_ENTERPRISES, ADDRESSEE_TOWNS, HOUSING_SIGNER, unitOf, withTopicNode } from './housing-common.ts';
import { attendeesFor, emphasisSentence, nextStepSentence, progressSentence, type NewsMode } from './housing-news.ts';
import { anyDay, draft, inMonths, reportMonths, reportQuarters, wan } from './kind-helpers.ts';
import { newsBody, noticeBody, p, table } from './body-templates.ts';
import { addDays, chineseDate, chineseMonthDay } from './demo-calendar.ts';
import { EXPROPRIATION_AREAS, MUNICIPAL_PROJECTS, OLD_COMPOUNDS, QUARTERS_CN, RURAL_TOWNSHIPS, TOWNSHIPS } from './word-banks.ts';

/** 执行公开 items of 县住房和城乡建设局: meetings, campaigns, progress reports and work news. */

const ZDLY_TOPICS = HOUSING_TOPICS.filter((t) => t.node.startsWith('zdly/'));

function news(ctx: YearContext, topic: HousingTopic, title: string, publishedOn: string, lead: (on: string) => string, nodes: string[], mode: NewsMode = 'meeting'): Draft {
  const unit = unitOf(topic);
  return draft(ctx, {
    title, nodes, stage: 'execution', genre: '工作动态', subject: topic.subject, keywords: topic.keywords.slice(0, 3),
    summary: title.startsWith('县住建局') ? `${title.replace('县住建局', '县住房和城乡建设局')}。` : `${title}。`,
    source: unit.source, consultPhone: null, publishedOn, formed: 'quick',
    body: (on) => newsBody({
      lead: lead(on),
      points: [emphasisSentence(ctx.rng, topic, mode)],
      demands: mode === 'activity' ? [] : ctx.rng.sample(topic.measures, ctx.rng.int(2, 3)),
      demandsBy: mode === 'visit' ? '调研组要求' : '会议要求',
      closing: nextStepSentence(ctx.rng, topic, mode),
    }),
  });
}

const meetings: ItemKind = {
  id: 'zjj-meeting',
  stage: 'execution',
  weight: 5,
  make: (ctx) => {
    const topic = ctx.rng.pick(HOUSING_TOPICS);
    const publishedOn = anyDay(ctx)!;
    const month = Number(publishedOn.slice(5, 7));
    const [title, event] = ctx.rng.pick([
      [`县住建局召开${topic.name}工作推进会`, `县住建局召开${topic.name}工作推进会`],
      [`全县${topic.name}工作调度会召开`, `全县${topic.name}工作调度会在县住建局召开`],
      [`县住建局召开${month}月份${topic.name}工作调度会`, `县住建局召开${month}月份${topic.name}工作调度会`],
      [`县住建局召开${topic.name}专题会议`, `县住建局召开${topic.name}专题会议`],
      month <= 3
        ? [`县住建局召开${ctx.year}年${topic.name}工作会议`, `县住建局召开${ctx.year}年${topic.name}工作会议`]
        : [`县住建局召开${topic.name}工作约谈会`, `县住建局就${topic.name}工作进展滞后问题召开约谈会`],
    ] as const);
    return [news(ctx, topic, title, publishedOn, (on) =>
      `${chineseMonthDay(on)}，${event}，局班子成员、相关股室负责人及${attendeesFor(topic)}参加会议。会议通报了近期全县${topic.name}工作进展情况，${progressSentence(ctx.rng)}。`,
      withTopicNode(['jdbz/gztj'], topic))];
  },
};

const SEASONS: { name: string; from: number; to: number }[] = [
  { name: '春节前', from: 1, to: 1 }, { name: '汛期', from: 5, to: 6 }, { name: '国庆节前', from: 9, to: 9 },
  { name: '冬季', from: 11, to: 12 }, { name: '岁末年初', from: 12, to: 12 }, { name: '春季', from: 3, to: 4 },
];

const campaigns: ItemKind = {
  id: 'zjj-campaign',
  stage: 'execution',
  weight: 4,
  make: (ctx) => {
    const topic = ctx.rng.pick(ZDLY_TOPICS);
    const check = ctx.rng.pick(topic.checks);
    const season = ctx.rng.pick(SEASONS);
    const variant = ctx.rng.int(0, 3);
    const publishedOn = variant === 2 ? inMonths(ctx, season.from, season.to) : anyDay(ctx);
    if (!publishedOn) return null;
    const title = [
      `关于开展${check}专项整治的通知`,
      `关于开展${ctx.year}年${check}专项检查的通知`,
      `关于开展${season.name}${check}检查的通知`,
      `关于开展${check}“回头看”工作的通知`,
    ][variant];
    const unit = unitOf(topic);
    const start = addDays(publishedOn, ctx.rng.int(3, 10));
    const mid = addDays(start, ctx.rng.int(10, 25));
    const end = addDays(mid, ctx.rng.int(20, 45));
    const enterprises = topic.node === 'zdly/jzgczl' || topic.node === 'zdly/yccz';
    return [draft(ctx, {
      title, nodes: withTopicNode(['jdbz/gztj'], topic), stage: 'execution', genre: '通知', subject: topic.subject,
      keywords: [...topic.keywords.slice(0, 2), '专项整治'], numbering: ctx.rng.chance(0.5) ? 'regular' : null,
      summary: `部署${check}${variant === 3 ? '“回头看”' : '检查整治'}工作，明确检查内容、时间安排和工作要求。`,
      source: unit.source, consultPhone: unit.phone, publishedOn, formed: 'document',
      body: (on) => noticeBody(ctx.rng, {
        addressee: enterprises ? `${ADDRESSEE_TOWNS}，${ADDRESSEE_ENTERPRISES}` : `${ADDRESSEE_TOWNS}，县直有关单位`,
        purpose: topic.purpose, basis: topic.basis,
        decision: `自${chineseDate(start)}至${chineseDate(end)}，在全县范围内开展${check}${variant === 3 ? '“回头看”' : '专项检查整治'}`,
        goals: [`全面排查${check}方面存在的突出问题`, `对发现的问题建立台账、限期整改、逐项销号`],
        measures: ctx.rng.sample(topic.measures, ctx.rng.int(3, 4)),
        timeline: [
          `动员部署和自查自纠阶段（${chineseMonthDay(start)}—${chineseMonthDay(mid)}）：各单位对照检查内容开展自查，建立问题清单。`,
          `集中检查和整改阶段（${chineseMonthDay(addDays(mid, 1))}—${chineseMonthDay(addDays(end, -7))}）：县住建局组织检查组开展检查，对发现的问题下达整改通知。`,
          `总结提升阶段（${chineseMonthDay(addDays(end, -6))}—${chineseMonthDay(end)}）：各单位总结整治成效，建立长效管理机制。`,
        ],
        reportTo: unit.source, signer: HOUSING_SIGNER, signedOn: on,
      }),
    })];
  },
};

const progressReports: ItemKind = {
  id: 'zjj-progress',
  stage: 'execution',
  weight: 0,
  recurring: (ctx) => {
    const groups: Draft[][] = [];
    for (const q of reportQuarters(ctx.year)) {
      const publishedOn = ctx.pickDate(q.from, q.to);
      if (!publishedOn) continue;
      for (const id of ['ajgc', 'wfgz'] as const) {
        const topic = housingTopic(id);
        const unit = unitOf(topic);
        const title = id === 'ajgc' ? `${q.y}年第${QUARTERS_CN[q.q - 1]}季度保障性安居工程建设进展情况` : `${q.y}年第${QUARTERS_CN[q.q - 1]}季度农村危房改造工作进展情况`;
        groups.push([draft(ctx, {
          title, nodes: [topic.node, 'jdbz/gztj'], stage: 'execution', genre: '报告', subject: topic.subject,
          keywords: topic.keywords.slice(0, 2), summary: `通报${q.y}年第${QUARTERS_CN[q.q - 1]}季度全县${topic.name}工作进展情况。`,
          source: unit.source, consultPhone: unit.phone, publishedOn: publishedOn, formed: 'quick',
          body: () => {
            const share = Math.min(100, q.q * 25 + ctx.rng.int(-6, 8));
            const rows = id === 'ajgc'
              ? ctx.rng.sample(OLD_COMPOUNDS, 5).map((c) => [`${c}改造项目`, ctx.rng.pick(TOWNSHIPS.slice(0, 2)), `${Math.min(100, share + ctx.rng.int(-15, 15))}%`, ctx.rng.pick(['管网改造', '屋面防水', '道路修缮', '外墙保温', '绿化提升'])])
              : ctx.rng.sample(RURAL_TOWNSHIPS, 6).map((t) => { const n = ctx.rng.int(5, 30); const s = Math.min(n, Math.round((n * share) / 100) + ctx.rng.int(0, 2)); const c = Math.max(0, s - ctx.rng.int(0, 4)); return [t, n, s, c]; });
            return [
              p(`截至${q.y}年第${QUARTERS_CN[q.q - 1]}季度末，全县${topic.name}工作完成年度目标任务的${share}%，${progressSentence(ctx.rng)}。`),
              table(id === 'ajgc' ? ['项目名称', '所在街道', '形象进度', '当前施工内容'] : ['乡镇', '任务数（户）', '已开工（户）', '已竣工（户）'], rows),
              p(`下一步，我局将${ctx.rng.pick(topic.measures)}，确保按期完成年度任务。`),
            ].join('\n');
          },
        })]);
      }
    }
    for (const m of reportMonths(ctx.year).filter((x) => x.m >= 3 || x.y < ctx.year)) {
      const publishedOn = ctx.pickDate(m.from, m.to);
      if (!publishedOn) continue;
      const topic = housingTopic('zdxm');
      const unit = unitOf(topic);
      groups.push([draft(ctx, {
        title: `${m.y}年${m.m}月城建重点工程项目建设进展情况`, nodes: ['zdly/zdjsxm', 'jdbz/gztj'], stage: 'execution', genre: '报告',
        subject: topic.subject, keywords: ['重点工程', '项目进展'], summary: `公开${m.y}年${m.m}月全县城建重点工程项目建设进展。`,
        source: unit.source, consultPhone: unit.phone, publishedOn, formed: 'quick',
        body: () => [
          p(`${m.y}年${m.m}月，全县城建重点工程项目建设有序推进，${progressSentence(ctx.rng)}。各项目进展情况如下：`),
          table(['项目名称', '建设地点', '投资额（万元）', '本月进展', '进度'], ctx.rng.sample(MUNICIPAL_PROJECTS, ctx.rng.int(5, 7)).map((x) => [
            x, ctx.rng.pick(TOWNSHIPS.slice(0, 2)), wan(ctx, 600, 18000),
            ctx.rng.pick(['管道铺设', '路基施工', '主体施工', '设备安装', '附属工程施工', '前期手续办理']),
            `${ctx.rng.int(5, 95)}%`,
          ])),
          p('对进度滞后的项目，县住建局已约谈相关建设和施工单位，督促其增加作业面、加强人员和机械投入。'),
        ].join('\n'),
      })]);
    }
    return groups;
  },
};

const fieldVisits: ItemKind = {
  id: 'zjj-field-visit',
  stage: 'execution',
  weight: 4,
  make: (ctx) => {
    const topic = ctx.rng.pick(HOUSING_TOPICS);
    const town = ctx.rng.pick(TOWNSHIPS);
    const verb = ctx.rng.pick(['督导', '调研', '检查']);
    const title = verb === '调研' ? `县住建局深入${town}调研${topic.name}工作` : `县住建局赴${town}${verb}${topic.name}工作`;
    const publishedOn = anyDay(ctx)!;
    return [news(ctx, topic, title, publishedOn, (on) =>
      `${chineseMonthDay(on)}，县住建局负责同志带领相关股室人员赴${town}${verb}${topic.name}工作，实地查看了${ctx.rng.pick(topic.checks)}情况，听取了${town}有关工作汇报，${progressSentence(ctx.rng)}。`,
      ['gzdt'], 'visit')];
  },
};

const ACTIVITIES: { title: (ctx: YearContext, t: HousingTopic) => string; topic: string; months?: [number, number]; years?: number[] }[] = [
  { title: () => '县住建局开展“安全生产月”宣传咨询活动', topic: 'aqsc', months: [6, 6] },
  { title: () => '县住建局开展建筑工程“质量月”活动', topic: 'zlts', months: [9, 9] },
  { title: (c) => `县住建局开展燃气安全宣传进社区活动（${c.rng.pick(TOWNSHIPS.slice(0, 2))}）`, topic: 'gsrq' },
  { title: (_c, t) => `县住建局举办${t.name}业务培训班`, topic: '*' },
  { title: (c) => `县住建局组织开展${c.rng.pick(['建筑施工生产安全事故', '起重机械事故', '施工现场消防'])}应急演练`, topic: 'aqsc' },
  { title: () => '县住建局组织开展城市防汛应急演练', topic: 'psfl', months: [5, 6] },
  { title: () => '县住建局组织开展燃气泄漏事故应急演练', topic: 'gsrq' },
  { title: (c) => `${c.rng.pick(MUNICIPAL_PROJECTS)}正式开工建设`, topic: 'zdxm', months: [3, 6] },
  { title: (c) => `${c.rng.pick(MUNICIPAL_PROJECTS)}主体工程完工`, topic: 'zdxm', months: [9, 12] },
  { title: (c) => `${c.rng.pick(EXPROPRIATION_AREAS)}项目房屋征收签约工作有序推进`, topic: 'zs' },
  { title: (c) => `${c.rng.pick(OLD_COMPOUNDS)}改造项目顺利完工`, topic: 'ljxq', months: [8, 12] },
  { title: () => '县住建局全力做好建筑工地疫情防控和复工复产工作', topic: 'aqsc', months: [2, 4], years: [2020] },
  { title: () => '县住建局督导在建项目落实疫情防控措施', topic: 'aqsc', months: [2, 5], years: [2020] },
  { title: () => '县住建局部署经营性自建房安全专项整治工作', topic: 'nfaq', months: [5, 7], years: [2022] },
  { title: (c) => `${c.rng.pick(RURAL_TOWNSHIPS)}农村危房改造工作见实效`, topic: 'wfgz' },
];

const activities: ItemKind = {
  id: 'zjj-activity',
  stage: 'execution',
  weight: 4,
  make: (ctx) => {
    const a = ctx.rng.pick(ACTIVITIES.filter((x) => !x.years || x.years.includes(ctx.year)));
    const topic = a.topic === '*' ? ctx.rng.pick(HOUSING_TOPICS) : housingTopic(a.topic);
    const publishedOn = a.months ? inMonths(ctx, a.months[0], a.months[1]) : anyDay(ctx);
    if (!publishedOn) return null;
    const title = a.title(ctx, topic);
    const lead = title.startsWith('县住建局')
      ? (on: string) => `${chineseMonthDay(on)}，${title.replace(/^县住建局/, '县住房和城乡建设局')}，局相关负责同志参加并对做好${topic.name}工作提出要求。`
      : (on: string) => `${chineseMonthDay(on)}，记者从县住房和城乡建设局获悉，${title}。`;
    return [news(ctx, topic, title, publishedOn, lead, withTopicNode(['gzdt'], topic), 'activity')];
  },
};

export const HOUSING_EXECUTION_KINDS: ItemKind[] = [meetings, campaigns, progressReports, fieldVisits, activities];

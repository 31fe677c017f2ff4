import type { ItemKind, YearContext } from './item-kind.ts';
import { HOUSING_TOPICS, housingTopic, type HousingTopic } from './housing-topics.ts';
import { HOUSING_NORMATIVE_PLAN } from './housing-normative-plan.ts';
import {
  ADDRESSEE_ALL, HOUSING_NAME, HOUSING_SHORT, HOUSING_SIGNER, housingPolicyWithInterpretation, unitOf, withTopicNode,
} from './housing-common.ts';
import { anyDay, consultationsLink, draft, inMonths, monthEnd, monthStart, openForComments, wan, ruleNames } from './kind-helpers.ts';
import { ORGAN_KEYS } from './organ-keys.ts';
import { amendingDecisionBody, noticeBody, normativeBody, p, planBody, publicityBody, signature, table } from './body-templates.ts';
import { addDays, chineseDate, workdaysBefore } from './demo-calendar.ts';
import {
  COUNTY, EXPROPRIATION_AREAS, MUNICIPAL_PROJECTS, OLD_COMPOUNDS, RURAL_TOWNSHIPS, TOWNSHIPS, chineseNumber,
} from './word-banks.ts';

/** 决策公开 items of 县住房和城乡建设局: policies with their 解读, plans, consultations, approvals. */

const normatives: ItemKind = {
  id: 'zjj-normative',
  stage: 'decision',
  weight: 0,
  recurring: (ctx) =>
    HOUSING_NORMATIVE_PLAN.filter((e) => e.year === ctx.year).map((e) => {
      const topic = housingTopic(e.topicId);
      const publishedOn = ctx.pickDate(monthStart(ctx.year, e.month), monthEnd(ctx.year, e.month))!;
      const formedOn = ctx.formedFor(publishedOn, 'document');
      if (e.amends) {
        // A 修改决定: the bureau's decision amending its own 办法, which stays in force as amended (已修改, ADR 0026).
        const amended = `《${HOUSING_NORMATIVE_PLAN.find((x) => x.id === e.amends)!.name}》`;
        const title = `关于修改${amended}的决定`;
        const book = `《${title.replaceAll('《', '〈').replaceAll('》', '〉')}》`;
        const effectiveOn = addDays(publishedOn, 30);
        return housingPolicyWithInterpretation({
          topic, title, bookTitle: book, genre: '决定', numbering: 'normative', publishedOn, formedOn,
          body: amendingDecisionBody({ amendedBook: amended, purpose: topic.purpose, meeting: '局务会议', changes: e.articles, effectiveOn, signer: HOUSING_SIGNER, signedOn: formedOn }),
          summary: `修改${amended}，${e.changes!.split('；')[0].replace(/^本决定/, '')}。`,
          mainPoints: e.articles, changes: e.changes, planId: e.id,
          effective: `${book}自${chineseDate(effectiveOn)}起施行。`,
        });
      }
      const bookTitle = `《${e.name}》`;
      const articles = [...e.articles, ...ctx.rng.sample(topic.measures, 4)];
      const cover = [
        p(`${ADDRESSEE_ALL}：`),
        p(`现将${bookTitle}印发给你们，请认真贯彻执行。${e.replaces ? `原《${HOUSING_NORMATIVE_PLAN.find((x) => x.id === e.replaces)!.name}》（{{被替代文号}}）同时废止。` : ''}`),
        signature(HOUSING_SIGNER, formedOn),
        p(`<strong>${e.name}</strong>`),
        normativeBody({
          docName: e.docName, purpose: topic.purpose, basis: topic.basis, scope: e.scope,
          department: '县住房和城乡建设局', articles, effectiveOn: addDays(publishedOn, 30), validYears: e.validYears,
        }),
      ].join('\n');
      return housingPolicyWithInterpretation({
        topic, title: `关于印发${bookTitle}的通知`, bookTitle, genre: '通知', numbering: 'normative', publishedOn, formedOn,
        body: cover, summary: `印发${bookTitle}，明确${topic.name}的适用范围、职责分工和管理要求。`,
        mainPoints: articles.slice(0, 5), changes: e.changes, planId: e.id,
        effective: `${bookTitle}自${chineseDate(addDays(publishedOn, 30))}起施行，有效期${chineseNumber(e.validYears)}年。`,
      });
    }),
};

type PolicyPattern = (t: HousingTopic, year: number) => { title: string; book: string; genre: string; attached: boolean };

const POLICY_PATTERNS: PolicyPattern[] = [
  (t) => ({ title: `关于进一步加强${t.name}工作的通知`, book: '', genre: '通知', attached: false }),
  (t, y) => ({ title: `关于做好${y}年${t.name}工作的通知`, book: '', genre: '通知', attached: false }),
  (t, y) => ({ title: `关于印发《${COUNTY}${y}年${t.name}工作方案》的通知`, book: `《${COUNTY}${y}年${t.name}工作方案》`, genre: '通知', attached: true }),
  (t, y) => ({ title: `关于印发《${COUNTY}${t.name}三年行动方案（${y}—${y + 2}年）》的通知`, book: `《${COUNTY}${t.name}三年行动方案（${y}—${y + 2}年）》`, genre: '通知', attached: true }),
  (t) => ({ title: `关于建立健全${t.name}长效机制的意见`, book: '', genre: '意见', attached: false }),
];

const policies: ItemKind = {
  id: 'zjj-policy',
  stage: 'decision',
  weight: 0,
  share: 0.2,
  make: (ctx) => {
    const topic = ctx.rng.pick(HOUSING_TOPICS);
    const pattern = ctx.rng.pick(POLICY_PATTERNS)(topic, ctx.year);
    const publishedOn = anyDay(ctx)!;
    const formedOn = ctx.formedFor(publishedOn, 'document');
    const measures = ctx.rng.sample(topic.measures, ctx.rng.int(4, 5));
    const bookTitle = pattern.book || `《${pattern.title}》`;
    const notice = {
      addressee: ADDRESSEE_ALL, purpose: topic.purpose, basis: topic.basis,
      decision: `在全县范围内进一步做好${topic.name}工作`, goals: topic.goals, measures,
      reportTo: `${HOUSING_SHORT}${unitOf(topic).source.replace(HOUSING_SHORT, '')}`, signer: HOUSING_SIGNER, signedOn: formedOn,
    };
    const body = pattern.attached
      ? [
          p(`${ADDRESSEE_ALL}：`),
          p(`现将${bookTitle}印发给你们，请结合实际，认真抓好贯彻落实。`),
          signature(HOUSING_SIGNER, formedOn),
          p(`<strong>${bookTitle.slice(1, -1)}</strong>`),
          planBody(ctx.rng, {
            intro: `为${topic.purpose}，结合我县实际，制定本方案。`,
            guideline: `坚持以人民为中心的发展思想，围绕${topic.name}工作中的突出问题，坚持问题导向、目标导向，标本兼治、综合施策。`,
            goals: topic.goals, measures, signer: null, signedOn: formedOn,
          }),
        ].join('\n')
      : noticeBody(ctx.rng, notice);
    return housingPolicyWithInterpretation({
      topic, title: pattern.title, bookTitle, genre: pattern.genre, numbering: 'regular', publishedOn, formedOn, body,
      summary: `就${topic.name}工作明确目标任务、主要措施和工作要求。`, mainPoints: measures,
      effective: `文件自印发之日起施行。`,
    });
  },
};

const YEAR_PLANS: { title: (y: number) => string; topic: string; nodes: string[]; table?: 'projects' | 'towns' | 'compounds' }[] = [
  { title: (y) => `${COUNTY}${y}年城镇保障性安居工程建设计划`, topic: 'ajgc', nodes: ['ghjh', 'zdly/bzxzf'], table: 'compounds' },
  { title: (y) => `${COUNTY}${y}年农村危房改造实施计划`, topic: 'wfgz', nodes: ['ghjh', 'zdly/ncwfgz'], table: 'towns' },
  { title: (y) => `${COUNTY}${y}年城建重点工程项目计划`, topic: 'zdxm', nodes: ['ghjh', 'zdly/zdjsxm'], table: 'projects' },
  { title: (y) => `${COUNTY}${y}年城镇老旧小区改造计划`, topic: 'ljxq', nodes: ['ghjh', 'zdly/bzxzf'], table: 'compounds' },
  { title: (y) => `${HOUSING_NAME}${y}年政务公开工作要点`, topic: 'zwgk', nodes: ['ghjh'] },
  { title: (y) => `${COUNTY}${y}年建筑工程质量安全监督工作计划`, topic: 'aqsc', nodes: ['ghjh', 'zdly/jzgczl'] },
  { title: (y) => `${COUNTY}${y}年建筑施工扬尘污染防治工作方案`, topic: 'yc', nodes: ['ghjh', 'zdly/yccz'] },
  { title: (y) => `${COUNTY}${y}年城市排水防涝工作方案`, topic: 'psfl', nodes: ['ghjh', 'zdly/szfw'] },
  { title: (y) => `${COUNTY}${y}年国有土地上房屋征收工作计划`, topic: 'zs', nodes: ['ghjh', 'zdly/gytdsfwzs'] },
  { title: (y) => `${HOUSING_NAME}${y}年工作要点`, topic: 'zdxm', nodes: ['ghjh'] },
  { title: (y) => `${COUNTY}${y}年农村房屋安全隐患排查整治工作方案`, topic: 'nfaq', nodes: ['ghjh', 'zdly/ncwfgz'] },
  { title: (y) => `${COUNTY}${y}年城镇燃气安全专项整治工作方案`, topic: 'gsrq', nodes: ['ghjh', 'zdly/szfw'] },
  { title: (y) => `${COUNTY}${y}年市政基础设施建设计划`, topic: 'zdxm', nodes: ['ghjh', 'zdly/szfw'], table: 'projects' },
  { title: (y) => `${COUNTY}${y}年住房保障工作计划`, topic: 'gzf', nodes: ['ghjh', 'zdly/bzxzf'] },
  { title: (y) => `${COUNTY}${y}年房地产市场监管工作计划`, topic: 'fdc', nodes: ['ghjh', 'zdly/fdcscjg'] },
  { title: (y) => `${COUNTY}${y}年保障农民工工资支付工作方案`, topic: 'nmg', nodes: ['ghjh', 'zdly/jzgczl'] },
];

function planTable(ctx: YearContext, kind: 'projects' | 'towns' | 'compounds') {
  const r = ctx.rng;
  if (kind === 'towns') {
    const towns = r.sample(RURAL_TOWNSHIPS, r.int(6, RURAL_TOWNSHIPS.length));
    return {
      caption: `${ctx.year}年农村危房改造任务分解表如下：`,
      headers: ['乡镇', '改造任务（户）', '其中：拆除重建（户）', '其中：维修加固（户）'],
      rows: towns.map((t) => { const a = r.int(2, 9); const b = r.int(5, 30); return [t, a + b, a, b]; }),
    };
  }
  if (kind === 'compounds') {
    return {
      caption: '年度改造项目清单如下：',
      headers: ['项目名称', '所在街道', '改造户数（户）', '计划投资（万元）', '计划完工时间'],
      rows: r.sample(OLD_COMPOUNDS, r.int(4, 7)).map((c) => [
        `${c}改造项目`, r.pick(TOWNSHIPS.slice(0, 2)), r.int(60, 420), wan(ctx, 120, 1600), `${ctx.year}年${r.int(9, 12)}月`,
      ]),
    };
  }
  return {
    caption: '年度项目清单如下：',
    headers: ['项目名称', '建设地点', '投资额（万元）', '建设内容', '进度'],
    rows: r.sample(MUNICIPAL_PROJECTS, r.int(5, 8)).map((name) => [
      name, r.pick(TOWNSHIPS.slice(0, 2)), wan(ctx, 800, 18000), r.pick(['新建', '改扩建', '提升改造']), r.pick(['计划新开工', '续建', '前期工作']),
    ]),
  };
}

const yearPlans: ItemKind = {
  id: 'zjj-year-plan',
  stage: 'decision',
  weight: 4,
  make: (ctx) => {
    const plan = ctx.rng.pick(YEAR_PLANS);
    const topic = housingTopic(plan.topic);
    const publishedOn = inMonths(ctx, 1, 4);
    if (!publishedOn) return null;
    const unit = unitOf(topic);
    const measures = ctx.rng.sample(topic.measures, ctx.rng.int(3, 5));
    return [draft(ctx, {
      title: plan.title(ctx.year), nodes: plan.nodes, stage: 'decision', genre: '计划', subject: topic.subject,
      keywords: [...topic.keywords.slice(0, 2), '年度计划'], summary: `明确${ctx.year}年${topic.name}的目标任务、主要措施和保障措施。`,
      source: unit.source, consultPhone: unit.phone, publishedOn, formed: 'document',
      body: (on) => planBody(ctx.rng, {
        intro: `为${topic.purpose}，根据上级有关部署和县委、县政府工作安排，结合我县实际，制定本计划。`,
        guideline: `以满足人民群众对美好生活的向往为出发点，统筹发展和安全，扎实推进${topic.name}各项工作，确保完成${ctx.year}年度目标任务。`,
        goals: topic.goals, measures, table: plan.table ? planTable(ctx, plan.table) : undefined,
        signer: HOUSING_SIGNER, signedOn: on,
      }),
    })];
  },
};

const consultations: ItemKind = {
  id: 'zjj-consultation',
  stage: 'decision',
  weight: 2,
  make: (ctx) => {
    const topic = ctx.rng.pick(HOUSING_TOPICS.filter((t) => t.node.startsWith('zdly/')));
    const name = ctx.rng.pick(ruleNames(COUNTY, topic.name));
    const publishedOn = anyDay(ctx)!;
    const unit = unitOf(topic);
    const until = addDays(publishedOn, 30);
    return [openForComments(until, draft(ctx, {
      title: `关于公开征求《${name}（征求意见稿）》意见的公告`, nodes: withTopicNode(['gzcy/yjzj'], topic), stage: 'decision',
      genre: '公告', subject: topic.subject, keywords: [...topic.keywords.slice(0, 2), '征求意见'],
      summary: `就《${name}（征求意见稿）》向社会公开征求意见，征求意见截止时间为${chineseDate(until)}。`,
      source: unit.source, consultPhone: unit.phone, publishedOn, formed: 'same',
      body: (on) => [
        p(`为${topic.purpose}，我局起草了《${name}（征求意见稿）》。为提高决策的科学性和透明度，现向社会公开征求意见。`),
        p(`一、征求意见时间：${chineseDate(publishedOn)}至${chineseDate(until)}。`),
        p(`二、反馈方式：（一）信函邮寄至${HOUSING_NAME}${unit.source.replace(HOUSING_SHORT, '')}（地址：${COUNTY}岚城街道建设路26号），并在信封上注明“意见征集”字样；（二）在${COUNTY}人民政府网站${consultationsLink(ORGAN_KEYS.housing, `${HOUSING_NAME}“意见征集”栏目`)}在线提交。`),
        p('三、请在反馈意见时注明主要理由。意见征集结束后，我局将对意见采纳情况进行汇总，并在本栏目公开反馈。'),
        p(`联系电话：${unit.phone}。`),
        signature(HOUSING_SIGNER, on),
      ].join('\n'),
    }))];
  },
};

const projectApprovals: ItemKind = {
  id: 'zjj-project-approval',
  stage: 'decision',
  weight: 2,
  make: (ctx) => {
    const project = ctx.rng.pick(MUNICIPAL_PROJECTS);
    const publishedOn = anyDay(ctx)!;
    const topic = housingTopic('zdxm');
    const unit = unitOf(topic);
    const invest = wan(ctx, 1200, 26000);
    return [draft(ctx, {
      title: `${project}批准服务信息`, nodes: ['zdly/zdjsxm'], stage: 'decision', genre: '公告', subject: topic.subject,
      keywords: ['重大建设项目', '批准服务', project.replace(/(工程|项目)$/, '')],
      summary: `公开${project}的项目建设单位、建设地点、建设规模、总投资及批准文件等信息。`,
      source: unit.source, consultPhone: unit.phone, publishedOn, formed: 'quick',
      body: (on) => publicityBody({
        intro: `根据《中华人民共和国政府信息公开条例》和重大建设项目批准和实施领域信息公开的有关要求，现将${project}批准服务信息公开如下：`,
        table: {
          headers: ['事项', '内容'],
          rows: [
            ['项目名称', project], ['建设单位', `${COUNTY}${ctx.rng.pick(['城市建设投资有限公司', '住房和城乡建设局', '城市管理局'])}`],
            ['建设地点', ctx.rng.pick(TOWNSHIPS.slice(0, 2))], ['总投资（万元）', invest],
            ['建设规模及内容', ctx.rng.pick(['道路、排水、照明及绿化工程', '主体工程及配套设施', '管网铺设及附属设施'])],
            ['批准文件', `项目可行性研究报告批复（${chineseDate(workdaysBefore(on, 30))}）`],
          ],
        },
        periodDays: null, contact: unit.source, phone: unit.phone, signer: HOUSING_SIGNER, signedOn: on,
      }),
    })];
  },
};

const expropriationDecisions: ItemKind = {
  id: 'zjj-expropriation-decision',
  stage: 'decision',
  weight: 1,
  make: (ctx) => {
    const area = ctx.rng.pick(EXPROPRIATION_AREAS);
    const topic = housingTopic('zs');
    const unit = unitOf(topic);
    const publishedOn = anyDay(ctx)!;
    const variant = ctx.rng.int(0, 2);
    const title = [`${area}项目房屋征收补偿方案（征求意见稿）`, `关于${area}项目房屋征收范围内暂停办理相关手续的公告`, `关于${area}项目房屋征收决定的公告`][variant];
    const bodies = [
      [
        p(`为实施${area}改造项目，根据《国有土地上房屋征收与补偿条例》第十条的规定，房屋征收部门拟定了本项目房屋征收补偿方案，现予公布，征求公众意见，征求意见期限为三十日。`),
        p(`一、征收范围：${area}，具体以征收红线图为准。二、补偿方式：被征收人可以选择货币补偿，也可以选择房屋产权调换。三、补偿内容：被征收房屋价值的补偿、因征收房屋造成的搬迁和临时安置的补偿、停产停业损失的补偿。`),
        p(`四、被征收房屋的价值，由被征收人协商选定的房地产价格评估机构评估确定；协商不成的，通过摇号等方式随机选定。五、签约期限内签订补偿协议并按期搬迁的，给予搬迁奖励。`),
      ],
      [
        p(`${area}项目房屋征收工作即将启动。为保证征收工作顺利进行，根据《国有土地上房屋征收与补偿条例》第十六条的规定，现将有关事项公告如下：`),
        p(`自本公告发布之日起，在${area}房屋征收范围内，不得实施新建、扩建、改建房屋和改变房屋用途等不当增加补偿费用的行为；违反规定实施的，不予补偿。`),
        p('暂停期限为一年。暂停期间，有关部门暂停办理相关手续。'),
      ],
      [
        p(`因${area}改造项目建设需要，经县人民政府批准，决定对${area}国有土地上的房屋实施征收。现将有关事项公告如下：`),
        p(`一、征收范围：${area}，具体以征收红线图为准。二、房屋征收部门：${HOUSING_NAME}；房屋征收实施单位：${COUNTY}房屋征收服务中心。三、签约期限自征收决定公告之日起计算，具体以征收补偿方案为准。`),
        p('四、被征收人对房屋征收决定不服的，可以自本公告发布之日起六十日内依法申请行政复议，也可以自本公告发布之日起六个月内依法提起行政诉讼。'),
      ],
    ];
    return [draft(ctx, {
      title, nodes: ['zdly/gytdsfwzs'], stage: 'decision', genre: variant === 0 ? '方案' : '公告', subject: topic.subject,
      keywords: ['房屋征收', area], summary: `公开${area}项目房屋征收${['补偿方案征求意见稿', '暂停办理相关手续事项', '决定'][variant]}。`,
      source: unit.source, consultPhone: unit.phone, publishedOn, formed: 'document',
      body: (on) => [...bodies[variant], p(`咨询电话：${unit.phone}。`), signature(HOUSING_SIGNER, on)].join('\n'),
    })];
  },
};

const taskAssignments: ItemKind = {
  id: 'zjj-task-assignment',
  stage: 'decision',
  weight: 1,
  make: (ctx) => {
    const which = ctx.rng.pick(['wfgz', 'ljxq', 'ajgc', 'nfaq']);
    const topic = housingTopic(which);
    const unit = unitOf(topic);
    const publishedOn = inMonths(ctx, 2, 6);
    if (!publishedOn) return null;
    const task = { wfgz: '农村危房改造任务', ljxq: '城镇老旧小区改造计划', ajgc: '保障性安居工程目标任务', nfaq: '农村房屋安全隐患排查整治任务' }[which]!;
    const batch = ctx.rng.pick(['', '补充']);
    const tableKind = which === 'wfgz' || which === 'nfaq' ? 'towns' : 'compounds';
    return [draft(ctx, {
      title: `关于下达${ctx.year}年${batch}${task}的通知`, nodes: withTopicNode([], topic), stage: 'decision', genre: '通知',
      subject: topic.subject, keywords: [...topic.keywords.slice(0, 2), '任务下达'], numbering: 'regular',
      summary: `下达${ctx.year}年${batch}${task}，明确完成时限和工作要求。`, source: unit.source, consultPhone: unit.phone,
      publishedOn, formed: 'document',
      body: (on) => {
        const t = planTable(ctx, tableKind);
        return [
          p(`${tableKind === 'towns' ? '各乡镇人民政府' : '各街道办事处，县直有关单位'}：`),
          p(`根据省、市下达我县的${ctx.year}年${task}，经县政府同意，现将${batch}任务分解下达给你们（见下表），请抓紧组织实施，确保按期完成。`),
          table(t.headers, t.rows),
          p(`请各单位于${ctx.year}年${ctx.rng.int(10, 11)}月底前完成全部任务，并按月报送工作进展。`),
          signature(HOUSING_SIGNER, on),
        ].join('\n');
      },
    })];
  },
};

export const HOUSING_DECISION_KINDS: ItemKind[] = [
  normatives, policies, yearPlans, consultations, projectApprovals, expropriationDecisions, taskAssignments,
];

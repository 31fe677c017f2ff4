import type { Draft, ItemKind, YearContext } from './item-kind.ts';
import type { DisclosureStage } from './types.ts';
import { policyWithInterpretation, type PolicyTopic } from './policy-pair.ts';
import { anyDay, draft, inMonths, monthEnd, monthStart, wan } from './kind-helpers.ts';
import { ensure, heading, newsBody, noticeBody, normativeBody, p, planBody, signature, table } from './body-templates.ts';
import { annualReportBody } from './annual-report.ts';
import { addDays, chineseDate, chineseMonthDay } from './demo-calendar.ts';
import { COUNTY, SURNAMES, TOWNSHIPS, anonymousPerson, chineseNumber, congressSessions } from './word-banks.ts';

/**
 * The item kinds every smaller demo organ shares (政策文件 with 解读, plans, news, budgets, annual
 * report …), parameterised by a spec; each organ adds its own special kinds.
 */

export type SmallTopic = PolicyTopic & { measures: string[] };

export type SmallNormative = {
  id: string;
  year: number;
  month: number;
  topic: number;
  name: string;
  docName: string;
  scope: string;
  articles: string[];
  validYears: number;
  validity: 'valid' | 'amended' | 'expired';
  replaces?: string;
  changes?: string;
};

export type SimpleKind = {
  id: string;
  stage: DisclosureStage;
  /** 0 with `yearly` for items every year; otherwise the weight when filling. */
  weight: number;
  yearly?: boolean;
  nodes: string[];
  genre: string;
  subject?: string;
  keywords: string[];
  months?: [number, number];
  /** When the months depend on the title (a holiday notice goes out before that holiday). */
  monthsFor?: (title: string) => [number, number];
  fromYear?: number;
  toYear?: number;
  /** Titles may hold 第{{序}}批 (then set sequenceMax). */
  title: (ctx: YearContext) => string;
  sequenceMax?: number;
  formed?: 'same' | 'quick' | 'document';
  numbering?: 'regular' | 'office';
  summary: (title: string) => string;
  body: (ctx: YearContext, signedOn: string, title: string) => string;
};

export type PolicySeries = { path: string; numbering: 'regular' | 'office'; issuer: string };

export type SmallOrganSpec = {
  organKey: string;
  name: string;
  short: string;
  /** How the organ calls itself in its own texts (我局, 县政府办公室). */
  we: string;
  /** Who goes on field visits in news titles (县领导, 县财政局负责同志 …). */
  visitor: string;
  phone: string;
  newsNode: string;
  /** Where notices and announcements without a better home go (通知公告 or 工作动态). */
  noticeNode: string;
  /** Where 政策文件 go and who issues them (县政府 and 县政府办公室 have separate series). */
  policySeries: PolicySeries[];
  normativeNode: string;
  addressee: string;
  attendees: string;
  leaderNode: string;
  personnelTitles: (year: number) => string[];
  topics: SmallTopic[];
  normatives: SmallNormative[];
  special: SimpleKind[];
  /** Month by which last year's 年度报告 is out (条例第四十九条: departments by 31 January, governments by 31 March). */
  annualReportBy: 1 | 3;
};

const POLICY_PATTERNS = [
  (t: SmallTopic) => ({ core: `关于进一步加强${t.name}工作的通知`, book: '', genre: '通知', attached: false }),
  (t: SmallTopic, y: number) => ({ core: `关于做好${y}年${t.name}工作的通知`, book: '', genre: '通知', attached: false }),
  (t: SmallTopic, y: number) => ({ core: `关于印发《${COUNTY}${y}年${t.name}工作方案》的通知`, book: `《${COUNTY}${y}年${t.name}工作方案》`, genre: '通知', attached: true }),
  (t: SmallTopic) => ({ core: `关于印发《${COUNTY}${t.name}实施方案》的通知`, book: `《${COUNTY}${t.name}实施方案》`, genre: '通知', attached: true }),
  (t: SmallTopic) => ({ core: `关于推进${t.name}高质量发展的意见`, book: '', genre: '意见', attached: false }),
];

function withNode(nodes: string[], t: SmallTopic): string[] {
  return t.node.startsWith('zdly/') && !nodes.includes(t.node) ? [...nodes, t.node] : nodes;
}

export function smallOrganKinds(s: SmallOrganSpec): ItemKind[] {
  const base = { source: s.short, consultPhone: s.phone };

  const normatives: ItemKind = {
    id: `${s.organKey}-normative`,
    stage: 'decision',
    weight: 0,
    recurring: (ctx) => s.normatives.filter((e) => e.year === ctx.year).map((e) => {
      const topic = s.topics[e.topic];
      const publishedOn = ctx.pickDate(monthStart(ctx.year, e.month), monthEnd(ctx.year, e.month))!;
      const formedOn = ctx.formedFor(publishedOn, 'document');
      const series = s.policySeries[0];
      const book = `《${e.name}》`;
      const articles = [...e.articles, ...ctx.rng.sample(topic.measures, 3)];
      const replaced = e.replaces ? s.normatives.find((x) => x.id === e.replaces)!.name : null;
      const effectiveOn = addDays(publishedOn, 30);
      return policyWithInterpretation({
        topic, title: `${series.issuer}关于印发${book}的通知`, bookTitle: book, genre: '通知', numbering: 'normative',
        policyNode: s.normativeNode, publishedOn, formedOn, planId: e.id, changes: e.changes,
        summary: `印发${book}，明确${topic.name}的适用范围、职责分工和管理要求。`,
        mainPoints: articles.slice(0, 4),
        effective: `${book}自${chineseDate(effectiveOn)}起施行，有效期${chineseNumber(e.validYears)}年。`,
        body: [
          p(`${s.addressee}：`),
          p(`现将${book}印发给你们，请认真贯彻执行。${replaced ? `原《${replaced}》（{{被替代文号}}）同时废止。` : ''}`),
          signature(series.issuer, formedOn),
          p(`<strong>${e.name}</strong>`),
          normativeBody({ docName: e.docName, purpose: topic.purpose, basis: topic.basis, scope: e.scope, department: s.name, articles, effectiveOn, validYears: e.validYears }),
        ].join('\n'),
        source: s.short, phone: s.phone, contact: s.name, drafter: s.we,
      });
    }),
  };

  const policies: ItemKind = {
    id: `${s.organKey}-policy`,
    stage: 'decision',
    weight: 2,
    share: 0.3,
    make: (ctx) => {
      const topic = ctx.rng.pick(s.topics);
      const series = ctx.rng.pick(s.policySeries);
      const pattern = ctx.rng.pick(POLICY_PATTERNS)(topic, ctx.year);
      const title = `${series.issuer}${pattern.core}`;
      const book = pattern.book || `《${title}》`;
      const publishedOn = anyDay(ctx)!;
      const formedOn = ctx.formedFor(publishedOn, 'document');
      const measures = ctx.rng.sample(topic.measures, Math.min(topic.measures.length, ctx.rng.int(3, 5)));
      const body = pattern.attached
        ? [
            p(`${s.addressee}：`),
            p(`现将${book}印发给你们，请结合实际，认真抓好贯彻落实。`),
            signature(series.issuer, formedOn),
            p(`<strong>${book.slice(1, -1)}</strong>`),
            planBody(ctx.rng, {
              intro: `为${topic.purpose}，结合我县实际，制定本方案。`,
              guideline: `坚持以人民为中心的发展思想，围绕${topic.name}工作中的重点难点问题，统筹推进、精准施策。`,
              goals: topic.goals, measures, signer: null, signedOn: formedOn,
            }),
          ].join('\n')
        : noticeBody(ctx.rng, {
            addressee: s.addressee, purpose: topic.purpose, basis: topic.basis, decision: `进一步做好全县${topic.name}工作`,
            goals: topic.goals, measures, reportTo: s.short, signer: series.issuer, signedOn: formedOn,
          });
      return policyWithInterpretation({
        topic, title, bookTitle: book, genre: pattern.genre, numbering: series.numbering, policyNode: series.path, publishedOn, formedOn,
        body, summary: `就${topic.name}工作明确目标任务、主要措施和工作要求。`, mainPoints: measures, effective: '文件自印发之日起施行。',
        source: s.short, phone: s.phone, contact: s.name, drafter: s.we,
      });
    },
  };

  const plans: ItemKind = {
    id: `${s.organKey}-plan`,
    stage: 'decision',
    weight: 2,
    make: (ctx) => {
      const topic = ctx.rng.pick(s.topics);
      const general = ctx.rng.chance(0.2);
      const title = general ? `${s.name}${ctx.year}年工作要点` : `${COUNTY}${ctx.year}年${topic.name}${ctx.rng.pick(['工作计划', '工作要点', '实施计划'])}`;
      const publishedOn = inMonths(ctx, 1, 5);
      if (!publishedOn) return null;
      const measures = ctx.rng.sample(topic.measures, Math.min(topic.measures.length, 4));
      return [draft(ctx, {
        ...base, title, nodes: general ? ['ghjh'] : withNode(['ghjh'], topic), stage: 'decision', genre: '计划', subject: topic.subject,
        keywords: [...topic.keywords.slice(0, 2), '工作计划'], summary: `明确${ctx.year}年${general ? '全年' : topic.name}工作的目标任务和主要措施。`,
        publishedOn, formed: 'document',
        body: (on) => planBody(ctx.rng, {
          intro: `为${topic.purpose}，根据县委、县政府工作部署，结合工作实际，制定本计划。`,
          guideline: `坚持稳中求进工作总基调，聚焦${topic.name}重点任务，推动各项工作提质增效。`,
          goals: topic.goals, measures, signer: s.name, signedOn: on,
        }),
      })];
    },
  };

  const consultations: ItemKind = {
    id: `${s.organKey}-consultation`,
    stage: 'decision',
    weight: 1,
    make: (ctx) => {
      const topic = ctx.rng.pick(s.topics);
      const name = `${COUNTY}${topic.name}${ctx.rng.pick(['实施办法', '管理办法', '实施细则', '三年行动方案'])}`;
      const publishedOn = anyDay(ctx)!;
      const until = addDays(publishedOn, 30);
      return [draft(ctx, {
        ...base, title: `关于公开征求《${name}（征求意见稿）》意见的公告`, nodes: withNode([s.noticeNode], topic), stage: 'decision',
        genre: '公告', subject: topic.subject, keywords: [...topic.keywords.slice(0, 2), '征求意见'],
        summary: `就《${name}（征求意见稿）》公开征求意见，截止时间为${chineseDate(until)}。`, publishedOn, formed: 'same',
        body: (on) => [
          p(`为${topic.purpose}，${s.short}起草了《${name}（征求意见稿）》，现向社会公开征求意见。`),
          p(`征求意见时间：${chineseDate(publishedOn)}至${chineseDate(until)}。意见建议可以通过信函或者县政府网站“意见征集”栏目反馈，请注明主要理由。`),
          p(`联系电话：${s.phone}。`),
          signature(s.name, on),
        ].join('\n'),
      })];
    },
  };

  const news: ItemKind = {
    id: `${s.organKey}-news`,
    stage: 'execution',
    weight: 4,
    make: (ctx) => {
      const topic = ctx.rng.pick(s.topics);
      const town = ctx.rng.pick(TOWNSHIPS);
      const publishedOn = anyDay(ctx)!;
      const month = Number(publishedOn.slice(5, 7));
      const [title, event] = ctx.rng.pick([
        [`${s.short}召开${topic.name}工作推进会`, `${s.short}召开${topic.name}工作推进会，${s.attendees}参加会议`],
        [`${s.short}召开${month}月份${topic.name}工作调度会`, `${s.short}召开${month}月份${topic.name}工作调度会，${s.attendees}参加会议`],
        [`${s.visitor}深入${town}调研${topic.name}工作`, `${s.visitor}深入${town}调研${topic.name}工作，实地了解工作开展情况`],
        [`${s.short}开展${topic.name}专项督查`, `${s.short}组成督查组，对各乡镇（街道）${topic.name}工作开展专项督查`],
        [`${s.short}举办${topic.name}业务培训`, `${s.short}举办${topic.name}业务培训，各乡镇（街道）相关工作人员参加培训`],
      ] as const);
      return [draft(ctx, {
        ...base, consultPhone: null, title, nodes: withNode([s.newsNode], topic), stage: 'execution', genre: '工作动态', subject: topic.subject,
        keywords: topic.keywords.slice(0, 3), summary: `${title}。`, publishedOn, formed: 'quick',
        body: (on) => newsBody({
          lead: `${chineseMonthDay(on)}，${event}。`,
          points: [`${topic.name}工作${ctx.rng.pick(['事关群众切身利益', '是今年的一项重点工作', '是推动高质量发展的重要内容'])}，各单位要提高认识，压实责任，确保各项任务落到实处。`],
          demands: ctx.rng.sample(topic.measures, Math.min(2, topic.measures.length)),
          closing: `下一步，${s.short}将加强跟踪调度，${ensure(ctx.rng.pick(topic.goals))}。`,
        }),
      })];
    },
  };

  const campaigns: ItemKind = {
    id: `${s.organKey}-campaign`,
    stage: 'execution',
    weight: 2,
    make: (ctx) => {
      const topic = ctx.rng.pick(s.topics);
      const publishedOn = anyDay(ctx)!;
      const issuer = s.policySeries[s.policySeries.length - 1];
      const title = `${issuer.issuer}${ctx.rng.pick([`关于开展${ctx.year}年${topic.name}专项检查的通知`, `关于开展${topic.name}自查自纠工作的通知`])}`;
      const start = addDays(publishedOn, ctx.rng.int(3, 8));
      const end = addDays(start, ctx.rng.int(30, 60));
      return [draft(ctx, {
        ...base, title, nodes: withNode([s.newsNode], topic), stage: 'execution', genre: '通知', subject: topic.subject,
        keywords: [...topic.keywords.slice(0, 2), '专项检查'], numbering: issuer.numbering, summary: `部署${topic.name}检查工作。`, publishedOn, formed: 'document',
        body: (on) => noticeBody(ctx.rng, {
          addressee: s.addressee, purpose: topic.purpose, basis: topic.basis,
          decision: `自${chineseDate(start)}至${chineseDate(end)}开展${topic.name}${title.includes('自查') ? '自查自纠' : '专项检查'}`,
          goals: [`全面排查${topic.name}工作中存在的薄弱环节`, '对发现的问题建立台账、限期整改'],
          measures: ctx.rng.sample(topic.measures, Math.min(3, topic.measures.length)), reportTo: s.short, signer: issuer.issuer, signedOn: on,
        }),
      })];
    },
  };

  const personnel: ItemKind = {
    id: `${s.organKey}-personnel`,
    stage: 'management',
    weight: 1,
    make: (ctx) => {
      const title = ctx.rng.pick(s.personnelTitles(ctx.year));
      const publishedOn = anyDay(ctx)!;
      return [draft(ctx, {
        ...base, title, nodes: ['rsxx'], stage: 'management', genre: '公告', subject: '劳动、人事、监察', keywords: ['人事信息'],
        summary: `${title}。`, publishedOn, formed: 'quick',
        body: (on) => [
          p(`根据工作需要，按照干部人事管理的有关规定，现将有关事项公告如下。`),
          p(title.includes('公示')
            ? `${ctx.rng.sample(SURNAMES, 2).map(anonymousPerson).join('、')}等同志拟任有关职务，公示期为5个工作日。对公示对象有异议的，可以在公示期内以书面形式反映。`
            : `本次共招聘（选调）工作人员${ctx.rng.int(2, 12)}名，坚持公开、平等、竞争、择优的原则，具体岗位、条件和报名方式详见附件。`),
          p(`咨询电话：${s.phone}。`),
          signature(s.name, on),
        ].join('\n'),
      })];
    },
  };

  const MANAGEMENT_MISC = [
    { title: (y: number) => `${s.name}${y}年度“双随机、一公开”抽查计划`, node: s.noticeNode, max: 0, text: '按照“双随机、一公开”监管要求，随机抽取检查对象、随机选派执法检查人员，抽查情况和查处结果及时向社会公开。' },
    { title: (y: number) => `${s.name}权责清单（${y}年版）`, node: 'jgzn/jggk', max: 0, text: '根据法律法规规章的立改废情况和机构职能调整情况，对本部门权责清单进行了动态调整，现予公布。' },
    { title: (y: number) => `${s.name}${y}年第{{序}}批政府采购意向公开`, node: s.noticeNode, max: 6, text: '为便于供应商及时了解政府采购信息，现将本单位采购意向公开如下，具体以采购公告和采购文件为准。' },
    { title: (y: number) => `${s.name}${y}年第{{序}}季度行政执法信息公示`, node: s.noticeNode, max: 4, text: '根据行政执法公示制度的要求，现将本季度行政执法主体、执法人员、执法事项和执法结果有关情况公示如下。' },
  ];

  const managementMisc: ItemKind = {
    id: `${s.organKey}-management-misc`,
    stage: 'management',
    weight: 2,
    make: (ctx) => {
      const m = ctx.rng.pick(MANAGEMENT_MISC);
      const publishedOn = anyDay(ctx)!;
      const d = draft(ctx, {
        ...base, title: m.title(ctx.year), nodes: [m.node], stage: 'management', genre: '其他', subject: '综合政务', keywords: ['管理公开'],
        summary: `${m.title(ctx.year)}。`, publishedOn, formed: 'quick',
        body: (on) => [
          p(m.text),
          table(['事项', '责任股室', '联系电话'], ctx.rng.sample(s.topics, Math.min(3, s.topics.length)).map((t) => [t.name, ctx.rng.pick(['办公室', '业务股', '综合股', '法规股']), s.phone])),
          signature(s.name, on),
        ].join('\n'),
      });
      return [m.max ? { ...d, sequenceMax: m.max } : d];
    },
  };

  const yearly: ItemKind = {
    id: `${s.organKey}-yearly`,
    stage: 'management',
    weight: 0,
    recurring: (ctx) => {
      const out: Draft[][] = [];
      const budgetOn = inMonths(ctx, 2, 3);
      if (budgetOn) out.push([draft(ctx, {
        ...base, title: `${s.name}${ctx.year}年部门预算公开`, nodes: ['czyjs'], stage: 'management', genre: '预决算', subject: '财政、金融、审计',
        keywords: ['部门预算'], summary: `公开${s.name}${ctx.year}年部门收支预算和“三公”经费预算。`, publishedOn: budgetOn, formed: 'quick',
        body: (on) => {
          const basic = Number(wan(ctx, 300, 1200));
          const project = Number(wan(ctx, 200, 5000));
          return [
            heading('一、收支预算总体情况'),
            p(`${ctx.year}年收入预算${(basic + project).toFixed(2)}万元，支出预算${(basic + project).toFixed(2)}万元。`),
            table(['项目', '金额（万元）'], [['基本支出', basic.toFixed(2)], ['项目支出', project.toFixed(2)], ['“三公”经费', wan(ctx, 2, 12)]]),
            heading('二、其他重要事项说明'),
            p('本部门严格落实过紧日子要求，一般性支出比上年有所压减。'),
            signature(s.name, on),
          ].join('\n');
        },
      })]);
      const leadersOn = inMonths(ctx, 1, 3);
      if (leadersOn) out.push([draft(ctx, {
        ...base, title: `${s.name}领导班子成员及分工（${ctx.year}年）`, nodes: [s.leaderNode], stage: 'management', genre: '其他', subject: '综合政务',
        keywords: ['领导信息'], summary: `公开${s.name}领导班子成员及分工。`, publishedOn: leadersOn, formed: 'quick',
        body: () => ctx.rng.sample(SURNAMES, 3).map(anonymousPerson).map((n, i) => p(`${i === 0 ? '主要负责人' : '副职'}：${n}，${i === 0 ? '主持全面工作' : `分管${ctx.rng.pick(s.topics).name}等工作`}。`)).join('\n'),
      })]);
      return out;
    },
  };

  const resultsMisc: ItemKind = {
    id: `${s.organKey}-results-misc`,
    stage: 'result',
    weight: 3,
    make: (ctx) => {
      const topic = ctx.rng.pick(s.topics);
      const sessions = congressSessions(ctx.year);
      const variant = ctx.rng.int(0, 2);
      const publishedOn = variant === 1 ? inMonths(ctx, 1, 4) : variant === 2 ? inMonths(ctx, 4, 9) : anyDay(ctx);
      if (!publishedOn) return null;
      const npc = ctx.rng.chance(0.5);
      const title = [
        `${s.name}${ctx.year}年第{{序}}批行政许可和备案结果公示`,
        `${ctx.year - 1}年${topic.name}工作完成情况`,
        npc ? `对${sessions.npc}第${ctx.rng.int(1, 150)}号代表建议的答复` : `对${sessions.cppcc}第${ctx.rng.int(1, 150)}号提案的答复`,
      ][variant];
      const person = anonymousPerson(ctx.rng.pick(SURNAMES));
      const d = draft(ctx, {
        ...base, title, nodes: withNode([variant === 1 ? 'ghjh' : s.noticeNode], topic), stage: 'result', genre: ['公示', '报告', '函'][variant],
        subject: topic.subject, keywords: [...topic.keywords.slice(0, 2), ['许可结果', '完成情况', '建议提案'][variant]], summary: `${title}。`,
        publishedOn, formed: variant === 2 ? 'document' : 'quick',
        body: (on) => [
          ...(variant === 0
            ? [p('现将本批次办理的行政许可和备案事项结果公示如下：'), table(['事项名称', '申请人', '办理结果', '办结日期'], Array.from({ length: ctx.rng.int(2, 6) }, () => [`${topic.name}相关事项`, `某${ctx.rng.pick(['有限公司', '合作社', '学校', '中心'])}`, '准予许可', chineseMonthDay(on)]))]
            : variant === 1
              ? [p(`${ctx.year - 1}年，${s.short}紧紧围绕年度目标任务，${ctx.rng.sample(topic.measures, 2).join('，')}，${ctx.rng.pick(['各项任务全面完成', '年度目标如期实现', '工作成效明显'])}。`), p('下一步，将巩固已有成果，健全长效机制，推动工作再上新台阶。')]
              : [p(`${person}${npc ? '代表' : '委员'}：`), p(`您提出的关于进一步做好${topic.name}工作的${npc ? '建议' : '提案'}收悉，现答复如下：${ctx.rng.pick(topic.measures)}。下一步，我们将${ctx.rng.pick(topic.measures)}。感谢您对我们工作的关心和支持。`)]),
          signature(s.name, on),
        ].join('\n'),
      });
      return [variant === 0 ? { ...d, sequenceMax: 8 } : d];
    },
  };

  const results: ItemKind = {
    id: `${s.organKey}-results`,
    stage: 'result',
    weight: 0,
    recurring: (ctx) => {
      const prev = ctx.year - 1;
      const out: Draft[][] = [];
      const reportOn = inMonths(ctx, s.annualReportBy === 1 ? 1 : 2, s.annualReportBy);
      if (reportOn) out.push([draft(ctx, {
        ...base, title: `${s.name}${prev}年政府信息公开工作年度报告`, nodes: ['gknb'], stage: 'result', genre: '年度报告', subject: '综合政务',
        keywords: ['政府信息公开', '年度报告'], summary: `${s.name}${prev}年政府信息公开工作情况。`, publishedOn: reportOn, formed: 'same',
        body: (on) => annualReportBody(ctx, s.name, prev, ctx.previous, on),
      })]);
      const accountsOn = inMonths(ctx, 8, 9);
      if (accountsOn) out.push([draft(ctx, {
        ...base, title: `${s.name}${prev}年部门决算公开`, nodes: ['czyjs'], stage: 'result', genre: '预决算', subject: '财政、金融、审计',
        keywords: ['部门决算'], summary: `公开${s.name}${prev}年部门决算。`, publishedOn: accountsOn, formed: 'quick',
        body: (on) => [
          p(`${prev}年度收入总计${wan(ctx, 400, 6000)}万元，支出总计${wan(ctx, 400, 6000)}万元。“三公”经费支出${wan(ctx, 1, 10)}万元，控制在年初预算以内。`),
          p('决算收支增减变化的主要原因、机关运行经费和预算绩效管理情况详见附表。'),
          signature(s.name, on),
        ].join('\n'),
      })]);
      const summaryOn = inMonths(ctx, 1, 2);
      if (summaryOn) out.push([draft(ctx, {
        ...base, title: `${s.name}${prev}年工作总结和${ctx.year}年工作安排`, nodes: ['ghjh'], stage: 'result', genre: '总结', subject: '综合政务',
        keywords: ['工作总结'], summary: `总结${prev}年工作，部署${ctx.year}年重点任务。`, publishedOn: summaryOn, formed: 'quick',
        body: (on) => [
          heading(`一、${prev}年工作情况`),
          ...ctx.rng.sample(s.topics, Math.min(3, s.topics.length)).map((t, i) => p(`（${chineseNumber(i + 1)}）${t.name}。${ctx.rng.pick(t.measures)}，完成了年度目标任务。`)),
          heading(`二、${ctx.year}年工作安排`),
          ...ctx.rng.sample(s.topics, Math.min(3, s.topics.length)).map((t, i) => p(`（${chineseNumber(i + 1)}）${ensure(ctx.rng.pick(t.goals))}。`)),
          signature(s.name, on),
        ].join('\n'),
      })]);
      return out;
    },
  };

  return [normatives, policies, plans, consultations, news, campaigns, personnel, managementMisc, yearly, results, resultsMisc, ...s.special.map((k) => simpleKind(k, s))];
}

/** An organ-specific kind: one title pattern, one body, on the organ's phone and name. */
function simpleKind(k: SimpleKind, s: SmallOrganSpec): ItemKind {
  const make = (ctx: YearContext): Draft[] | null => {
    const title = k.title(ctx);
    const months = k.monthsFor?.(title) ?? k.months;
    const publishedOn = months ? inMonths(ctx, months[0], months[1]) : anyDay(ctx);
    if (!publishedOn) return null;
    const d = draft(ctx, {
      title, nodes: k.nodes, stage: k.stage, genre: k.genre, subject: k.subject ?? s.topics[0].subject, keywords: k.keywords,
      summary: k.summary(title), source: s.short, consultPhone: s.phone, publishedOn, formed: k.formed ?? 'quick',
      numbering: k.numbering ?? null, body: (on) => k.body(ctx, on, title),
    });
    return [k.sequenceMax ? { ...d, sequenceMax: k.sequenceMax } : d];
  };
  return {
    id: k.id,
    stage: k.stage,
    weight: k.yearly ? 0 : k.weight,
    fromYear: k.fromYear,
    toYear: k.toYear,
    ...(k.yearly ? { recurring: (ctx: YearContext) => { const g = make(ctx); return g ? [g] : []; } } : { make }),
  };
}

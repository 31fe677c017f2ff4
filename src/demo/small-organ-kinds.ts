import type { Draft, ItemKind, YearContext } from './item-kind.ts';
import { policyWithInterpretation } from './policy-pair.ts';
import { routineKinds } from './small-organ-routine-kinds.ts';
import type { SimpleKind, SmallOrganSpec, SmallTopic } from './small-organ-spec.ts';
export type { SimpleKind, SmallOrganSpec, SmallTopic, SmallNormative, PolicySeries } from './small-organ-spec.ts';
import { anyDay, consultationsLink, draft, inMonths, monthEnd, monthStart, openForComments, withNode, ruleName } from './kind-helpers.ts';
import { amendingDecisionBody, ensure, newsBody, noticeBody, normativeBody, p, planBody, signature } from './body-templates.ts';
import { addDays, chineseDate, chineseMonthDay } from './demo-calendar.ts';
import { COUNTY, TOWNSHIPS, chineseNumber } from './word-banks.ts';

/**
 * The item kinds every smaller demo organ shares (政策文件 with 解读, plans, news, budgets, annual
 * report …), parameterised by a spec; each organ adds its own special kinds.
 */

const POLICY_PATTERNS = [
  (t: SmallTopic) => ({ core: `关于进一步加强${t.name}工作的通知`, book: '', genre: '通知', attached: false }),
  (t: SmallTopic, y: number) => ({ core: `关于做好${y}年${t.name}工作的通知`, book: '', genre: '通知', attached: false }),
  (t: SmallTopic, y: number) => ({ core: `关于印发《${COUNTY}${y}年${t.name}工作方案》的通知`, book: `《${COUNTY}${y}年${t.name}工作方案》`, genre: '通知', attached: true }),
  (t: SmallTopic) => ({ core: `关于印发《${COUNTY}${t.name}实施方案》的通知`, book: `《${COUNTY}${t.name}实施方案》`, genre: '通知', attached: true }),
  (t: SmallTopic) => ({ core: `关于推进${t.name}高质量发展的意见`, book: '', genre: '意见', attached: false }),
];


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
      if (e.amends) {
        // A 修改决定: the organ's decision amending its own 办法, which stays in force as amended (已修改, ADR 0026).
        const amended = `《${s.normatives.find((x) => x.id === e.amends)!.name}》`;
        const title = `${series.issuer}关于修改${amended}的决定`;
        const book = `《${title.replaceAll('《', '〈').replaceAll('》', '〉')}》`;
        const effectiveOn = addDays(publishedOn, 30);
        return policyWithInterpretation({
          topic, title, bookTitle: book, genre: '决定', numbering: 'normative', policyNode: s.normativeNode, publishedOn, formedOn, planId: e.id, changes: e.changes,
          summary: `修改${amended}，${e.changes!.split('；')[0].replace(/^本决定/, '')}。`,
          mainPoints: e.articles,
          effective: `${book}自${chineseDate(effectiveOn)}起施行。`,
          body: amendingDecisionBody({ amendedBook: amended, purpose: topic.purpose, meeting: '局务会议', changes: e.articles, effectiveOn, signer: series.issuer, signedOn: formedOn }),
          source: s.short, phone: s.phone, contact: s.name, drafter: s.we,
        });
      }
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
      const name = ruleName(COUNTY, topic.name, ctx.rng.pick(['实施办法', '管理办法', '实施细则', '三年行动方案']));
      const publishedOn = anyDay(ctx)!;
      const until = addDays(publishedOn, 30);
      return [openForComments(until, draft(ctx, {
        ...base, title: `关于公开征求《${name}（征求意见稿）》意见的公告`, nodes: withNode([s.noticeNode], topic), stage: 'decision',
        genre: '公告', subject: topic.subject, keywords: [...topic.keywords.slice(0, 2), '征求意见'],
        summary: `就《${name}（征求意见稿）》公开征求意见，截止时间为${chineseDate(until)}。`, publishedOn, formed: 'same',
        body: (on) => [
          p(`为${topic.purpose}，${s.short}起草了《${name}（征求意见稿）》，现向社会公开征求意见。`),
          p(`征求意见时间：${chineseDate(publishedOn)}至${chineseDate(until)}。意见建议可以通过信函或者县政府网站${consultationsLink(s.organKey, `${s.name}“意见征集”栏目`)}反馈，请注明主要理由。`),
          p(`联系电话：${s.phone}。`),
          signature(s.name, on),
        ].join('\n'),
      }))];
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

  return [normatives, policies, plans, consultations, news, campaigns, ...routineKinds(s), ...s.special.map((k) => simpleKind(k, s))];
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

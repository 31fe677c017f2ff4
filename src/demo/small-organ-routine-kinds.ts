import type { Draft, ItemKind } from './item-kind.ts';
import type { SmallOrganSpec } from './small-organ-spec.ts';
import { anyDay, draft, inMonths, wan, withNode } from './kind-helpers.ts';
import { ensure, heading, p, signature, table } from './body-templates.ts';
import { annualReportBody } from './annual-report.ts';
import { chineseMonthDay } from './demo-calendar.ts';
import { SURNAMES, anonymousPerson, chineseNumber, congressSessions } from './word-banks.ts';

/**
 * The routine 管理 and 结果 items of a smaller organ: personnel notices, lists, budget and accounts,
 * leaders, the annual report, summaries, permits and replies to deputies.
 */
export function routineKinds(s: SmallOrganSpec): ItemKind[] {
  const base = { source: s.short, consultPhone: s.phone };

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

  return [personnel, managementMisc, yearly, results, resultsMisc];
}

import type { Draft, ItemKind, YearContext } from './item-kind.ts';
import { housingTopic } from './housing-topics.ts';
import { ADDRESSEE_TOWNS, HOUSING_NAME, HOUSING_SHORT, HOUSING_SIGNER, unitOf } from './housing-common.ts';
import { inspectionReport } from './housing-inspections.ts';
import { housingUnit } from './organs.ts';
import { HOUSING_UNIT_KEYS } from './organ-keys.ts';
import { inMonths, draft, reportQuarters, wan } from './kind-helpers.ts';
import { heading, noticeBody, p, publicityBody, signature, table } from './body-templates.ts';
import { QUARTERS_CN, SURNAMES, anonymousPerson } from './word-banks.ts';

/** 管理公开 items of 县住房和城乡建设局 that come every quarter or every year: funds, checks, budget, leaders, lists. */

const q = (n: number) => QUARTERS_CN[n - 1];

/** Quarterly and yearly management items every year. */
export const HOUSING_MANAGEMENT_RECURRING: ItemKind = {
  id: 'zjj-management-regular',
  stage: 'management',
  weight: 0,
  recurring: (ctx) => {
    const out: Draft[][] = [];
    const fund = housingTopic('wyfw');
    const quality = housingTopic('aqsc');
    for (const rq of reportQuarters(ctx.year)) {
      const on = ctx.pickDate(rq.from, rq.to);
      if (!on) continue;
      const fu = unitOf(fund);
      out.push([draft(ctx, {
        title: `${rq.y}年第${q(rq.q)}季度住宅专项维修资金归集使用情况公告`, nodes: ['zdly/fdcscjg'], stage: 'management', genre: '公告',
        subject: fund.subject, keywords: ['住宅专项维修资金'], summary: `公布${rq.y}年第${q(rq.q)}季度全县住宅专项维修资金归集、使用和结存情况。`,
        source: fu.source, consultPhone: fu.phone, publishedOn: on, formed: 'quick',
        body: (d) => publicityBody({
          intro: `根据《住宅专项维修资金管理办法》的规定，现将${rq.y}年第${q(rq.q)}季度全县住宅专项维修资金归集、使用情况公告如下：`,
          table: { headers: ['项目', '金额（万元）'], rows: [['本季度归集', wan(ctx, 180, 900)], ['本季度使用', wan(ctx, 8, 160)], ['本季度增值收益', wan(ctx, 20, 90)], ['期末结存', wan(ctx, 9000, 21000)]] },
          extra: ['业主可持身份证明和房屋权属证明到县住建局房地产市场监管股查询本人分户账情况。'],
          periodDays: null, contact: fu.source, phone: fu.phone, signer: HOUSING_SIGNER, signedOn: d,
        }),
      })]);
      const on2 = ctx.pickDate(rq.from, rq.to);
      if (!on2) continue;
      const qu = unitOf(quality);
      out.push([draft(ctx, {
        title: `${rq.y}年第${q(rq.q)}季度全县建筑工程质量安全检查情况通报`, nodes: ['zdly/jzgczl'], stage: 'management', genre: '通报',
        subject: quality.subject, keywords: ['质量安全', '检查通报'], summary: `通报${rq.y}年第${q(rq.q)}季度全县建筑工程质量安全检查发现的问题和处理情况。`,
        source: qu.source, consultPhone: qu.phone, publishedOn: on2, formed: 'quick',
        body: (d) => inspectionReport(ctx, { period: `${rq.y}年第${q(rq.q)}季度`, subject: '质量安全', problems: ctx.rng.pick(['safety', 'quality'] as const), requirement: '切实落实工程质量安全主体责任', signedOn: d }),
      })]);
    }
    const office = housingUnit(HOUSING_UNIT_KEYS.office);
    const yearly: { title: string; nodes: string[]; months: [number, number]; genre: string; unitKey: string; body: (on: string) => string; when?: boolean }[] = [
      {
        title: `${HOUSING_NAME}${ctx.year}年部门预算公开`, nodes: ['czyjs/bmys'], months: [2, 3], genre: '预决算', unitKey: HOUSING_UNIT_KEYS.office,
        body: (on) => budgetBody(ctx, on),
      },
      {
        title: `${HOUSING_SHORT}${ctx.year}年“三公”经费预算情况说明`, nodes: ['czyjs/bmys'], months: [2, 3], genre: '预决算', unitKey: HOUSING_UNIT_KEYS.office,
        body: (on) => [
          p(`${ctx.year}年“三公”经费预算数为${wan(ctx, 4, 12)}万元，其中：因公出国（境）费0万元；公务用车购置及运行费${wan(ctx, 2, 6)}万元；公务接待费${wan(ctx, 0.5, 2)}万元。`),
          p('“三公”经费预算比上年有所下降，主要原因是严格落实过紧日子要求，进一步压减一般性支出。'),
          signature(HOUSING_SIGNER, on),
        ].join('\n'),
      },
      {
        title: `${HOUSING_NAME}领导班子成员及分工（${ctx.year}年）`, nodes: ['jgzn/ldxx'], months: [1, 3], genre: '其他', unitKey: HOUSING_UNIT_KEYS.office,
        body: () => leadersBody(ctx),
      },
      {
        title: `${HOUSING_NAME}内设机构及主要职责`, nodes: ['jgzn/nsjg'], months: [3, 5], genre: '其他', unitKey: HOUSING_UNIT_KEYS.office,
        when: [2019, 2022, 2025].includes(ctx.year), body: () => unitsBody(),
      },
      {
        title: `${HOUSING_NAME}机构概况`, nodes: ['jgzn/jggk'], months: [1, 2], genre: '其他', unitKey: HOUSING_UNIT_KEYS.office,
        when: [2019, 2024].includes(ctx.year), body: () => overviewBody(),
      },
      {
        title: `${HOUSING_SHORT}行政处罚事项清单（${ctx.year}年版）`, nodes: ['xzcf/cfyj'], months: [2, 4], genre: '其他', unitKey: HOUSING_UNIT_KEYS.quality,
        body: (on) => penaltyListBody(on),
      },
      {
        title: `住房城乡建设领域行政处罚裁量基准（${ctx.year}年修订）`, nodes: ['xzcf/cfyj'], months: [5, 8], genre: '其他', unitKey: HOUSING_UNIT_KEYS.quality,
        when: ctx.year % 2 === 0, body: (on) => discretionBody(on),
      },
      {
        title: `${HOUSING_NAME}${ctx.year}年度“双随机、一公开”抽查工作计划`, nodes: ['sssj'], months: [2, 3], genre: '计划', unitKey: HOUSING_UNIT_KEYS.quality,
        body: (on) => [
          p(`根据“双随机、一公开”监管工作要求，结合我局职责，制定${ctx.year}年度抽查工作计划。`),
          table(['抽查事项', '抽查对象', '抽查比例', '抽查时间'], [
            ['建筑施工企业安全生产条件', '在建项目施工企业', '不低于5%', `${ctx.year}年5月—6月`],
            ['房地产开发企业销售行为', '在售项目开发企业', '不低于10%', `${ctx.year}年7月—8月`],
            ['房地产经纪机构经营行为', '已备案经纪机构', '不低于10%', `${ctx.year}年9月—10月`],
            ['物业服务企业服务质量', '物业服务企业', '不低于10%', `${ctx.year}年10月—11月`],
          ]),
          p('抽查结果在抽查结束后20个工作日内通过县政府网站向社会公开。'),
          signature(HOUSING_SIGNER, on),
        ].join('\n'),
      },
      {
        title: `${ctx.year}年建筑施工企业安全生产许可证动态核查情况通报`, nodes: ['zdly/jzgczl'], months: [10, 12], genre: '通报', unitKey: HOUSING_UNIT_KEYS.quality,
        body: (on) => [
          p(`按照省住房和城乡建设厅的统一部署，我局对本县注册的建筑施工企业安全生产许可证进行了动态核查。本次共核查企业${ctx.rng.int(18, 46)}家，其中${ctx.rng.int(1, 4)}家企业安全生产条件不符合要求，已责令限期整改。`),
          p('整改期间，相关企业不得承揽新的工程项目。逾期未整改或整改后仍不符合条件的，将报请发证机关依法暂扣直至吊销安全生产许可证。'),
          signature(HOUSING_SIGNER, on),
        ].join('\n'),
      },
      {
        title: `关于开展${ctx.year}年度公共租赁住房保障对象资格年审的通知`, nodes: ['zdly/bzxzf'], months: [4, 6], genre: '通知', unitKey: HOUSING_UNIT_KEYS.realEstate,
        body: (on) => noticeBody(ctx.rng, {
          addressee: ADDRESSEE_TOWNS, purpose: housingTopic('gzf').purpose, basis: housingTopic('gzf').basis,
          decision: `对全县在保公共租赁住房保障对象开展${ctx.year}年度资格年审`,
          goals: ['全面核查保障对象家庭人口、收入和住房变化情况', '对不再符合保障条件的家庭依法办理退出'],
          measures: ['保障对象如实填报年审申报表，并签署个人信息核查授权书', '社区入户核查，街道办事处汇总审核后报县住建局', '县住建局会同民政、不动产登记等部门进行信息比对', '年审结果在政府网站和小区公示栏公示'],
          reportTo: office.source, signer: HOUSING_SIGNER, signedOn: on,
        }),
      },
    ];
    for (const y of yearly) {
      if (y.when === false) continue;
      const on = inMonths(ctx, y.months[0], y.months[1]);
      if (!on) continue;
      const unit = housingUnit(y.unitKey);
      out.push([draft(ctx, {
        title: y.title, nodes: y.nodes, stage: 'management', genre: y.genre, subject: y.nodes[0].startsWith('czyjs') ? '财政、金融、审计' : '城乡建设、环境保护',
        keywords: keywordsFor(y.title), summary: `${y.title}。`, source: unit.source, consultPhone: unit.phone, publishedOn: on,
        formed: y.genre === '通知' ? 'document' : 'quick', body: y.body,
      })]);
    }
    return out;
  },
};

function keywordsFor(title: string): string[] {
  const all = ['部门预算', '三公经费', '领导信息', '内设机构', '机构概况', '行政处罚', '裁量基准', '双随机', '安全生产许可证', '公共租赁住房'];
  const found = all.filter((k) => title.includes(k) || (k === '三公经费' && title.includes('三公')) || (k === '双随机' && title.includes('双随机')));
  return found.length ? found : ['住房城乡建设'];
}

function budgetBody(ctx: YearContext, on: string): string {
  const basic = Number(wan(ctx, 900, 1600));
  const project = Number(wan(ctx, 1500, 9000));
  return [
    heading('第一部分　部门概况'),
    p(`${HOUSING_NAME}是县政府工作部门，内设办公室、房地产市场监管股、村镇建设股、城市建设股等股室，下设建筑工程质量安全监督站、房屋征收服务中心等事业单位。`),
    heading('第二部分　收支预算情况说明'),
    p(`${ctx.year}年收入预算${(basic + project).toFixed(2)}万元，全部为一般公共预算拨款；支出预算${(basic + project).toFixed(2)}万元，其中基本支出${basic.toFixed(2)}万元，项目支出${project.toFixed(2)}万元。`),
    (() => {
      const general = Number(wan(ctx, 20, 60));
      const social = Number(wan(ctx, 80, 160));
      const housing = Number(wan(ctx, 120, 260));
      const community = basic + project - general - social - housing;
      return table(['项目', '金额（万元）'], [['一般公共服务支出', general.toFixed(2)], ['社会保障和就业支出', social.toFixed(2)], ['城乡社区支出', community.toFixed(2)], ['住房保障支出', housing.toFixed(2)], ['合计', (basic + project).toFixed(2)]]);
    })(),
    heading('第三部分　名词解释'),
    p('基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。'),
    signature(HOUSING_SIGNER, on),
  ].join('\n');
}

function leadersBody(ctx: YearContext): string {
  const names = ctx.rng.sample(SURNAMES, 4).map(anonymousPerson);
  return [
    p(`局长：${names[0]}，主持局全面工作。`),
    p(`副局长：${names[1]}，负责房地产市场监管、住房保障、物业管理等工作。`),
    p(`副局长：${names[2]}，负责城市建设、市政公用、重点工程等工作。`),
    p(`副局长：${names[3]}，负责村镇建设、建筑工程质量安全、扬尘污染防治等工作。`),
  ].join('\n');
}

function unitsBody(): string {
  return [
    p('办公室：负责机关日常运转，承担文电、会务、机要、档案、政务公开、财务等工作。'),
    p('房地产市场监管股：负责房地产开发、交易、中介和物业管理的监督管理，承担住房保障相关工作。'),
    p('村镇建设股：负责指导村镇建设和农村住房建设，承担农村危房改造和农村房屋安全管理工作。'),
    p('城市建设股：负责城市基础设施建设和市政公用事业管理，承担城建重点工程和老旧小区改造工作。'),
    p('建筑工程质量安全监督站：承担房屋建筑和市政基础设施工程质量安全监督的具体工作。'),
    p('房屋征收服务中心：受房屋征收部门委托，承担国有土地上房屋征收与补偿的具体工作。'),
  ].join('\n');
}

function overviewBody(): string {
  return [
    p(`${HOUSING_NAME}是县人民政府工作部门，负责全县住房和城乡建设管理工作。`),
    p('主要职责：贯彻执行住房和城乡建设方面的法律法规和政策；承担保障城镇低收入家庭住房的责任；承担规范房地产市场秩序、监督管理房地产市场的责任；监督管理建筑市场、规范市场各方主体行为；承担建筑工程质量安全监管的责任；指导村镇建设和农村危房改造；负责国有土地上房屋征收与补偿的组织实施。'),
    p(`办公地址：青岚县岚城街道建设路26号；办公时间：工作日上午8:00—12:00，下午14:30—17:30；联系电话：0564-5022106。`),
  ].join('\n');
}

function penaltyListBody(on: string): string {
  return [
    p('根据行政执法公示制度的要求，现将本机关行政处罚事项清单公布如下：'),
    table(['序号', '事项名称', '设定依据'], [
      [1, '对建设单位未取得施工许可证擅自施工的处罚', '《建设工程质量管理条例》第五十七条'],
      [2, '对施工单位未对建筑材料进行检验的处罚', '《建设工程质量管理条例》第六十五条'],
      [3, '对施工工地未采取扬尘防治措施的处罚', '《中华人民共和国大气污染防治法》第一百一十五条'],
      [4, '对建设单位未按规定办理竣工验收备案的处罚', '《房屋建筑和市政基础设施工程竣工验收备案管理办法》第九条'],
      [5, '对房地产开发企业未取得预售许可擅自预售商品房的处罚', '《城市房地产开发经营管理条例》有关规定'],
      [6, '对物业服务企业擅自改变物业管理用房用途的处罚', '《物业管理条例》有关规定'],
    ]),
    p('清单实行动态调整，法律、法规、规章修改的，以修改后的规定为准。'),
    signature(HOUSING_SIGNER, on),
  ].join('\n');
}

function discretionBody(on: string): string {
  return [
    p('为规范住房城乡建设领域行政处罚裁量权的行使，根据《中华人民共和国行政处罚法》的规定，结合本县实际，对裁量基准进行了修订。'),
    p('违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚；初次违法且危害后果轻微并及时改正的，可以不予行政处罚。'),
    p('违法行为按情节分为轻微、一般、较重、严重四个等次，分别在法定罚款幅度内确定处罚数额。'),
    signature(HOUSING_SIGNER, on),
  ].join('\n');
}

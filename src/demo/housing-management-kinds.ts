import type { Draft, ItemKind, YearContext } from './item-kind.ts';
import { housingTopic } from './housing-topics.ts';
import { HOUSING_NAME, HOUSING_SHORT, HOUSING_SIGNER, unitOf } from './housing-common.ts';
import { inspectionReport } from './housing-inspections.ts';
import { housingUnit } from './organs.ts';
import { HOUSING_UNIT_KEYS } from './organ-keys.ts';
import { anyDay, draft, inMonths, monthEnd, monthStart, reportMonths, reportQuarters, seq, wan } from './kind-helpers.ts';
import { heading, noticeBody, p, publicityBody, signature, table } from './body-templates.ts';
import { addDays, chineseDate } from './demo-calendar.ts';
import { ADDRESSEE_TOWNS } from './housing-common.ts';
import { ESTATES, QUARTERS_CN, ROADS, SURNAMES, TOWNSHIPS, anonymousPerson, chineseNumber } from './word-banks.ts';

/** 管理公开 items of 县住房和城乡建设局: permits in 房地产, inspections, budgets, personnel, procurement. */

const q = (n: number) => QUARTERS_CN[n - 1];

const presalePermits: ItemKind = {
  id: 'zjj-presale',
  stage: 'management',
  weight: 5,
  make: (ctx) => {
    const estate = ctx.rng.pick(ESTATES);
    const phase = ctx.rng.pick(['一', '二', '三']);
    const b = ctx.rng.int(1, 24);
    const buildings = ctx.rng.chance(0.5) ? `${b}#楼` : `${b}#、${b + 1}#楼`;
    const topic = housingTopic('fdc');
    const unit = unitOf(topic);
    const publishedOn = anyDay(ctx)!;
    const area = ctx.rng.int(6800, 26000);
    const homes = Math.round(area / ctx.rng.int(105, 135));
    return [{
      ...draft(ctx, {
        title: `${estate}${phase}期${buildings}商品房预售许可公示`, nodes: ['zdly/fdcscjg'], stage: 'management', genre: '公示',
        subject: topic.subject, keywords: ['商品房预售许可', estate], summary: `公示${estate}${phase}期${buildings}商品房预售许可信息。`,
        source: unit.source, consultPhone: unit.phone, publishedOn, formed: 'quick',
        body: (on) => publicityBody({
          intro: `根据《城市商品房预售管理办法》的规定，经审查，下列商品房项目符合预售条件，准予预售，现予公示。购房人可凭预售许可证号查询项目信息，谨防未取得预售许可的销售行为。`,
          table: {
            headers: ['项目名称', '开发企业', '预售许可证号', '预售楼栋', '预售面积（㎡）', '预售套数'],
            rows: [[`${estate}${phase}期`, `${estate.slice(0, 2)}置业有限公司`, `岚房预售证第${ctx.year}${String(ctx.rng.int(1, 60)).padStart(3, '0')}号`, buildings, area, homes]],
          },
          periodDays: null, contact: unit.source, phone: unit.phone, signer: HOUSING_SIGNER, signedOn: on,
        }),
      }),
      permitCount: 1,
    }];
  },
};

const AGENCY_NAMES = ['安居', '宜家', '桐城', '岚兴', '诚信', '鑫源', '恒通', '嘉和', '和美', '顺达', '家园', '汇丰源'];

const agencyFilings: ItemKind = {
  id: 'zjj-agency',
  stage: 'management',
  weight: 1,
  make: (ctx) => {
    const n = '{{序}}';
    const topic = housingTopic('fdc');
    const unit = unitOf(topic);
    const publishedOn = anyDay(ctx)!;
    return [seq(6, draft(ctx, {
      title: `${ctx.year}年第${n}批房地产经纪机构备案公示`, nodes: ['zdly/fdcscjg'], stage: 'management', genre: '公示',
      subject: topic.subject, keywords: ['房地产经纪机构', '备案'], summary: `公示${ctx.year}年第${n}批完成备案的房地产经纪机构。`,
      source: unit.source, consultPhone: unit.phone, publishedOn, formed: 'quick',
      body: (on) => publicityBody({
        intro: '根据《房地产经纪管理办法》的规定，下列房地产经纪机构已在我局办理备案，现予公示。',
        table: {
          headers: ['机构名称', '经营地址', '备案有效期'],
          rows: ctx.rng.sample(AGENCY_NAMES, ctx.rng.int(2, 5)).map((x) => [
            `${x}房产经纪有限公司`, `${ctx.rng.pick(TOWNSHIPS.slice(0, 2))}${ctx.rng.pick(ROADS)}${ctx.rng.int(2, 199)}号`, `至${ctx.year + 3}年${ctx.rng.int(1, 12)}月`,
          ]),
        },
        periodDays: 5, contact: unit.source, phone: unit.phone, signer: HOUSING_SIGNER, signedOn: on,
      }),
    }))];
  },
};

/** Quarterly and yearly management items every year. */
const regularReports: ItemKind = {
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

const monthlyChecks: ItemKind = {
  id: 'zjj-monthly-check',
  stage: 'management',
  weight: 5,
  make: (ctx) => {
    const m = ctx.rng.pick(reportMonths(ctx.year));
    const on = ctx.pickDate(m.from, m.to);
    if (!on) return null;
    const variant = ctx.rng.pick(['safety', 'dust'] as const);
    const topic = housingTopic(variant === 'safety' ? 'aqsc' : 'yc');
    const unit = unitOf(topic);
    const title = variant === 'safety'
      ? `关于${m.y}年${m.m}月份建筑施工安全生产检查情况的通报`
      : `${m.y}年${m.m}月全县建筑工地扬尘污染防治检查情况通报`;
    return [draft(ctx, {
      title, nodes: [topic.node], stage: 'management', genre: '通报', subject: topic.subject, keywords: topic.keywords.slice(0, 2),
      summary: `通报${m.y}年${m.m}月${variant === 'safety' ? '建筑施工安全生产' : '建筑工地扬尘污染防治'}检查情况。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: (d) => inspectionReport(ctx, { period: `${m.y}年${m.m}月`, subject: variant === 'safety' ? '安全生产' : '扬尘污染防治', problems: variant, requirement: variant === 'safety' ? '严格落实安全生产主体责任' : '严格落实扬尘防治“六个百分之百”要求', signedOn: d }),
    })];
  },
};

const quarterlyChecks: ItemKind = {
  id: 'zjj-quarterly-check',
  stage: 'management',
  weight: 3,
  make: (ctx) => {
    const rq = ctx.rng.pick(reportQuarters(ctx.year));
    const on = ctx.pickDate(rq.from, rq.to);
    if (!on) return null;
    const variant = ctx.rng.pick([
      { t: `${rq.y}年第${q(rq.q)}季度在建项目农民工工资支付情况通报`, topic: 'nmg', problems: 'wages' as const, subject: '农民工工资支付' },
      { t: `${rq.y}年第${q(rq.q)}季度城镇燃气安全检查情况通报`, topic: 'gsrq', problems: 'gas' as const, subject: '燃气安全' },
      { t: `${rq.y}年第${q(rq.q)}季度商品房预售资金监管情况通报`, topic: 'fdc', problems: null, subject: '' },
      { t: `${rq.y}年第${q(rq.q)}季度建筑市场不良行为记录公示`, topic: 'aqsc', problems: null, subject: '' },
    ]);
    const topic = housingTopic(variant.topic);
    const unit = unitOf(topic);
    return [draft(ctx, {
      title: variant.t, nodes: [topic.node], stage: 'management', genre: variant.t.endsWith('公示') ? '公示' : '通报', subject: topic.subject,
      keywords: topic.keywords.slice(0, 2), summary: `${variant.t.replace(/通报$|公示$/, '')}。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: (d) => variant.problems
        ? inspectionReport(ctx, { period: `${rq.y}年第${q(rq.q)}季度`, subject: variant.subject, problems: variant.problems, requirement: `切实做好${topic.name}工作`, signedOn: d })
        : publicityBody({
            intro: variant.topic === 'fdc'
              ? `${rq.y}年第${q(rq.q)}季度，全县纳入监管的商品房项目${ctx.rng.int(12, 30)}个，新增监管资金${wan(ctx, 8000, 42000)}万元，按工程进度拨付${wan(ctx, 6000, 30000)}万元，未发现违规挪用监管资金的情况。`
              : `根据建筑市场信用管理的有关规定，现将${rq.y}年第${q(rq.q)}季度建筑市场不良行为记录公示如下：`,
            table: variant.topic === 'fdc' ? undefined : {
              headers: ['企业类型', '不良行为', '处理结果'],
              rows: Array.from({ length: ctx.rng.int(2, 4) }, () => [ctx.rng.pick(['施工企业', '监理企业', '劳务企业']), ctx.rng.pick(['未按规定落实扬尘防治措施', '安全生产管理人员不到岗', '未按规定办理质量监督手续', '拖欠农民工工资']), ctx.rng.pick(['记不良行为一次', '通报批评并记不良行为一次'])]),
            },
            periodDays: variant.topic === 'fdc' ? null : 5, contact: unit.source, phone: unit.phone, signer: HOUSING_SIGNER, signedOn: d,
          }),
    })];
  },
};

const rectificationNotices: ItemKind = {
  id: 'zjj-rectification',
  stage: 'management',
  weight: 2,
  make: (ctx) => {
    const topic = housingTopic(ctx.rng.pick(['yc', 'aqsc']));
    const unit = unitOf(topic);
    const site = `${ctx.rng.pick(ESTATES)}${ctx.rng.pick(['一', '二', '三'])}期项目`;
    const on = anyDay(ctx)!;
    const issue = topic.id === 'yc' ? '扬尘防治' : '安全生产';
    return [draft(ctx, {
      title: `关于${site}施工现场${issue}问题的整改通知`, nodes: [topic.node], stage: 'management', genre: '通知', subject: topic.subject,
      keywords: [...topic.keywords.slice(0, 2), '整改'], summary: `责令${site}参建单位限期整改施工现场${issue}问题。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: (d) => [
        p(`${site}建设、施工、监理单位：`),
        p(`${chineseDate(addDays(d, -ctx.rng.int(1, 5)))}，我局检查发现你项目施工现场存在以下问题：${ctx.rng.sample(topic.id === 'yc' ? ['施工现场裸土未覆盖', '出入口车辆冲洗设施未正常使用', '围挡破损未及时修复', '场内道路未硬化'] : ['临边洞口防护不到位', '脚手架连墙件设置不足', '安全技术交底记录缺失', '消防器材配置不足'], 2).join('；')}。`),
        p(`请你单位于接到本通知之日起${chineseNumber(ctx.rng.pick([3, 5, 7]))}日内完成整改，并将整改报告报送县住建局。逾期未整改的，我局将依法予以处理。`),
        signature(HOUSING_SIGNER, d),
      ].join('\n'),
    })];
  },
};

const housingAudits: ItemKind = {
  id: 'zjj-housing-audit',
  stage: 'management',
  weight: 2,
  make: (ctx) => {
    const n = '{{序}}';
    const topic = housingTopic('gzf');
    const unit = unitOf(topic);
    const on = anyDay(ctx)!;
    return [seq(8, draft(ctx, {
      title: `${ctx.year}年第${n}批公共租赁住房保障资格审核结果公示`, nodes: ['zdly/bzxzf'], stage: 'management', genre: '公示',
      subject: topic.subject, keywords: ['公共租赁住房', '资格审核'], summary: `公示${ctx.year}年第${n}批通过审核的公共租赁住房保障对象。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: (d) => publicityBody({
        intro: `经本人申请、社区初审、街道复核、县住建局会同有关部门审核，下列家庭符合公共租赁住房保障条件，现予公示：`,
        table: {
          headers: ['序号', '申请人', '家庭人口', '所在街道', '保障方式'],
          rows: Array.from({ length: ctx.rng.int(5, 12) }, (_, i) => [i + 1, anonymousPerson(ctx.rng.pick(SURNAMES)), ctx.rng.int(1, 5), ctx.rng.pick(TOWNSHIPS.slice(0, 2)), ctx.rng.pick(['实物配租', '租赁补贴'])]),
        },
        periodDays: 7, contact: unit.source, phone: unit.phone, signer: HOUSING_SIGNER, signedOn: d,
      }),
    }))];
  },
};

const PERSONNEL = [
  (y: number) => `${HOUSING_NAME}所属事业单位${y}年公开招聘工作人员公告`,
  (y: number) => `${HOUSING_NAME}${y}年公开招聘编外工作人员公告`,
  (y: number) => `${HOUSING_SHORT}${y}年拟任职干部任前公示`,
  (y: number) => `${HOUSING_NAME}${y}年公开遴选工作人员公告`,
];

const personnel: ItemKind = {
  id: 'zjj-personnel',
  stage: 'management',
  weight: 1,
  make: (ctx) => {
    const i = ctx.rng.int(0, PERSONNEL.length - 1);
    const title = PERSONNEL[i](ctx.year);
    const unit = housingUnit(HOUSING_UNIT_KEYS.office);
    const on = anyDay(ctx)!;
    const body = (d: string) => i === 2
      ? publicityBody({
          intro: '根据干部任用的有关规定，经局党组研究，拟提拔任用下列同志，现予任前公示：',
          table: { headers: ['姓名', '性别', '现任职务', '拟任职务'], rows: ctx.rng.sample(SURNAMES, 2).map((s) => [anonymousPerson(s), ctx.rng.pick(['男', '女']), ctx.rng.pick(['城市建设股副股长', '办公室副主任', '村镇建设股干部']), ctx.rng.pick(['城市建设股股长', '办公室主任', '村镇建设股副股长'])]) },
          periodDays: 5, contact: `${HOUSING_NAME}办公室`, phone: unit.phone, signer: HOUSING_SIGNER, signedOn: d,
        })
      : [
          p(`根据工作需要，经县人力资源和社会保障局同意，${HOUSING_NAME}${title.includes('编外') ? '公开招聘编外工作人员' : title.includes('遴选') ? '面向全县公开遴选工作人员' : '所属事业单位公开招聘工作人员'}${ctx.rng.int(2, 6)}名。`),
          p('一、招聘原则：坚持公开、平等、竞争、择优的原则，按照考试与考察相结合的办法进行。'),
          p('二、报名条件：具有中华人民共和国国籍，遵守宪法和法律，具有良好的品行，身体健康，具备岗位所需的专业或技能条件。'),
          p(`三、报名方式：采取现场报名方式，报名地点为${HOUSING_NAME}办公室。`),
          p(`咨询电话：${unit.phone}。`),
          signature(HOUSING_SIGNER, d),
        ].join('\n');
    return [draft(ctx, {
      title, nodes: ['rsxx'], stage: 'management', genre: '公告', subject: '劳动、人事、监察', keywords: ['人事', i === 2 ? '任前公示' : '招聘'],
      summary: `${title}。`, source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick', body,
    })];
  },
};

const procurementIntentions: ItemKind = {
  id: 'zjj-procurement-intention',
  stage: 'management',
  weight: 2,
  fromYear: 2020,
  make: (ctx) => {
    const m = ctx.rng.int(ctx.year === 2020 ? 7 : 1, 12);
    const on = ctx.pickDate(monthStart(ctx.year, m), monthEnd(ctx.year, m));
    if (!on) return null;
    const unit = housingUnit(HOUSING_UNIT_KEYS.office);
    return [draft(ctx, {
      title: `${HOUSING_NAME}${ctx.year}年${m}月政府采购意向公开`, nodes: ['zfcg'], stage: 'management', genre: '公告', subject: '财政、金融、审计',
      keywords: ['政府采购', '采购意向'], summary: `公开${ctx.year}年${m}月起拟实施的政府采购项目意向。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: (d) => publicityBody({
        intro: '为便于供应商及时了解政府采购信息，根据财政部关于开展政府采购意向公开工作的有关规定，现将本单位采购意向公开如下：',
        table: {
          headers: ['采购项目名称', '采购需求概况', '预算金额（万元）', '预计采购时间'],
          rows: Array.from({ length: ctx.rng.int(1, 3) }, () => [
            ctx.rng.pick(['城区道路养护服务', '公租房小区物业服务', '房屋安全鉴定服务', '建设工程质量检测服务', '城市排水管网检测服务', '路灯维护服务']),
            '详见采购文件', wan(ctx, 20, 380), `${ctx.year}年${Math.min(12, m + ctx.rng.int(0, 2))}月`,
          ]),
        },
        extra: ['本次公开的采购意向是本单位政府采购工作的初步安排，具体采购项目情况以相关采购公告和采购文件为准。'],
        periodDays: null, contact: unit.source, phone: unit.phone, signer: HOUSING_SIGNER, signedOn: d,
      }),
    })];
  },
};

const roadOccupations: ItemKind = {
  id: 'zjj-road-occupation',
  stage: 'management',
  weight: 2,
  make: (ctx) => {
    const road = ctx.rng.pick(ROADS);
    const [a, b] = ctx.rng.sample(ROADS.filter((r) => r !== road), 2);
    const on = anyDay(ctx)!;
    const topic = housingTopic('zdxm');
    const unit = unitOf(topic);
    const from = addDays(on, ctx.rng.int(2, 6));
    const to = addDays(from, ctx.rng.int(15, 90));
    return [draft(ctx, {
      title: `关于${road}（${a}至${b}段）占道施工的通告`, nodes: ['zdly/szfw'], stage: 'management', genre: '通告', subject: topic.subject,
      keywords: ['占道施工', road], summary: `${chineseDate(from)}至${chineseDate(to)}，${road}${a}至${b}段占道施工。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: (d) => [
        p(`因${ctx.rng.pick(['雨污管网改造', '供水管道更新', '道路路面修复', '燃气管道铺设', '人行道改造'])}工程施工需要，经研究，决定自${chineseDate(from)}至${chineseDate(to)}，对${road}（${a}至${b}段）实施半幅封闭施工。`),
        p('施工期间，过往车辆和行人请按照现场交通标志绕行，注意安全。施工单位应当设置围挡和警示标志，夜间设置警示灯，并合理安排施工时间，减少对周边居民的影响。'),
        p(`由此给您带来的不便，敬请谅解。咨询电话：${unit.phone}。`),
        signature(HOUSING_SIGNER, d),
      ].join('\n'),
    })];
  },
};

export const HOUSING_MANAGEMENT_KINDS: ItemKind[] = [
  presalePermits, agencyFilings, regularReports, monthlyChecks, quarterlyChecks, rectificationNotices, housingAudits, personnel,
  procurementIntentions, roadOccupations,
];

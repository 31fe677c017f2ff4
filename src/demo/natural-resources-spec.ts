import type { SmallOrganSpec } from './small-organ-kinds.ts';
import { ORGAN_KEYS } from './organ-keys.ts';
import { organName, organPhone } from './organs.ts';
import { p, signature, table } from './body-templates.ts';
import { wan } from './kind-helpers.ts';
import { COUNTY, ESTATES, MUNICIPAL_PROJECTS, RURAL_TOWNSHIPS, TOWNSHIPS, SURNAMES, anonymousPerson } from './word-banks.ts';

/** 县自然资源和规划局: land supply, land requisition, planning permits and 不动产登记. */
const NAME = organName(ORGAN_KEYS.naturalResources);
const LAND = '国土资源、能源';

export const NATURAL_RESOURCES_SPEC: SmallOrganSpec = {
  organKey: ORGAN_KEYS.naturalResources,
  name: NAME,
  short: '县自然资源和规划局',
  we: '我局',
  visitor: '县自然资源和规划局负责同志',
  phone: organPhone(ORGAN_KEYS.naturalResources),
  noticeNode: 'gzdt',
  newsNode: 'gzdt',
  policySeries: [{ path: 'zcwj', numbering: 'regular', issuer: NAME }],
  normativeNode: 'zcwj',
  addressee: '各乡镇人民政府、街道办事处，县直有关单位',
  attendees: '各乡镇（街道）分管负责同志和自然资源所所长',
  leaderNode: 'jgzn/ldxx',
  personnelTitles: (y) => [`${NAME}${y}年公开招聘编外工作人员公告`, `${NAME}${y}年拟任职干部任前公示`],
  annualReportBy: 1,
  topics: [
    {
      name: '耕地保护', node: '', subject: LAND, keywords: ['耕地保护', '永久基本农田'],
      purpose: '落实最严格的耕地保护制度，坚决遏制耕地“非农化”、防止“非粮化”',
      basis: ['《中华人民共和国土地管理法》', '《基本农田保护条例》'],
      goals: ['耕地保有量和永久基本农田保护面积不低于上级下达的目标', '新增违法占用耕地问题动态清零'],
      measures: ['严格落实耕地保护党政同责', '规范耕地占补平衡，确保补充耕地数量、质量到位', '开展卫片执法，对违法占用耕地行为早发现、早制止、早查处', '建立田长制，实现耕地保护网格化管理'],
    },
    {
      name: '国土空间规划', node: 'zdly/cxgh', subject: LAND, keywords: ['国土空间规划', '城乡规划'],
      purpose: '统筹生产、生活、生态空间，发挥国土空间规划的战略引领和刚性管控作用',
      basis: ['《中华人民共和国城乡规划法》', '《中华人民共和国土地管理法》'],
      goals: ['县级国土空间总体规划和乡镇国土空间规划编制按期完成', '建设项目规划审批全部纳入“一张图”管理'],
      measures: ['规划编制全过程公开征求公众意见', '建设工程设计方案批前公示、规划许可批后公布', '严格规划条件核实，杜绝违反规划建设', '推进村庄规划编制，做到应编尽编'],
    },
    {
      name: '土地征收', node: 'zdly/zdbc', subject: LAND, keywords: ['土地征收', '征地补偿'],
      purpose: '规范土地征收程序，切实维护被征地农民合法权益',
      basis: ['《中华人民共和国土地管理法》', '《中华人民共和国土地管理法实施条例》'],
      goals: ['征地信息公开率达到100%', '征地补偿安置费用足额及时支付到位'],
      measures: ['土地征收前开展土地现状调查和社会稳定风险评估', '征地补偿安置方案在拟征收土地所在的乡镇和村、村民小组范围内公告不少于30日', '与拟征收土地的所有权人、使用权人签订征地补偿安置协议', '将被征地农民纳入相应的养老等社会保障体系'],
    },
    {
      name: '不动产登记便民服务', node: '', subject: LAND, keywords: ['不动产登记', '便民服务'],
      purpose: '深化不动产登记改革，提升企业和群众办事便利度',
      basis: ['《不动产登记暂行条例》'],
      goals: ['一般登记业务办理时间压缩至3个工作日以内', '抵押登记业务全部实现网上办理'],
      measures: ['推行不动产登记“一窗受理、并行办理”', '实现新建商品房“交房即交证”', '推进不动产登记与水电气网过户联动办理', '在银行网点设立不动产抵押登记便民服务点'],
    },
  ],
  normatives: [
    {
      id: 'zrzyj-2020', year: 2020, month: 9, topic: 2, name: `${COUNTY}集体土地征收补偿安置办法`, docName: '办法',
      scope: '本县行政区域内征收农民集体所有土地的补偿安置', validYears: 5, validity: 'valid',
      articles: ['征收土地应当依法及时足额支付土地补偿费、安置补助费以及农村村民住宅、其他地上附着物和青苗等的补偿费用', '被征地农民社会保障费用单独列支，专款专用'],
    },
    {
      id: 'zrzyj-2024', year: 2024, month: 6, topic: 2, name: `${COUNTY}集体土地征收补偿安置办法`, docName: '办法', replaces: 'zrzyj-2020',
      scope: '本县行政区域内征收农民集体所有土地的补偿安置', validYears: 5, validity: 'valid',
      articles: ['区片综合地价按照上级公布的最新标准执行', '农村村民住宅补偿坚持先补偿后搬迁、居住条件有改善的原则'],
      changes: '与原办法相比，本办法执行新公布的区片综合地价标准，完善了农村村民住宅补偿方式。原办法同时废止。',
    },
  ],
  special: [
    {
      id: 'zrzyj-supply-plan', stage: 'decision', weight: 0, yearly: true, months: [2, 4], nodes: ['zdly/tdgy', 'ghjh'], genre: '计划', subject: LAND,
      keywords: ['国有建设用地', '供应计划'], formed: 'document', title: (ctx) => `${COUNTY}${ctx.year}年度国有建设用地供应计划`,
      summary: (t) => `公布${t.replace(COUNTY, '')}。`,
      body: (ctx, on) => [
        p(`根据国民经济和社会发展计划、国土空间规划和土地利用年度计划，编制本计划。${ctx.year}年全县计划供应国有建设用地${ctx.rng.int(800, 2400)}亩。`),
        table(['用途', '计划供应面积（亩）'], [['工矿仓储用地', ctx.rng.int(200, 800)], ['商服用地', ctx.rng.int(50, 200)], ['住宅用地', ctx.rng.int(150, 600)], ['公共管理与公共服务用地', ctx.rng.int(100, 400)], ['交通运输用地', ctx.rng.int(100, 400)]]),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'zrzyj-plan-consultation', stage: 'decision', weight: 2, nodes: ['zdly/cxgh'], genre: '公示', subject: LAND, keywords: ['规划公示', '批前公示'],
      title: (ctx) => `${ctx.rng.pick([...ESTATES, ...MUNICIPAL_PROJECTS])}规划设计方案批前公示`,
      summary: (t) => `${t}，征求利害关系人意见。`,
      body: (ctx, on, title) => [
        p(`${title.replace('规划设计方案批前公示', '')}规划设计方案已编制完成，根据《中华人民共和国城乡规划法》的规定，现予批前公示，征求利害关系人和公众意见。`),
        p(`公示时间：10日；公示地点：项目现场和县政府网站。项目用地面积约${ctx.rng.int(12, 160)}亩，容积率${(ctx.rng.int(12, 25) / 10).toFixed(1)}，绿地率${ctx.rng.int(30, 40)}%。`),
        p(`意见反馈电话：${organPhone(ORGAN_KEYS.naturalResources)}。`),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'zrzyj-land-auction', stage: 'management', weight: 3, nodes: ['zdly/tdgy'], genre: '公告', subject: LAND, keywords: ['国有建设用地使用权', '挂牌出让'],
      title: (ctx) => `${COUNTY}${ctx.year}年第{{序}}批国有建设用地使用权挂牌出让公告`, sequenceMax: 10,
      summary: (t) => `${t.replace(COUNTY, '')}。`,
      body: (ctx, on) => [
        p(`经${COUNTY}人民政府批准，${NAME}决定以挂牌方式出让下列地块的国有建设用地使用权。现将有关事项公告如下：`),
        table(['地块位置', '面积（㎡）', '用途', '出让年限', '起始价（万元）'], Array.from({ length: ctx.rng.int(1, 3) }, () => [`${ctx.rng.pick(TOWNSHIPS.slice(0, 2))}${ctx.rng.pick(['东侧', '南侧', '西侧', '北侧'])}地块`, ctx.rng.int(6000, 80000), ctx.rng.pick(['住宅', '商服', '工业']), ctx.rng.pick(['70年', '40年', '50年']), wan(ctx, 300, 20000)])),
        p('申请人可以在公共资源交易中心网站下载出让文件，按规定交纳竞买保证金后参加竞买。'),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'zrzyj-requisition', stage: 'result', weight: 2, nodes: ['zdly/zdbc'], genre: '公告', subject: LAND, keywords: ['征地补偿', '安置方案'],
      title: (ctx) => `${ctx.rng.pick(RURAL_TOWNSHIPS)}${ctx.year}年第{{序}}批次城镇建设用地征地补偿安置方案公告`, sequenceMax: 3,
      summary: (t) => `${t.replace(/公告$/, '')}。`,
      body: (ctx, on) => [
        p('根据《中华人民共和国土地管理法》及其实施条例的规定，现将本批次征地补偿安置方案公告如下：'),
        table(['项目', '内容'], [['征收范围', '详见征地红线图'], ['征收面积', `${ctx.rng.int(30, 260)}亩`], ['补偿标准', '按照上级公布的区片综合地价执行'], ['安置方式', '货币安置，并将被征地农民纳入社会保障']]),
        p('被征地的农村集体经济组织、农村村民或者其他权利人对方案有异议的，可以在公告之日起30日内向县人民政府提出；过半数成员认为方案不符合法律法规规定的，将组织召开听证会。'),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'zrzyj-permit-result', stage: 'result', weight: 2, nodes: ['zdly/cxgh'], genre: '公示', subject: LAND, keywords: ['建设工程规划许可', '批后公布'],
      title: (ctx) => `${ctx.rng.pick(ESTATES)}${ctx.rng.pick(['一', '二', '三'])}期建设工程规划许可批后公布`,
      summary: (t) => `${t}。`,
      body: (ctx, on) => [
        p('下列建设项目已取得建设工程规划许可证，现予公布，接受社会监督：'),
        table(['项目名称', '建设单位', '建设规模（㎡）'], [[`${ctx.rng.pick(ESTATES)}项目`, `某${ctx.rng.pick(['置业有限公司', '房地产开发有限公司'])}`, ctx.rng.int(20000, 160000)]]),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'zrzyj-registration-guide', stage: 'service', weight: 2, nodes: ['gzdt'], genre: '办事指南', subject: LAND, keywords: ['不动产登记', '办事指南'],
      title: (ctx) => `不动产${ctx.rng.pick(['首次登记', '转移登记', '抵押登记', '变更登记', '更正登记', '注销登记'])}办事指南（${ctx.year}年版）`,
      summary: (t) => `${t.replace(/（.*）$/, '')}的申请材料、办理流程和时限。`,
      body: (ctx, on, title) => [
        p(`一、事项名称：${title.replace(/办事指南.*$/, '')}。二、设定依据：《不动产登记暂行条例》《不动产登记暂行条例实施细则》。`),
        p('三、申请材料：不动产登记申请书；申请人身份证明；不动产权属证书；登记原因证明文件。'),
        p(`四、办理时限：承诺${ctx.rng.int(1, 3)}个工作日。五、收费标准：按照国家规定的收费标准执行，小微企业免收登记费。`),
        p(`六、办理地点：${COUNTY}政务服务中心不动产登记窗口；咨询电话：${organPhone(ORGAN_KEYS.naturalResources)}。`),
        signature(`${COUNTY}不动产登记中心`, on),
      ].join('\n'),
    },
    {
      id: 'zrzyj-extended-hours', stage: 'service', weight: 1, nodes: ['gzdt'], genre: '公告', subject: LAND, keywords: ['不动产登记', '延时服务'],
      title: (ctx) => `关于${ctx.year}年不动产登记${ctx.rng.pick(['延时服务', '预约服务', '上门服务', '周末服务'])}的公告`,
      summary: (t) => `${t.replace(/^关于|的公告$/g, '')}安排。`,
      body: (ctx, on) => [
        p(`为方便企业和群众办事，县不动产登记中心推出便民服务措施。需要服务的群众可以提前拨打${organPhone(ORGAN_KEYS.naturalResources)}预约。`),
        p(`行动不便的老年人、残疾人等特殊群体，可以申请上门服务。联系人：${anonymousPerson(ctx.rng.pick(SURNAMES))}。`),
        signature(`${COUNTY}不动产登记中心`, on),
      ].join('\n'),
    },
  ],
};

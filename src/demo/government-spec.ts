import type { SmallOrganSpec } from './small-organ-kinds.ts';
import { ORGAN_KEYS } from './organ-keys.ts';
import { organName, organPhone } from './organs.ts';
import { p, signature, table } from './body-templates.ts';
import { chineseDate } from './demo-calendar.ts';
import { wan } from './kind-helpers.ts';
import { COUNTY, MUNICIPAL_PROJECTS, QUARTERS_CN, SURNAMES, TOWNSHIPS, anonymousPerson } from './word-banks.ts';

/** 青岚县人民政府: its own documents, plans, meetings and notices. */
const NAME = organName(ORGAN_KEYS.government);
const OFFICE = `${COUNTY}人民政府办公室`;

/** Holidays and the months in which notices about them go out. */
const HOLIDAYS: { name: string; months: [number, number] }[] = [
  { name: '元旦', months: [12, 12] }, { name: '春节', months: [1, 1] }, { name: '清明节', months: [3, 3] }, { name: '劳动节', months: [4, 4] },
  { name: '端午节', months: [5, 6] }, { name: '中秋节', months: [9, 9] }, { name: '国庆节', months: [9, 9] },
];
const holidayMonths = (title: string): [number, number] => HOLIDAYS.find((h) => title.includes(h.name))!.months;

export const GOVERNMENT_SPEC: SmallOrganSpec = {
  organKey: ORGAN_KEYS.government,
  name: NAME,
  short: '县政府',
  we: '县政府办公室',
  visitor: '县领导',
  phone: organPhone(ORGAN_KEYS.government),
  noticeNode: 'tzgg',
  newsNode: 'zwdt',
  policySeries: [
    { path: 'zcwj/xzfwj', numbering: 'regular', issuer: NAME },
    { path: 'zcwj/xzfbwj', numbering: 'office', issuer: OFFICE },
  ],
  normativeNode: 'zcwj/xzfwj',
  addressee: '各乡镇人民政府、街道办事处，县政府各部门、各直属机构',
  attendees: '各乡镇（街道）和县直有关单位负责同志',
  leaderNode: 'jgzn/zfld',
  personnelTitles: (y) => [`${COUNTY}${y}年公开招聘事业单位工作人员公告`, `${COUNTY}${y}年考试录用公务员公告`, `${COUNTY}${y}年公开招聘社区工作者公告`],
  annualReportBy: 3,
  topics: [
    {
      name: '优化营商环境', node: '', subject: '综合政务', keywords: ['营商环境', '放管服'],
      purpose: '持续深化“放管服”改革，打造市场化、法治化、便利化的一流营商环境',
      basis: ['《优化营商环境条例》'],
      goals: ['政务服务事项全程网办率达到90%以上', '企业开办时间压缩至1个工作日以内'],
      measures: ['全面推行政务服务“一网通办”“一窗通办”', '开展惠企政策“免申即享”', '建立企业诉求快速响应机制，做到件件有回音', '规范涉企检查，推行“综合查一次”'],
    },
    {
      name: '安全生产', node: 'zdly/aqsc', subject: '市场监管、安全生产监管', keywords: ['安全生产', '隐患排查'],
      purpose: '坚持人民至上、生命至上，有效防范化解重大安全风险',
      basis: ['《中华人民共和国安全生产法》'],
      goals: ['生产安全事故起数和死亡人数实现“双下降”', '坚决遏制较大及以上生产安全事故'],
      measures: ['压紧压实党政领导责任、部门监管责任和企业主体责任', '深入开展重点行业领域安全生产专项整治', '健全安全风险分级管控和隐患排查治理双重预防机制', '加强应急救援队伍建设和应急物资储备'],
    },
    {
      name: '重点项目建设', node: 'zdly/zdjsxm', subject: '国民经济管理、国有资产监管', keywords: ['重点项目', '有效投资'],
      purpose: '扩大有效投资，以项目建设推动全县经济高质量发展',
      basis: ['《政府投资条例》', '县委、县政府年度重点工作部署'],
      goals: ['全年重点项目完成投资达到年度计划', '新开工项目按期开工率达到90%以上'],
      measures: ['实行县级领导联系重点项目制度', '建立项目前期工作“绿色通道”', '按月调度、按季通报重点项目建设进度', '强化用地、资金等要素保障'],
    },
    {
      name: '乡村振兴', node: '', subject: '农业、林业、水利', keywords: ['乡村振兴', '和美乡村'],
      purpose: '全面推进乡村振兴，加快农业农村现代化',
      basis: ['《中华人民共和国乡村振兴促进法》'],
      goals: ['守住不发生规模性返贫的底线', '农村居民人均可支配收入增速高于城镇居民'],
      measures: ['巩固拓展脱贫攻坚成果，落实防止返贫动态监测和帮扶机制', '发展特色种养业和农产品加工业', '整治农村人居环境，建设宜居宜业和美乡村', '深化农村集体产权制度改革'],
    },
    {
      name: '政务公开', node: '', subject: '综合政务', keywords: ['政务公开', '政府信息公开'],
      purpose: '全面推进基层政务公开标准化规范化，更好保障人民群众知情权、参与权、表达权和监督权',
      basis: ['《中华人民共和国政府信息公开条例》'],
      goals: ['基层政务公开标准目录全面落地', '政策解读与文件同步发布率达到100%'],
      measures: ['动态调整各部门、各乡镇（街道）政务公开事项标准目录', '推进决策、执行、管理、服务、结果公开', '规范办理政府信息公开申请', '加强政府网站和政务新媒体管理'],
    },
  ],
  normatives: [
    {
      id: 'xzf-2020', year: 2020, month: 7, topic: 2, name: `${COUNTY}政府投资项目管理办法`, docName: '办法',
      scope: '本县使用预算安排的资金进行的固定资产投资建设活动',
      articles: ['政府投资项目实行审批制，项目单位应当编制项目建议书、可行性研究报告和初步设计', '政府投资项目建设投资原则上不得超过经核定的投资概算'],
      validYears: 5, validity: 'valid',
    },
    {
      id: 'xzf-2025', year: 2025, month: 5, topic: 2, name: `${COUNTY}政府投资项目管理办法`, docName: '办法', replaces: 'xzf-2020',
      scope: '本县使用预算安排的资金进行的固定资产投资建设活动',
      articles: ['政府投资项目应当纳入三年滚动投资计划，未列入计划的项目原则上不得安排政府投资', '政府投资项目实行项目法人责任制和工程监理制'],
      changes: '与原办法相比，本办法增加了三年滚动投资计划管理，完善了投资概算调整程序和绩效评价规定。原办法同时废止。',
      validYears: 5, validity: 'valid',
    },
    {
      id: 'xzf-2022', year: 2022, month: 9, topic: 0, name: `${COUNTY}涉企行政检查管理办法`, docName: '办法',
      scope: '本县行政机关对企业实施的行政检查',
      articles: ['行政检查实行计划管理，年度检查计划应当向社会公布', '同一部门对同一企业的多项检查事项，原则上合并进行'],
      validYears: 3, validity: 'expired',
    },
  ],
  special: [
    {
      id: 'xzf-appointments', stage: 'management', weight: 2, nodes: ['rsxx'], genre: '通知', subject: '劳动、人事、监察', keywords: ['人事任免'],
      title: (ctx) => `${NAME}${ctx.year}年第{{序}}批工作人员任免通知`, sequenceMax: 8, numbering: 'regular', formed: 'document',
      summary: (t) => `${t.replace(NAME, '县政府')}。`,
      body: (ctx, on) => [
        p('各乡镇人民政府、街道办事处，县政府各部门：'),
        p(`经县人民政府研究决定：任命${anonymousPerson(ctx.rng.pick(SURNAMES))}为${ctx.rng.pick(['县政府办公室副主任', '县政务服务中心副主任', '县重点工程建设服务中心主任'])}；免去${anonymousPerson(ctx.rng.pick(SURNAMES))}的${ctx.rng.pick(['县政府办公室副主任', '县政务服务中心副主任', '县重点工程建设服务中心主任'])}职务。`),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'xzf-website-check', stage: 'management', weight: 2, nodes: ['tzgg'], genre: '通报', subject: '综合政务', keywords: ['政府网站', '政务新媒体', '检查通报'],
      title: (ctx) => `${OFFICE}关于${ctx.year}年第{{序}}季度政府网站和政务新媒体检查情况的通报`, sequenceMax: 4, numbering: 'office', formed: 'document',
      summary: () => '通报本季度全县政府网站和政务新媒体抽查情况及整改要求。',
      body: (ctx, on) => [
        p('各乡镇人民政府、街道办事处，县政府各部门：'),
        p(`按照政府网站与政务新媒体检查指标要求，县政务公开办公室对全县政府网站栏目和${ctx.rng.int(30, 60)}个政务新媒体账号进行了抽查，总体合格率${ctx.rng.int(90, 100)}%。`),
        p('检查发现的主要问题：个别栏目更新不及时、存在空白栏目；部分政务新媒体互动回应不及时。请相关单位于10个工作日内完成整改，并将整改情况报县政务公开办公室。'),
        signature(OFFICE, on),
      ].join('\n'),
    },
    {
      id: 'xzf-executive-meeting', stage: 'execution', weight: 4, nodes: ['zwdt'], genre: '工作动态', keywords: ['常务会议'],
      title: (ctx) => `${COUNTY}人民政府${ctx.year}年第{{序}}次常务会议召开`, sequenceMax: 24,
      summary: (t) => `${t}，研究部署有关工作。`,
      body: (ctx, on, title) => [
        p(`${chineseDate(on)}，县长${anonymousPerson(ctx.rng.pick(SURNAMES))}主持召开${title.replace(/召开$/, '')}，研究部署有关工作。`),
        p(`会议传达学习了上级有关会议精神，听取了${ctx.rng.pick(['全县重点项目建设', '安全生产', '财政收支', '营商环境'])}工作情况汇报。`),
        p(`会议研究了${ctx.rng.pick(['《政府工作报告》重点工作任务分解', '民生实事项目推进', '城区老旧小区改造', '防汛抗旱'])}等事项，要求各有关单位抓好落实。`),
      ].join('\n'),
    },
    {
      id: 'xzf-holiday-safety', stage: 'execution', weight: 1, nodes: ['zdly/aqsc', 'tzgg'], genre: '通知', subject: '市场监管、安全生产监管', keywords: ['安全生产', '节日'],
      numbering: 'office', formed: 'document',
      title: (ctx) => `${OFFICE}关于做好${ctx.rng.pick(HOLIDAYS).name}期间安全生产工作的通知`, monthsFor: holidayMonths,
      summary: (t) => `${t.replace(OFFICE, '')}。`,
      body: (_ctx, on) => [
        p('各乡镇人民政府、街道办事处，县政府各部门：'),
        p('节日期间人员流动和聚集增多，安全生产风险上升。为确保全县安全生产形势稳定，现就有关事项通知如下：'),
        p('一、压实安全责任。各单位主要负责人要亲自部署、亲自检查。二、深入排查隐患。重点抓好道路交通、消防、燃气、建筑施工等领域隐患排查整治。三、严格值班值守。落实领导带班和24小时值班制度，遇有突发事件及时报告。'),
        signature(OFFICE, on),
      ].join('\n'),
    },
    {
      id: 'xzf-holiday-service', stage: 'service', weight: 2, nodes: ['tzgg'], genre: '公告', subject: '综合政务', keywords: ['政务服务', '节假日'],
      title: (ctx) => `关于${ctx.year}年${ctx.rng.pick(HOLIDAYS.slice(1)).name}期间县政务服务中心工作安排的公告`, monthsFor: holidayMonths,
      summary: (t) => t.replace(/^关于|的公告$/g, '') + '。',
      body: (ctx, on) => [
        p('根据国务院办公厅关于节假日安排的通知，现将县政务服务中心假期工作安排公告如下：'),
        p(`假期期间，县政务服务中心实体大厅暂停办理业务，网上办事平台正常受理申请，节后第一个工作日起按时办理。企业群众有紧急事项的，可以拨打值班电话${organPhone(ORGAN_KEYS.government)}。`),
        signature(`${COUNTY}政务服务中心`, on),
      ].join('\n'),
    },
    {
      id: 'xzf-service-list', stage: 'service', weight: 1, nodes: ['tzgg'], genre: '其他', subject: '综合政务', keywords: ['政务服务', '事项清单'],
      title: (ctx) => ctx.rng.pick([`${COUNTY}政务服务事项清单（${ctx.year}年版）`, `${COUNTY}“高效办成一件事”事项清单（${ctx.year}年）`, `${COUNTY}便民服务热线受理渠道公告（${ctx.year}年）`]),
      summary: (t) => `${t}。`,
      body: (ctx, on) => [
        p('为方便企业和群众办事，现将有关服务事项和办理渠道公布如下：'),
        table(['服务渠道', '地址或方式', '服务时间'], [['县政务服务中心', '岚城街道政务中心路88号', '工作日'], ['网上办事平台', '县政府网站“办事服务”栏目', '全天'], ['便民服务热线', organPhone(ORGAN_KEYS.government), '工作日']]),
        p(`本清单实行动态调整。咨询电话：${organPhone(ORGAN_KEYS.government)}。`),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'xzf-project-plan', stage: 'decision', weight: 0, yearly: true, months: [2, 4], nodes: ['ghjh', 'zdly/zdjsxm'], genre: '计划',
      subject: '国民经济管理、国有资产监管', keywords: ['重点项目', '投资计划'], formed: 'document',
      title: (ctx) => `${COUNTY}${ctx.year}年重点项目投资计划`,
      summary: (t) => `公布${t.replace(COUNTY, '')}。`,
      body: (ctx, on) => [
        p(`${ctx.year}年全县共安排重点项目${ctx.rng.int(60, 120)}个，年度计划投资${wan(ctx, 300000, 900000)}万元。部分城建类项目如下：`),
        table(['项目名称', '建设地点', '年度计划投资（万元）', '责任单位'], ctx.rng.sample(MUNICIPAL_PROJECTS, 5).map((x) => [x, ctx.rng.pick(TOWNSHIPS.slice(0, 2)), wan(ctx, 500, 12000), '县住房和城乡建设局'])),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'xzf-work-report', stage: 'decision', weight: 0, yearly: true, months: [1, 2], nodes: ['ghjh'], genre: '报告', subject: '综合政务', keywords: ['政府工作报告'],
      title: (ctx) => `${ctx.year}年${COUNTY}人民政府工作报告`,
      summary: () => '县长代表县人民政府向县人民代表大会作的工作报告。',
      body: (ctx) => [
        p(`各位代表：现在，我代表县人民政府向大会报告工作，请予审议。`),
        p(`一、${ctx.year - 1}年工作回顾。过去一年，全县地区生产总值增长${ctx.rng.int(40, 80) / 10}%，一般公共预算收入增长${ctx.rng.int(20, 90) / 10}%，城乡居民收入稳步增长，各项社会事业全面进步。`),
        p(`二、${ctx.year}年主要目标任务。地区生产总值增长${ctx.rng.int(50, 70) / 10}%左右，城乡居民人均可支配收入增长与经济增长基本同步。重点抓好扩大有效投资、优化营商环境、推进乡村振兴、增进民生福祉等工作。`),
        p('三、加强政府自身建设。坚持依法行政，深化政务公开，持续改进作风，努力建设人民满意的政府。'),
      ].join('\n'),
    },
    {
      id: 'xzf-statistics', stage: 'result', weight: 0, yearly: true, months: [3, 4], nodes: ['tzgg'], genre: '公报', subject: '国民经济管理、国有资产监管', keywords: ['统计公报'],
      title: (ctx) => `${COUNTY}${ctx.year - 1}年国民经济和社会发展统计公报`,
      summary: (t) => `发布${t.replace(COUNTY, '')}。`,
      body: (ctx, on) => [
        p(`${ctx.year - 1}年，全县经济运行总体平稳、稳中有进。初步核算，全年地区生产总值${wan(ctx, 1500000, 3200000)}万元，按不变价格计算，比上年增长${ctx.rng.int(30, 80) / 10}%。`),
        table(['指标', '数值', '比上年增长'], [['一般公共预算收入（万元）', wan(ctx, 80000, 160000), `${ctx.rng.int(10, 90) / 10}%`], ['固定资产投资', '—', `${ctx.rng.int(20, 120) / 10}%`], ['城镇居民人均可支配收入（元）', ctx.rng.int(32000, 46000), `${ctx.rng.int(40, 70) / 10}%`], ['农村居民人均可支配收入（元）', ctx.rng.int(15000, 24000), `${ctx.rng.int(60, 90) / 10}%`]]),
        signature(`${COUNTY}统计局`, on),
      ].join('\n'),
    },
    {
      id: 'xzf-livelihood-progress', stage: 'result', weight: 2, nodes: ['tzgg'], genre: '报告', subject: '综合政务', keywords: ['民生实事'],
      title: (ctx) => `${ctx.year}年第${QUARTERS_CN[ctx.rng.int(0, 2)]}季度民生实事项目进展情况`,
      monthsFor: (t) => { const q = QUARTERS_CN.findIndex((x) => t.includes(`第${x}季度`)) + 1; return [q * 3 + 1, q * 3 + 1]; },
      summary: (t) => `通报${t.replace(/进展情况$/, '')}推进情况。`,
      body: (ctx, on) => [
        p(`${ctx.year}年，县政府确定了${ctx.rng.int(10, 15)}项民生实事。截至本季度末，各项目总体进展顺利，已完成年度投资的${ctx.rng.int(20, 95)}%。`),
        p('老旧小区改造、农村道路提升、学校扩容、养老服务设施建设等项目按计划推进，个别项目因前期手续原因进度滞后，已督促责任单位加快推进。'),
        signature(OFFICE, on),
      ].join('\n'),
    },
  ],
};

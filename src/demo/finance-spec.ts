import type { SmallOrganSpec } from './small-organ-kinds.ts';
import { ORGAN_KEYS } from './organ-keys.ts';
import { organName, organPhone } from './organs.ts';
import { p, signature, table } from './body-templates.ts';
import { wan } from './kind-helpers.ts';
import { COUNTY, RURAL_TOWNSHIPS, TOWNSHIPS } from './word-banks.ts';

/** 县财政局: government budgets and accounts, debt, and subsidies paid through the 一卡通. */
const NAME = organName(ORGAN_KEYS.finance);
const FISCAL = '财政、金融、审计';

export const FINANCE_SPEC: SmallOrganSpec = {
  organKey: ORGAN_KEYS.finance,
  name: NAME,
  short: '县财政局',
  we: '我局',
  visitor: '县财政局负责同志',
  phone: organPhone(ORGAN_KEYS.finance),
  noticeNode: 'gzdt',
  newsNode: 'gzdt',
  policySeries: [{ path: 'zcwj', numbering: 'regular', issuer: NAME }],
  normativeNode: 'zcwj',
  addressee: '各乡镇人民政府、街道办事处，县直各预算单位',
  attendees: '各乡镇（街道）财政所负责人和县直预算单位财务人员',
  leaderNode: 'jgzn/ldxx',
  personnelTitles: (y) => [`${NAME}${y}年公开选调工作人员公告`, `${NAME}${y}年拟任职干部任前公示`],
  annualReportBy: 1,
  topics: [
    {
      name: '预算绩效管理', node: '', subject: FISCAL, keywords: ['预算绩效', '财政资金'],
      purpose: '全面实施预算绩效管理，提高财政资源配置效率和使用效益',
      basis: ['《中华人民共和国预算法》', '《中华人民共和国预算法实施条例》'],
      goals: ['县级部门预算项目绩效目标编制实现全覆盖', '绩效评价结果与预算安排有机衔接'],
      measures: ['新增重大政策和项目开展事前绩效评估', '对预算执行进度和绩效目标实现程度实行“双监控”', '开展重点项目财政绩效评价，评价结果向社会公开', '将绩效评价结果作为调整预算的重要依据'],
    },
    {
      name: '惠民惠农财政补贴资金管理', node: 'zdly/snbt', subject: FISCAL, keywords: ['惠民惠农', '一卡通', '补贴资金'],
      purpose: '规范惠民惠农财政补贴资金“一卡通”发放管理，确保补贴资金安全、及时、足额发放到户',
      basis: ['惠民惠农财政补贴资金“一卡通”管理的有关规定'],
      goals: ['补贴资金全部通过“一卡通”系统发放', '补贴政策清单和发放结果公开率100%'],
      measures: ['统一使用社会保障卡发放补贴资金，杜绝代领冒领', '按规定公开补贴政策、发放对象和发放金额，接受群众监督', '开展“一卡通”专项治理，严查截留挪用补贴资金行为', '畅通群众咨询投诉渠道'],
    },
    {
      name: '政府债务管理', node: 'zdly/zfzw', subject: FISCAL, keywords: ['政府债务', '专项债券'],
      purpose: '加强政府债务管理，有效防范化解地方政府债务风险',
      basis: ['《中华人民共和国预算法》'],
      goals: ['政府债务余额控制在上级核定的限额以内', '专项债券资金按规定用途及时使用'],
      measures: ['严格落实政府债务限额管理和预算管理', '加强专项债券项目储备，做好项目前期工作', '按规定公开政府债务限额、余额和债券资金使用情况', '健全债务风险预警和应急处置机制'],
    },
    {
      name: '政府采购监督管理', node: '', subject: FISCAL, keywords: ['政府采购', '营商环境'],
      purpose: '规范政府采购行为，优化政府采购营商环境',
      basis: ['《中华人民共和国政府采购法》', '《中华人民共和国政府采购法实施条例》'],
      goals: ['政府采购意向公开实现全覆盖', '中小企业参与政府采购的比例稳步提高'],
      measures: ['全面推行政府采购意向公开', '落实政府采购支持中小企业政策', '推进政府采购全流程电子化', '开展政府采购代理机构监督检查'],
    },
  ],
  normatives: [
    {
      id: 'czj-2021', year: 2021, month: 4, topic: 0, name: `${COUNTY}县级财政专项资金管理办法`, docName: '办法',
      scope: '县级财政预算安排的具有专门用途的专项资金', validYears: 5, validity: 'valid',
      articles: ['专项资金实行目录清单管理，未列入目录清单的不得安排', '专项资金分配结果应当在下达后20日内向社会公开'],
    },
  ],
  special: [
    {
      id: 'czj-government-budget', stage: 'management', weight: 0, yearly: true, months: [2, 3], nodes: ['zdly/zfyjs', 'czyjs'], genre: '预决算',
      subject: FISCAL, keywords: ['政府预算'], title: (ctx) => `${COUNTY}${ctx.year}年政府预算公开`, summary: (t) => `${t}，含一般公共预算、政府性基金预算等。`,
      body: (ctx, on) => [
        p(`经县人民代表大会批准，现将${COUNTY}${ctx.year}年政府预算公开如下：`),
        table(['项目', '预算数（万元）'], [['一般公共预算收入', wan(ctx, 80000, 160000)], ['一般公共预算支出', wan(ctx, 300000, 520000)], ['政府性基金预算收入', wan(ctx, 60000, 200000)], ['国有资本经营预算收入', wan(ctx, 200, 3000)]]),
        p('政府预算收支表、转移支付表和“三公”经费预算表详见附件。'),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'czj-government-accounts', stage: 'result', weight: 0, yearly: true, months: [8, 9], nodes: ['zdly/zfyjs', 'czyjs'], genre: '预决算',
      subject: FISCAL, keywords: ['政府决算'], title: (ctx) => `${COUNTY}${ctx.year - 1}年政府决算公开`, summary: (t) => `${t}。`,
      body: (ctx, on) => [
        p(`经县人民代表大会常务委员会批准，现将${COUNTY}${ctx.year - 1}年政府决算公开如下：`),
        table(['项目', '决算数（万元）', '完成预算'], [['一般公共预算收入', wan(ctx, 80000, 160000), `${ctx.rng.int(96, 108)}%`], ['一般公共预算支出', wan(ctx, 300000, 520000), `${ctx.rng.int(92, 101)}%`]]),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'czj-debt', stage: 'management', weight: 0, yearly: true, months: [6, 8], nodes: ['zdly/zfzw'], genre: '其他',
      subject: FISCAL, keywords: ['政府债务', '限额', '余额'], title: (ctx) => `${COUNTY}${ctx.year - 1}年末政府债务限额及余额情况`, summary: (t) => `公开${t.replace(COUNTY, '')}。`,
      body: (ctx, on) => [
        p(`截至${ctx.year - 1}年末，全县政府债务余额控制在上级核定的限额以内。`),
        table(['项目', '限额（万元）', '余额（万元）'], [['一般债务', wan(ctx, 200000, 300000), wan(ctx, 150000, 199000)], ['专项债务', wan(ctx, 300000, 500000), wan(ctx, 250000, 299000)]]),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'czj-bond-use', stage: 'result', weight: 1, months: [9, 12], nodes: ['zdly/zfzw'], genre: '其他',
      subject: FISCAL, keywords: ['专项债券', '资金使用'], title: (ctx) => `${COUNTY}${ctx.year}年第{{序}}批新增专项债券资金使用情况`, sequenceMax: 3,
      summary: (t) => `公开${t.replace(COUNTY, '')}。`,
      body: (ctx, on) => [
        p('现将新增专项债券资金安排和使用情况公开如下：'),
        table(['项目名称', '债券金额（万元）', '已支出（万元）'], Array.from({ length: ctx.rng.int(2, 4) }, () => [ctx.rng.pick(['城区老旧小区改造项目', '县城污水管网建设项目', '工业园区标准化厂房项目', '县医院综合楼项目', '城南棚户区改造项目']), wan(ctx, 3000, 20000), wan(ctx, 1000, 3000)])),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'czj-subsidy-payment', stage: 'result', weight: 3, nodes: ['zdly/snbt'], genre: '公示',
      subject: FISCAL, keywords: ['惠民惠农', '补贴发放'], title: (ctx) => `${ctx.year}年第{{序}}批惠民惠农财政补贴资金发放情况`, sequenceMax: 8,
      summary: (t) => `公开${t.replace(/情况$/, '')}的项目、对象户数和金额。`,
      body: (ctx, on) => [
        p('现将本批次通过“一卡通”发放的惠民惠农财政补贴资金情况公示如下：'),
        table(['补贴项目', '发放户（人）数', '发放金额（万元）'], ctx.rng.sample(['耕地地力保护补贴', '城乡居民最低生活保障金', '特困人员救助供养金', '困难残疾人生活补贴', '重度残疾人护理补贴', '农村危房改造补助'], 3).map((x) => [x, ctx.rng.int(120, 26000), wan(ctx, 10, 900)])),
        p(`如有疑问，请向户籍所在乡镇（街道）或县财政局咨询，电话：${organPhone(ORGAN_KEYS.finance)}。`),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'czj-farmland-subsidy', stage: 'result', weight: 1, months: [5, 7], nodes: ['zdly/snbt'], genre: '公示',
      subject: '农业、林业、水利', keywords: ['耕地地力保护补贴'], title: (ctx) => `${ctx.year}年耕地地力保护补贴发放情况公示（${ctx.rng.pick(RURAL_TOWNSHIPS)}）`,
      summary: (t) => `${t.replace('公示', '')}。`,
      body: (ctx, on) => [
        p(`${ctx.year}年耕地地力保护补贴标准为每亩${ctx.rng.int(95, 125)}元，补贴资金已通过“一卡通”发放到户。本乡镇发放情况如下：`),
        table(['项目', '数量'], [['补贴面积（亩）', ctx.rng.int(20000, 90000)], ['补贴户数（户）', ctx.rng.int(3000, 12000)], ['补贴金额（万元）', wan(ctx, 200, 1000)]]),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'czj-subsidy-list', stage: 'service', weight: 2, nodes: ['zdly/snbt'], genre: '其他', subject: FISCAL, keywords: ['惠民惠农', '政策清单'],
      title: (ctx) => ctx.rng.pick([`${COUNTY}惠民惠农财政补贴政策清单（${ctx.year}年）`, `惠民惠农财政补贴资金“一卡通”问答（${ctx.year}年）`, `${ctx.year}年财政票据领购办事指南`, `${ctx.year}年政府采购供应商注册指南`]),
      summary: (t) => `${t}。`,
      body: (ctx, on, title) => [
        p(title.includes('清单') ? '现将本县惠民惠农财政补贴政策清单公布如下，群众可对照查询本人享受补贴情况：' : '为方便群众和单位办事，现将有关事项说明如下：'),
        table(['事项', '主管部门', '咨询电话'], [['耕地地力保护补贴', '县农业农村局', '0564-5027101'], ['城乡居民最低生活保障', '县民政局', '0564-5028012'], ['补贴资金发放查询', '县财政局', organPhone(ORGAN_KEYS.finance)]]),
        p(`各乡镇（街道）财政所设有咨询窗口，地址见附表。办理地点：${ctx.rng.pick(TOWNSHIPS)}财政所及县政务服务中心财政窗口。`),
        signature(NAME, on),
      ].join('\n'),
    },
  ],
};

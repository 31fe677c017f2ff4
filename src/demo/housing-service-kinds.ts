import type { Draft, ItemKind, YearContext } from './item-kind.ts';
import { housingTopic } from './housing-topics.ts';
import { HOUSING_NAME, HOUSING_SIGNER, unitOf } from './housing-common.ts';
import { SERVICE_GUIDES } from './housing-service-guides.ts';
import { housingUnit } from './organs.ts';
import { HOUSING_UNIT_KEYS } from './organ-keys.ts';
import { anyDay, draft, inMonths, reportQuarters, seq } from './kind-helpers.ts';
import { heading, p, serviceGuideBody, signature, table } from './body-templates.ts';
import { addDays, chineseDate, chineseMonthDay } from './demo-calendar.ts';
import { COUNTY, ESTATES, EXPROPRIATION_AREAS, MUNICIPAL_PROJECTS, QUARTERS_CN, ROADS } from './word-banks.ts';

/** 服务公开 items of 县住房和城乡建设局: outages, traffic notices, service guides and practical tips. */

const urban = () => unitOf(housingTopic('gsrq'));

const waterOutages: ItemKind = {
  id: 'zjj-water-outage',
  stage: 'service',
  weight: 4,
  make: (ctx) => {
    const on = anyDay(ctx)!;
    const day = addDays(on, ctx.rng.int(1, 3));
    const road = ctx.rng.pick(ROADS);
    const unit = urban();
    const start = ctx.rng.pick([8, 9, 20, 22]);
    const hours = ctx.rng.int(4, 10);
    const reason = ctx.rng.pick(['供水管网碰口连接', '供水主管道维修', '阀门更换', '老旧管网改造', '配合道路施工迁改供水管道']);
    return [draft(ctx, {
      title: `关于${chineseMonthDay(day)}${road}片区临时停水的通知`, nodes: ['zdly/szfw'], stage: 'service', genre: '通知',
      subject: '城乡建设、环境保护', keywords: ['停水', '供水', road], summary: `因${reason}，${chineseMonthDay(day)}${road}片区临时停水。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'same',
      body: (d) => [
        p('广大用户：'),
        p(`因${reason}需要，定于${chineseDate(day)}${start}:00至${(start + hours) % 24}:00对${road}沿线及周边区域暂停供水，恢复供水时间视施工进度可能提前或者推迟。`),
        p('请停水区域内的单位和居民提前做好储水准备，停水期间请关闭水龙头，以免恢复供水时造成损失。恢复供水初期如出现水质浑浊，请放水片刻后再使用。'),
        p(`由此带来的不便，敬请谅解。咨询电话：${unit.phone}。`),
        signature(HOUSING_SIGNER, d),
      ].join('\n'),
    })];
  },
};

const trafficNotices: ItemKind = {
  id: 'zjj-traffic',
  stage: 'service',
  weight: 2,
  make: (ctx) => {
    const project = ctx.rng.pick(MUNICIPAL_PROJECTS);
    const on = anyDay(ctx)!;
    const from = addDays(on, ctx.rng.int(2, 7));
    const to = addDays(from, ctx.rng.int(20, 120));
    const unit = urban();
    const [detour1, detour2] = ctx.rng.sample(ROADS, 2);
    return [draft(ctx, {
      title: `关于${project}施工期间交通组织调整的公告`, nodes: ['zdly/szfw', 'zdly/zdjsxm'], stage: 'service', genre: '公告',
      subject: '城乡建设、环境保护', keywords: ['交通组织', '施工'], summary: `${project}施工期间（${chineseDate(from)}至${chineseDate(to)}）交通组织调整。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: (d) => [
        p(`为加快推进${project}建设，经与县公安局交通管理大队会商，决定自${chineseDate(from)}至${chineseDate(to)}对施工路段实施交通组织调整。现将有关事项公告如下：`),
        p(`一、施工路段禁止机动车通行，行人和非机动车请在施工围挡外侧通道通行。二、过往车辆请提前选择${detour1}、${detour2}绕行。三、施工期间请遵守现场交通标志和管理人员指挥。`),
        p(`给市民出行带来的不便，敬请谅解。咨询电话：${unit.phone}。`),
        signature(HOUSING_SIGNER, d),
      ].join('\n'),
    })];
  },
};

const waterQuality: ItemKind = {
  id: 'zjj-water-quality',
  stage: 'service',
  weight: 0,
  recurring: (ctx) => reportQuarters(ctx.year).flatMap((rq): Draft[][] => {
    const on = ctx.pickDate(rq.from, rq.to);
    if (!on) return [];
    const unit = urban();
    const f = (min: number, max: number, digits: number) => (min + ctx.rng.float() * (max - min)).toFixed(digits);
    return [[draft(ctx, {
      title: `${rq.y}年第${QUARTERS_CN[rq.q - 1]}季度城区供水水质信息公示`, nodes: ['zdly/szfw'], stage: 'service', genre: '公示',
      subject: '城乡建设、环境保护', keywords: ['供水水质', '水质公示'], summary: `公开${rq.y}年第${QUARTERS_CN[rq.q - 1]}季度城区出厂水和管网水水质检测结果。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: (d) => [
        p(`${rq.y}年第${QUARTERS_CN[rq.q - 1]}季度，县城供水企业按规定对出厂水和管网水进行了水质检测，检测结果均符合《生活饮用水卫生标准》的要求。主要指标如下：`),
        table(['检测项目', '标准限值', '出厂水', '管网水'], [
          ['浑浊度（NTU）', '≤1', f(0.1, 0.4, 2), f(0.15, 0.6, 2)],
          ['游离氯（mg/L）', '出厂水≥0.3，管网末梢≥0.05', f(0.5, 0.9, 2), f(0.2, 0.5, 2)],
          ['菌落总数（CFU/mL）', '≤100', String(ctx.rng.int(0, 8)), String(ctx.rng.int(0, 15))],
          ['总大肠菌群', '不得检出', '未检出', '未检出'],
          ['pH', '6.5～8.5', f(7.0, 7.6, 1), f(7.0, 7.7, 1)],
        ]),
        p(`如对供水水质有疑问，请拨打${unit.phone}咨询。`),
        signature(HOUSING_SIGNER, d),
      ].join('\n'),
    })]];
  }),
};

const guides: ItemKind = {
  id: 'zjj-guide',
  stage: 'service',
  weight: 3,
  make: (ctx) => {
    const g = ctx.rng.pick(SERVICE_GUIDES);
    const unitKey = { urban: HOUSING_UNIT_KEYS.urban, quality: HOUSING_UNIT_KEYS.quality, realEstate: HOUSING_UNIT_KEYS.realEstate, rural: HOUSING_UNIT_KEYS.rural }[g.unit];
    const unit = housingUnit(unitKey);
    const on = anyDay(ctx)!;
    const revised = ctx.year > 2019 ? `（${ctx.year}年修订）` : '';
    return [draft(ctx, {
      title: `${g.item}办事指南${revised}`, nodes: [g.node], stage: 'service', genre: '办事指南', subject: '城乡建设、环境保护',
      keywords: [g.item, '办事指南'], summary: `${g.item}的设定依据、申请条件、申请材料、办理流程和办理时限。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: () => serviceGuideBody({ ...g, place: `${COUNTY}政务服务中心住建窗口`, phone: unit.phone }),
    })];
  },
};

const housingApplications: ItemKind = {
  id: 'zjj-housing-application',
  stage: 'service',
  weight: 1,
  make: (ctx) => {
    const n = '{{序}}';
    const on = anyDay(ctx)!;
    const unit = unitOf(housingTopic('gzf'));
    const until = addDays(on, ctx.rng.int(20, 40));
    return [seq(4, draft(ctx, {
      title: `关于受理${ctx.year}年第${n}批公共租赁住房申请的公告`, nodes: ['zdly/bzxzf'], stage: 'service', genre: '公告',
      subject: '城乡建设、环境保护', keywords: ['公共租赁住房', '申请受理'], summary: `${chineseDate(on)}至${chineseDate(until)}受理公共租赁住房申请。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'same',
      body: (d) => [
        p(`为解决城镇中等偏下收入住房困难家庭、新就业无房职工和外来务工人员的住房困难，现开始受理${ctx.year}年第${n}批公共租赁住房申请。`),
        p(`一、受理时间：${chineseDate(on)}至${chineseDate(until)}（法定节假日除外）。`),
        p('二、受理地点：申请人户籍或者工作单位所在地社区居民委员会。'),
        p('三、申请条件和申请材料详见《公共租赁住房申请办事指南》。申请人应当如实申报家庭人口、收入和住房情况，弄虚作假的，不予受理并记入诚信档案。'),
        p(`咨询电话：${unit.phone}。`),
        signature(HOUSING_SIGNER, d),
      ].join('\n'),
    }))];
  },
};

const policyQA: ItemKind = {
  id: 'zjj-policy-qa',
  stage: 'service',
  weight: 1,
  make: (ctx) => {
    const area = ctx.rng.pick(EXPROPRIATION_AREAS);
    const rural = ctx.rng.chance(0.35);
    const topic = housingTopic(rural ? 'wfgz' : 'zs');
    const unit = unitOf(topic);
    const on = anyDay(ctx)!;
    const title = rural ? `${ctx.year}年农村低收入群体住房安全保障政策问答` : `${area}项目房屋征收政策问答`;
    const qa = rural
      ? [
          ['哪些农户可以申请农村危房改造？', '农村低收入群体等重点对象，现住房经鉴定属于C级或者D级危房的，可以申请。'],
          ['改造方式有哪些？', 'C级危房原则上维修加固，D级危房原则上拆除重建，也可以通过统建农村集体公租房、修缮加固闲置农房等方式解决。'],
          ['补助资金怎么发放？', '改造竣工验收合格后，补助资金通过“一卡通”直接拨付到农户账户。'],
        ]
      : [
          ['房屋征收补偿有哪些方式？', '被征收人可以选择货币补偿，也可以选择房屋产权调换。'],
          ['被征收房屋的价值如何确定？', '由被征收人协商选定的房地产价格评估机构评估确定；协商不成的，通过摇号等方式随机选定评估机构。'],
          ['对评估结果有异议怎么办？', '可以自收到评估报告之日起10日内向评估机构申请复核评估；对复核结果有异议的，可以向房地产价格评估专家委员会申请鉴定。'],
          ['按期签约搬迁有没有奖励？', '在签约期限内签订补偿协议并按期搬迁的，按照征收补偿方案的规定给予搬迁奖励。'],
        ];
    return [draft(ctx, {
      title, nodes: [topic.node], stage: 'service', genre: '其他', subject: topic.subject, keywords: [...topic.keywords.slice(0, 2), '政策问答'],
      summary: `以问答形式解答${rural ? '农村危房改造' : `${area}项目房屋征收`}群众关心的问题。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'quick',
      body: () => [...qa.flatMap(([q, a]) => [heading(`问：${q}`), p(`答：${a}`)]), p(`更多问题请咨询：${unit.phone}。`)].join('\n'),
    })];
  },
};

const TIPS: { title: (y: number) => string; months: [number, number]; text: string[] }[] = [
  { title: (y) => `${y}年汛期城区易积水点位及出行提示`, months: [5, 7], text: ['汛期已至，为保障市民出行安全，现将城区易积水点位公布如下，暴雨期间请尽量绕行，切勿涉水通行。', '县住建局已在易积水点位安排值守人员和抽排设备，遇强降雨时将及时抽排积水。'] },
  { title: () => '关于做好春节期间燃气安全使用的温馨提示', months: [1, 2], text: ['春节临近，用气量增加，请广大用户注意用气安全：使用燃气时保持通风，人离火灭；定期检查燃气软管，发现老化及时更换。', '如闻到燃气异味，请立即关闭阀门、打开门窗，不要开关电器、不要使用明火，到室外安全地点拨打燃气企业抢修电话。'] },
  { title: () => '关于做好国庆期间燃气安全使用的温馨提示', months: [9, 9], text: ['国庆假期将至，外出前请关闭燃气总阀门。餐饮场所要落实燃气安全管理责任，规范使用燃气设施。', '请不要私自改装、拆除燃气设施，不要使用不合格的燃气器具。'] },
  { title: (y) => `城区公共厕所分布信息（${y}年更新）`, months: [3, 6], text: ['为方便市民和游客如厕，现将城区公共厕所分布情况公布如下。所有公厕免费开放，开放时间为每日6:00—22:00。'] },
  { title: (y) => `城区公共停车场分布及收费标准公示（${y}年）`, months: [4, 8], text: ['现将城区公共停车场位置、泊位数量和收费标准公示如下，请市民有序停放车辆。'] },
  { title: () => '关于调整城区路灯夏季亮灯时间的公告', months: [4, 5], text: ['根据季节变化，自5月1日起城区路灯亮灯时间调整为19:00，熄灯时间调整为次日5:30。'] },
  { title: () => '关于调整城区路灯冬季亮灯时间的公告', months: [10, 10], text: ['根据季节变化，自11月1日起城区路灯亮灯时间调整为17:40，熄灯时间调整为次日6:20。'] },
];

const tips: ItemKind = {
  id: 'zjj-tips',
  stage: 'service',
  weight: 2,
  make: (ctx) => {
    const t = ctx.rng.pick(TIPS);
    const on = inMonths(ctx, t.months[0], t.months[1]);
    if (!on) return null;
    const unit = urban();
    const title = t.title(ctx.year);
    const withTable = title.includes('积水') || title.includes('公共厕所') || title.includes('停车场');
    return [draft(ctx, {
      title, nodes: ['zdly/szfw'], stage: 'service', genre: title.includes('公告') ? '公告' : '其他', subject: '城乡建设、环境保护',
      keywords: ['便民服务', title.includes('燃气') ? '燃气安全' : '市政设施'], summary: `${title}。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'same',
      body: (d) => [
        ...t.text.map((x) => p(x)),
        ...(withTable ? [table(['序号', '位置', '备注'], ctx.rng.sample(ROADS, ctx.rng.int(4, 7)).map((r, i) => [i + 1, `${r}${ctx.rng.pick(['与', '近'])}${ctx.rng.pick(ESTATES)}`, ctx.rng.pick(['', '夜间开放', '设有无障碍设施', '雨天易积水'])]))] : []),
        p(`咨询电话：${unit.phone}。`),
        signature(HOUSING_SIGNER, d),
      ].join('\n'),
    })];
  },
};

const streetlights: ItemKind = {
  id: 'zjj-streetlight',
  stage: 'service',
  weight: 1,
  make: (ctx: YearContext) => {
    const road = ctx.rng.pick(ROADS);
    const on = anyDay(ctx)!;
    const day = addDays(on, ctx.rng.int(1, 4));
    const unit = urban();
    return [draft(ctx, {
      title: `关于${chineseMonthDay(day)}${road}路灯线路检修的公告`, nodes: ['zdly/szfw'], stage: 'service', genre: '公告',
      subject: '城乡建设、环境保护', keywords: ['路灯', '检修'], summary: `${chineseMonthDay(day)}${road}路灯线路检修，部分路段夜间照明暂停。`,
      source: unit.source, consultPhone: unit.phone, publishedOn: on, formed: 'same',
      body: (d) => [
        p(`为消除路灯线路安全隐患，${HOUSING_NAME}定于${chineseDate(day)}对${road}路灯线路进行检修，检修期间该路段部分路灯暂停照明。`),
        p('请过往车辆和行人注意安全，减速慢行。'),
        p(`咨询电话：${unit.phone}。`),
        signature(HOUSING_SIGNER, d),
      ].join('\n'),
    })];
  },
};

export const HOUSING_SERVICE_KINDS: ItemKind[] = [
  waterOutages, trafficNotices, waterQuality, guides, housingApplications, policyQA, tips, streetlights,
];

import type { ItemKind } from './item-kind.ts';
import { housingTopic } from './housing-topics.ts';
import { HOUSING_NAME, HOUSING_SHORT, HOUSING_SIGNER, unitOf } from './housing-common.ts';
import { inspectionReport } from './housing-inspections.ts';
import { HOUSING_MANAGEMENT_RECURRING } from './housing-management-recurring.ts';
import { housingUnit } from './organs.ts';
import { HOUSING_UNIT_KEYS } from './organ-keys.ts';
import { anyDay, draft, monthEnd, monthStart, reportMonths, reportQuarters, seq, wan } from './kind-helpers.ts';
import { p, publicityBody, signature } from './body-templates.ts';
import { addDays, chineseDate } from './demo-calendar.ts';
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
  presalePermits, agencyFilings, HOUSING_MANAGEMENT_RECURRING, monthlyChecks, quarterlyChecks, rectificationNotices, housingAudits, personnel,
  procurementIntentions, roadOccupations,
];

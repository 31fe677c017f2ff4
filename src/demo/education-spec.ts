import type { SmallOrganSpec } from './small-organ-kinds.ts';
import { ORGAN_KEYS } from './organ-keys.ts';
import { organName, organPhone } from './organs.ts';
import { p, signature, table } from './body-templates.ts';
import { wan } from './kind-helpers.ts';
import { COUNTY, TOWNSHIPS } from './word-banks.ts';

/** 县教育局: enrolment, student aid and school safety. */
const NAME = organName(ORGAN_KEYS.education);
const EDU = '科技、教育';

const SCHOOLS = ['县实验小学', '岚城第一小学', '桐阳小学', '县第二实验小学', '岚城初级中学', '桐阳初级中学', '县第三中学'];

export const EDUCATION_SPEC: SmallOrganSpec = {
  organKey: ORGAN_KEYS.education,
  name: NAME,
  short: '县教育局',
  we: '我局',
  visitor: '县教育局负责同志',
  phone: organPhone(ORGAN_KEYS.education),
  noticeNode: 'gzdt',
  newsNode: 'gzdt',
  policySeries: [{ path: 'zcwj', numbering: 'regular', issuer: NAME }],
  normativeNode: 'zcwj',
  addressee: '各乡镇中心学校，县直各学校、幼儿园',
  attendees: '各中小学校长和分管负责人',
  leaderNode: 'jgzn/ldxx',
  personnelTitles: (y) => [`${COUNTY}${y}年公开招聘中小学教师公告`, `${COUNTY}${y}年公开招聘幼儿教师公告`, `${COUNTY}${y}年城区学校公开选调教师公告`],
  annualReportBy: 1,
  topics: [
    {
      name: '义务教育招生入学', node: 'zdly/ywjy', subject: EDU, keywords: ['义务教育', '招生入学'],
      purpose: '规范义务教育招生入学工作，切实保障适龄儿童少年平等接受义务教育的权利',
      basis: ['《中华人民共和国义务教育法》'],
      goals: ['义务教育阶段学校全面实行免试就近入学', '随迁子女在流入地入学比例保持在90%以上'],
      measures: ['科学划定学校招生范围，并向社会公布', '公办民办学校同步招生', '严禁以各类考试、竞赛成绩作为招生依据', '推行义务教育入学“一网通办”'],
    },
    {
      name: '学生资助', node: 'zdly/xszz', subject: EDU, keywords: ['学生资助', '家庭经济困难学生'],
      purpose: '健全学生资助体系，确保不让一个学生因家庭经济困难而失学',
      basis: ['学生资助资金管理的有关规定'],
      goals: ['家庭经济困难学生资助全覆盖', '资助资金按时足额发放到学生或家长'],
      measures: ['精准认定家庭经济困难学生，建立动态管理台账', '资助名单在校内公示，保护学生隐私，不公开敏感信息', '资助资金通过银行卡发放，严禁以现金方式发放', '开展资助育人活动'],
    },
    {
      name: '校园安全', node: 'zdly/xxaq', subject: EDU, keywords: ['校园安全', '安全教育'],
      purpose: '加强学校安全管理，为师生创造安全稳定的校园环境',
      basis: ['《中小学幼儿园安全管理办法》'],
      goals: ['全年不发生重大校园安全责任事故', '学校安全隐患整改率100%'],
      measures: ['落实学校“三防”建设要求', '开展防溺水、交通、消防安全专题教育', '加强校车和食堂安全管理', '每学期开展一次安全隐患全面排查'],
    },
    {
      name: '教师队伍建设', node: '', subject: EDU, keywords: ['教师队伍', '县管校聘'],
      purpose: '建设高素质专业化教师队伍，促进义务教育优质均衡发展',
      basis: ['《中华人民共和国教师法》'],
      goals: ['城乡教师交流轮岗比例达到规定要求', '教师培训实现全员覆盖'],
      measures: ['深化县管校聘管理改革', '推进城乡教师交流轮岗', '实施教师全员培训计划', '加强师德师风建设'],
    },
  ],
  normatives: [
    {
      id: 'jyj-2019', year: 2019, month: 5, topic: 0, name: `${COUNTY}义务教育阶段学校招生入学管理办法`, docName: '办法',
      scope: '本县义务教育阶段公办和民办学校的招生入学', validYears: 5, validity: 'amended',
      articles: ['适龄儿童少年按照划定的学校招生范围免试就近入学', '随迁子女凭居住证明等材料申请入学'],
    },
    {
      id: 'jyj-2021', year: 2021, month: 10, topic: 0, name: `关于修改《${COUNTY}义务教育阶段学校招生入学管理办法》的决定`, docName: '决定',
      scope: '本县义务教育阶段公办和民办学校的招生入学', validYears: 5, validity: 'valid', amends: 'jyj-2019',
      articles: [
        '将第五条修改为：“随迁子女凭居住证申请入学，不得要求提供户籍所在地无人监护等证明。”',
        '增加一条，作为第六条：“民办义务教育学校招生纳入审批地统一管理，与公办学校同步招生；报名人数超过招生计划的，实行电脑随机录取。”',
      ],
      changes: '本决定落实公民同招要求，明确民办学校与公办学校同步招生、超额时电脑随机录取，并简化随迁子女入学证明材料；办法的其他规定不变。',
    },
  ],
  special: [
    {
      id: 'jyj-enrolment-plan', stage: 'decision', weight: 0, yearly: true, months: [4, 5], nodes: ['zdly/ywjy', 'ghjh'], genre: '方案', subject: EDU,
      keywords: ['招生工作方案'], formed: 'document', title: (ctx) => `${COUNTY}${ctx.year}年义务教育阶段学校招生工作方案`,
      summary: (t) => `${t.replace(COUNTY, '')}，明确招生范围、时间和程序。`,
      body: (ctx, on) => [
        p(`为做好${ctx.year}年义务教育阶段学校招生工作，根据《中华人民共和国义务教育法》等规定，制定本方案。`),
        p(`一、招生对象：年满6周岁（${ctx.year - 6}年8月31日前出生）的适龄儿童和小学毕业生。二、招生原则：免试就近入学，公办民办同步招生。三、报名时间：${ctx.year}年7月中旬，具体以各学校公告为准。`),
        table(['学校', '计划招生班数', '招生范围'], ctx.rng.sample(SCHOOLS, 4).map((s) => [s, ctx.rng.int(4, 12), `${ctx.rng.pick(TOWNSHIPS.slice(0, 2))}${ctx.rng.pick(['东部', '西部', '南部', '北部'])}片区`])),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'jyj-enrolment-guide', stage: 'service', weight: 0, yearly: true, months: [6, 7], nodes: ['zdly/ywjy'], genre: '办事指南', subject: EDU,
      keywords: ['入学报名', '办事指南'], title: (ctx) => `${ctx.year}年秋季义务教育招生入学报名指南`, summary: (t) => `${t}：报名方式、材料和时间。`,
      body: (ctx, on) => [
        p('一、报名方式：家长通过县义务教育招生入学平台网上报名，不会操作的可以到学校现场报名。'),
        p('二、报名材料：户口簿、房屋产权证明或者居住证明；随迁子女另需提供居住证。'),
        p(`三、咨询电话：县教育局${organPhone(ORGAN_KEYS.education)}，各学校咨询电话详见附表。`),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'jyj-aid-qa', stage: 'service', weight: 2, nodes: ['zdly/xszz'], genre: '其他', subject: EDU, keywords: ['学生资助', '政策问答'],
      title: (ctx) => ctx.rng.pick([`${ctx.year}年学生资助政策问答`, `${ctx.year}年生源地信用助学贷款办理指南`, `${ctx.year}年家庭经济困难学生认定工作指引`]),
      summary: (t) => `${t}。`,
      body: (ctx, on) => [
        p('问：家庭经济困难学生可以享受哪些资助？答：学前教育阶段有政府助学金，义务教育阶段有生活补助，普通高中阶段有国家助学金和免学费政策。'),
        p('问：如何申请？答：由学生或家长向就读学校提出申请，学校组织认定并在校内公示后报县学生资助管理中心审核。'),
        p(`咨询电话：${organPhone(ORGAN_KEYS.education)}。`),
        signature(`${COUNTY}学生资助管理中心`, on),
      ].join('\n'),
    },
    {
      id: 'jyj-holiday-letter', stage: 'service', weight: 1, nodes: ['zdly/xxaq'], genre: '其他', subject: EDU, keywords: ['假期安全', '致家长'],
      title: (ctx) => `${ctx.year}年${ctx.rng.pick(['寒假', '暑假'])}安全致家长的一封信`, monthsFor: (t) => (t.includes('寒假') ? [1, 1] : [7, 7]),
      summary: (t) => `${t}，提醒防溺水、交通、消防等安全事项。`,
      body: (_ctx, on) => [
        p('尊敬的家长朋友：假期即将来临，为了让孩子度过一个安全、健康、快乐的假期，请您做好以下几点：'),
        p('一、严防溺水，做到“六不”；二、遵守交通规则，不骑电动车上路；三、注意用火用电用气安全；四、合理安排作息，控制电子产品使用时间。'),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'jyj-safety-check', stage: 'management', weight: 2, nodes: ['zdly/xxaq'], genre: '通报', subject: EDU, keywords: ['校园安全', '检查通报'],
      title: (ctx) => `${ctx.year}年${ctx.rng.pick(['春季', '秋季'])}学期校园安全隐患排查情况通报`, monthsFor: (t) => (t.includes('春季') ? [3, 5] : [9, 11]),
      summary: (t) => `${t.replace(/通报$/, '')}及整改要求。`,
      body: (ctx, on) => [
        p(`本学期，县教育局组织对全县${ctx.rng.int(40, 90)}所中小学校、幼儿园开展了安全隐患排查，共发现隐患${ctx.rng.int(20, 80)}处，已整改${ctx.rng.int(15, 20) * 4}%以上。`),
        p('主要问题有：部分学校消防器材过期、监控设备不能正常使用、食堂索证索票不规范等。'),
        p('请各学校对照问题清单，于本月底前完成整改并报送整改报告。'),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'jyj-aid-result', stage: 'result', weight: 3, nodes: ['zdly/xszz'], genre: '公示', subject: EDU, keywords: ['学生资助', '资金发放'],
      title: (ctx) => `${ctx.year}年${ctx.rng.pick(['春季', '秋季'])}学期${ctx.rng.pick(['义务教育家庭经济困难学生生活补助', '普通高中国家助学金', '学前教育政府助学金'])}发放情况`,
      monthsFor: (t) => (t.includes('春季') ? [4, 6] : [10, 12]),
      summary: (t) => `公开${t.replace(/情况$/, '')}的人数和金额，不公开学生个人信息。`,
      body: (ctx, on) => [
        p('根据学生资助资金管理的有关规定，现将本学期资助资金发放情况公开如下（为保护学生隐私，不公开受助学生个人信息）：'),
        table(['学段', '受助人数', '发放金额（万元）'], [['小学', ctx.rng.int(300, 1200), wan(ctx, 20, 80)], ['初中', ctx.rng.int(200, 900), wan(ctx, 20, 90)]]),
        signature(NAME, on),
      ].join('\n'),
    },
    {
      id: 'jyj-admission-result', stage: 'result', weight: 0, yearly: true, months: [8, 8], nodes: ['zdly/ywjy'], genre: '公告', subject: EDU,
      keywords: ['招生录取', '义务教育'], title: (ctx) => `${ctx.year}年城区义务教育学校招生录取情况公告`, summary: (t) => `${t.replace(/公告$/, '')}。`,
      body: (ctx, on) => [
        p(`${ctx.year}年城区义务教育学校招生工作已结束，共录取一年级新生${ctx.rng.int(1800, 3200)}人、七年级新生${ctx.rng.int(1600, 3000)}人，其中随迁子女${ctx.rng.int(200, 600)}人。`),
        p('录取结果已通过短信等方式告知家长，家长也可以登录招生入学平台查询。'),
        signature(NAME, on),
      ].join('\n'),
    },
  ],
};

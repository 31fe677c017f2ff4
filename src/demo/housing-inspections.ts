import type { YearContext } from './item-kind.ts';
import { p, signature, table } from './body-templates.ts';
import { chineseMonthDay, workdaysBefore } from './demo-calendar.ts';
import { ESTATES, MUNICIPAL_PROJECTS, chineseNumber } from './word-banks.ts';
import { HOUSING_SIGNER } from './housing-common.ts';

/** Inspection reports (检查情况通报): which sites, what was wrong, what was done. */

export const SITE_PROBLEMS: Record<'safety' | 'quality' | 'dust' | 'gas' | 'wages', string[]> = {
  safety: ['临边洞口防护不到位', '脚手架连墙件设置不足', '特种作业人员证件不全', '塔吊日常检查记录不完整', '消防器材配置不足',
    '配电箱未做到一机一闸一漏', '安全技术交底记录缺失', '危大工程专项方案未按规定论证'],
  quality: ['钢筋保护层厚度偏差较大', '混凝土试块留置数量不足', '砌体灰缝不饱满', '隐蔽工程验收记录不完整', '防水层施工不规范',
    '见证取样送检记录不全'],
  dust: ['施工现场裸土未覆盖', '出入口车辆冲洗设施未正常使用', '围挡破损未及时修复', '土方作业未采取湿法作业',
    '场内道路未硬化', '渣土车辆未密闭运输', '扬尘在线监测设备未正常运行'],
  gas: ['燃气泄漏报警装置未安装', '燃气软管老化', '气瓶存放间通风不良', '未配备灭火器材', '气瓶未固定放置'],
  wages: ['农民工工资专用账户未按月拨付人工费用', '实名制考勤记录不完整', '维权告示牌信息未及时更新', '工资保证金未按规定存储'],
};

const ACTIONS = ['责令限期整改', '下达停工整改通知书', '约谈项目负责人', '记入企业不良行为记录', '移交执法部门立案调查'];

export function constructionSite(ctx: YearContext): string {
  return ctx.rng.chance(0.5)
    ? `${ctx.rng.pick(ESTATES)}${ctx.rng.pick(['一', '二', '三'])}期项目`
    : ctx.rng.pick(MUNICIPAL_PROJECTS);
}

export function inspectionReport(
  ctx: YearContext,
  f: { period: string; subject: string; problems: keyof typeof SITE_PROBLEMS; requirement: string; signedOn: string },
): string {
  const r = ctx.rng;
  const sites = r.int(12, 46);
  const found = r.int(sites, sites * 3);
  const fixed = found - r.int(0, Math.min(8, found));
  const rows = Array.from({ length: r.int(4, 7) }, () => {
    const site = constructionSite(ctx);
    return [site, chineseMonthDay(workdaysBefore(f.signedOn, r.int(3, 20))), r.sample(SITE_PROBLEMS[f.problems], r.int(1, 2)).join('；'), r.pick(ACTIONS)];
  });
  const unique = rows.filter((row, i) => rows.findIndex((x) => x[0] === row[0]) === i);
  return [
    p(`${f.period}，我局组织检查组对全县${sites}个在建项目开展了${f.subject}检查。检查采取“四不两直”方式，重点检查参建各方主体责任落实情况。`),
    p(`本次检查共发现问题隐患${found}处，已督促整改${fixed}处，其余问题已下达整改通知、明确整改时限。对问题较多的${chineseNumber(unique.length)}个项目情况通报如下：`),
    table(['项目名称', '检查时间', '主要问题', '处理措施'], unique),
    p(`各参建单位要引以为戒，举一反三，${f.requirement}。我局将对整改情况进行复查，对整改不到位的依法从严处理。`),
    signature(HOUSING_SIGNER, f.signedOn),
  ].join('\n');
}

import {
  cardFailingLuhn, creditCode, digits, id15, id18, id18WrongCheck, int, landline, mobile, pick, serial, withLuhn, year, type Rng,
} from './random-values.ts';

/** Labels of registration and licence numbers; old ones have 15 digits starting with the address code. */
const REGISTRATION_LABELS = ['税务登记证号', '营业执照号码', '营业执照号', '营业执照注册号', '组织机构代码证号', '食品经营许可证编号', '许可证号', '资质证书编号', '备案号', '登记号'];

const ORGANS = ['霍山县住房和城乡建设局', '霍山县人民政府办公室', '霍山县财政局', '霍山县自然资源和规划局', '霍山县城市管理局'];
const DOC_PREFIX = ['霍建', '霍政办', '霍财', '霍自然资规', '霍城管', '皖建', '六建'];
const cnDate = (r: Rng): string => `${year(r)}年${int(r, 1, 12)}月${int(r, 1, 28)}日`;
const isoDate = (r: Rng): string => `${year(r)}-${String(int(r, 1, 12)).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}`;

/** What must never be flagged: identifiers of documents and organs, money, dates, office numbers, talk about secrecy. */
export const NEGATIVE_TEMPLATES: ((rng: Rng) => string)[] = [
  (r) => `索引号：${creditCode(r)}/${year(r)}-${serial(r, 5)}\n发布机构：${pick(r, ORGANS)}\n生成日期：${isoDate(r)}\n文号：${pick(r, DOC_PREFIX)}〔${year(r)}〕${int(r, 1, 150)}号\n有效性：有效`,
  (r) => `索引号：${digits(r, 9)}/${year(r)}-${serial(r, 5)}　主题分类：城乡建设　发文日期：${cnDate(r)}`,
  (r) => `统一社会信用代码：${creditCode(r)}，法定代表人：某某，注册资本：${int(r, 100, 5000)}万元。`,
  (r) => `项目编号：${pick(r, [`HSZC-${year(r)}-${serial(r, 3)}`, `341525-${year(r)}-ZB-${serial(r, 4)}`, `3415252${year(r)}${digits(r, 5)}`, withLuhn(`6${digits(r, 16)}`)])}，项目名称：老旧小区改造工程，预算金额：${int(r, 1, 999)},${int(r, 100, 999)},${int(r, 100, 999)}.00元。`,
  (r) => `中标金额：人民币${pick(r, ['壹佰贰拾万元整', '叁拾捌万陆仟元整', '伍佰万元整'])}（¥${int(r, 100000, 9999999)}.00），工期${int(r, 30, 365)}日历天。`,
  (r) => `全县共完成固定资产投资${`1${int(r, 3, 9)}${digits(r, 9)}`}元，同比增长${int(r, 1, 20)}.${int(r, 0, 9)}%。`,
  (r) => `本通知自${cnDate(r)}起施行，有效期至${isoDate(r)}。原《关于加强物业管理的通知》（${pick(r, DOC_PREFIX)}〔${year(r)}〕${int(r, 1, 99)}号）同时废止。`,
  (r) => `信息公开咨询电话：${landline(r)}；监督电话：12345；传真：${landline(r)}；服务热线：400-${digits(r, 3)}-${digits(r, 4)}。`,
  (r) => `办公地址：霍山县衡山镇，邮政编码：237200，工作时间：周一至周五 8:30—12:00，14:30—17:30，联系电话：${landline(r)}。`,
  (r) => `信息公开咨询邮箱：hs${pick(r, ['zjj', 'czj', 'zrzy'])}${int(r, 2015, 2024)}@163.com；政府网站邮箱：${pick(r, ['zfb', 'bgs', 'xxgk'])}@huoshan.gov.cn。`,
  (r) => pick(r, [
    '各单位要严格落实保密审查制度，坚持“先审查、后公开”和“一事一审”原则，涉密信息一律不得公开。',
    '涉密信息如何规避：对拟公开的信息逐项对照保密事项范围进行审查，拿不准的报保密行政管理部门确定。',
    '依据《中华人民共和国保守国家秘密法》，属于国家秘密的政府信息不予公开。',
    '国家秘密的密级分为绝密、机密、秘密三级，机关、单位应当依法确定密级、保密期限和知悉范围。',
    '本年度共开展保密审查156次，未发生失泄密事件；组织全体干部参加保密知识培训。',
    '加强内部管理，完善内部控制制度，规范机关内部事务信息的管理。',
    '对涉及商业秘密、个人隐私的信息，经权利人同意或者行政机关认为不公开会对公共利益造成重大影响的，予以公开。',
    '文件首页左上角标注“秘密★1年”等国家秘密标志的，不得上网公开。',
  ]),
  (r) => `${year(r)}年，本机关共主动公开政府信息${int(r, 100, 2000)}条，受理依申请公开${int(r, 5, 99)}件，办结率100%，行政复议${int(r, 0, 5)}件，行政诉讼${int(r, 0, 3)}件。`,
  (r) => `公示名单：张*（身份证号341525********${digits(r, 3)}${pick(r, ['X', '1', '5'])}，电话138****${digits(r, 4)}）。`,
  (r) => `时间：${isoDate(r)} ${int(r, 8, 17)}:${int(r, 10, 59)}:${int(r, 10, 59)}，地点：县政务服务中心${int(r, 1, 5)}楼会议室。`,
  (r) => `行政区划代码：341525${digits(r, 6)}，统计用区划代码：341525${digits(r, 3)}000。`,
  (r) => `ISBN 978-7-${int(r, 100, 999)}-${digits(r, 5)}-${int(r, 0, 9)}，定价${int(r, 20, 99)}.00元。`,
  (r) => `准考证号：${digits(r, 10)}，考场号：${serial(r, 2)}，座位号：${serial(r, 2)}。`,
  (r) => `发票号码：${withLuhn(`6${digits(r, 17)}`)}，开票日期：${isoDate(r)}。`,
];

/** Near misses: digits shaped like personal data that fail a check, or that a label says are something else. */
export const NEAR_MISS_TEMPLATES: ((rng: Rng) => string)[] = [
  (r) => `编码为${id18WrongCheck(r)}的记录已归档。`,
  (r) => `订单编号：${id18(r)}，请妥善保存。`,
  (r) => `交易流水号${year(r)}${String(int(r, 1, 12)).padStart(2, '0')}${digits(r, 12)}，交易成功。`,
  (r) => `凭证号${cardFailingLuhn(r)}，金额${int(r, 10, 999)}元。`,
  (r) => `业务编码：${digits(r, 1).replace(/[0-9]/, pick(r, ['1', '2', '7', '8']))}${digits(r, int(r, 15, 18))}`,
  (r) => `手机型号 Mate${int(r, 10, 60)}，IMEI：86${digits(r, 13)}。`,
  (r) => `合同编号：${mobile(r)}，签订日期：${isoDate(r)}。`,
  (r) => `系数为0.${mobile(r)}，误差小于1%。`,
  (r) => `统计口径调整后，样本量为${mobile(r).slice(0, 3)},${digits(r, 3)},${digits(r, 3)}人次。`,
  (r) => `档案号${id18(r).slice(0, 17)}${pick(r, ['A', 'B', 'K'])}已移交县档案馆。`,
  (r) => `${pick(r, REGISTRATION_LABELS)}${pick(r, ['：', ':', ' ', ''])}${pick(r, [id15(r), id15(r), id18(r)])}，发证机关：霍山县市场监督管理局。`,
];

import { mark } from './markup.ts';
import { formatMobile } from './format-values.ts';
import {
  accountNumber, bankCard, cardFailingLuhn, creditCode, digits, id15, id18, int, landline, mobile, personName, personalEmail, pick, serial, withLuhn, year,
  type Rng,
} from './random-values.ts';

/** Headers of the account column of a 补贴发放名单. */
const ACCOUNT_HEADERS = ['开户账号', '存折账号', '一卡通账号', '银行账号', '社保卡号'];
/** A subsidy account: a passbook or 一卡通 account, or a card number mistyped so that it fails the Luhn check. */
const subsidyAccount = (r: Rng): string => (r() < 0.5 ? accountNumber(r) : cardFailingLuhn(r));

/** A table as extracted text: cells separated by tabs, rows by newlines (as docx, xlsx and html tables come out). */
const table = (rows: string[][]): string => rows.map((r) => r.join('\t')).join('\n');
const rowsOf = (r: Rng, make: (i: number) => string[]): string[][] => Array.from({ length: int(r, 2, 6) }, (_, i) => make(i + 1));

export const TABLE_TEMPLATES: ((rng: Rng) => string)[] = [
  (r) => table([['序号', '姓名', '性别', '身份证号码', '联系电话', '补贴金额（元）'],
    ...rowsOf(r, (i) => [String(i), personName(r), pick(r, ['男', '女']), mark('id_card', id18(r)), mark('mobile_phone', mobile(r)), String(int(r, 5, 30) * 100)])]),
  (r) => table([['序号', '户主姓名', '银行账号', '发放金额'],
    ...rowsOf(r, (i) => [String(i), personName(r), mark('bank_card', accountNumber(r)), `${int(r, 1, 9)},${int(r, 100, 999)}.00`])]),
  (r) => table([['姓名', '手机', '电子邮箱', '备注'],
    ...rowsOf(r, () => [personName(r), mark('mobile_phone', formatMobile(r, mobile(r))), mark('email', personalEmail(r)), pick(r, ['', '已联系', '待回访'])])]),
  (r) => table([['序号', '姓名', '社保卡号', '金额'],
    ...rowsOf(r, (i) => [String(i), personName(r), mark('bank_card', bankCard(r)), String(int(r, 100, 3000))])]),
  // A paper form: one box per digit of the ID number.
  (r) => {
    const id = id18(r);
    return table([['姓名', personName(r), '性别', pick(r, ['男', '女'])], ['公民身份号码', mark('id_card', [...id].join('\t'))], ['联系电话', mark('mobile_phone', mobile(r))]]);
  },
  (r) => table([['序号', '申请人', '申请时间', '申请内容', '联系方式'],
    ...rowsOf(r, (i) => [String(i), personName(r), `${year(r)}-0${int(r, 1, 9)}-1${int(r, 0, 9)}`, '征收补偿方案', mark('mobile_phone', mobile(r))])]),
  // A 补贴发放名单 whose account column follows the mobile column: the account need not pass Luhn.
  (r) => {
    const header = pick(r, ACCOUNT_HEADERS);
    return table([['姓名', '手机', header], ...rowsOf(r, () => [personName(r), mark('mobile_phone', mobile(r)), mark('bank_card', subsidyAccount(r))])]);
  },
  // The same after a landline, with an amount after it.
  (r) => {
    const header = pick(r, ACCOUNT_HEADERS);
    return table([['序号', '户主姓名', '联系电话', header, '补贴金额（元）'],
      ...rowsOf(r, (i) => [String(i), personName(r), landline(r), mark('bank_card', subsidyAccount(r)), String(int(r, 5, 60) * 100)])]);
  },
];

/** Tables full of numbers that are not personal data: the column header says what they are. */
export const NEGATIVE_TABLE_TEMPLATES: ((rng: Rng) => string)[] = [
  (r) => table([['序号', '项目名称', '项目编号', '合同金额（元）', '签订日期'],
    ...rowsOf(r, (i) => [String(i), pick(r, ['老旧小区改造', '市政道路维修', '污水管网建设']), pick(r, [withLuhn(`62${digits(r, 15)}`), `3415252${year(r)}${digits(r, 5)}`, `HSZC-${year(r)}-${serial(r, 3)}`]), `${int(r, 10, 999)},${int(r, 100, 999)}.00`, `${year(r)}-0${int(r, 1, 9)}-2${int(r, 0, 8)}`])]),
  (r) => table([['序号', '企业名称', '统一社会信用代码', '资质证书编号', '有效期至'],
    ...rowsOf(r, (i) => [String(i), `霍山县${pick(r, ['宏达', '安居', '恒信', '华润'])}建筑有限公司`, creditCode(r), `D${digits(r, 9)}`, `${year(r) + 3}-12-31`])]),
  (r) => table([['订单号', '下单时间', '金额（元）', '状态'],
    ...rowsOf(r, () => [`${year(r)}0${int(r, 1, 9)}1${int(r, 0, 9)}${digits(r, 10)}`, `${year(r)}-0${int(r, 1, 9)}-1${int(r, 0, 9)} 1${int(r, 0, 9)}:${int(r, 10, 59)}`, String(int(r, 10, 9999)), '已支付'])]),
  (r) => table([['指标', '2022年', '2023年', '增长率'],
    ['受理申请（件）', String(int(r, 10, 99)), String(int(r, 10, 99)), `${int(r, 1, 30)}.${int(r, 0, 9)}%`],
    ['财政投入（元）', String(int(r, 1000000, 99999999)), String(int(r, 1000000, 99999999)), `${int(r, 1, 30)}.${int(r, 0, 9)}%`],
    ['总投资（元）', `1${int(r, 3, 9)}${digits(r, 9)}`, `1${int(r, 3, 9)}${digits(r, 9)}`, '—']]),
  (r) => table([['序号', '发票代码', '发票号码', '开票日期', '价税合计'],
    ...rowsOf(r, (i) => [String(i), `0${digits(r, 11)}`, withLuhn(`5${digits(r, 18)}`).slice(0, 20), `${year(r)}-0${int(r, 1, 9)}-0${int(r, 1, 9)}`, `${int(r, 100, 9999)}.00`])]),
  // Old registration numbers (address code, then digits that can read as 19YYMMDD) under their headers.
  (r) => table([['序号', '企业名称', pick(r, ['营业执照号', '营业执照注册号', '注册号']), pick(r, ['税务登记证号', '组织机构代码', '许可证号', '资质证书编号']), '有效期至'],
    ...rowsOf(r, (i) => [String(i), `霍山县${pick(r, ['宏达', '安居', '恒信', '华润'])}商贸有限公司`, id15(r), pick(r, [id15(r), id18(r)]), `${year(r) + 3}-12-31`])]),
];

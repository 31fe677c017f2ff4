/**
 * What the words around a number say it is. A label right before a number ("账号：", "订单号：")
 * or at the head of its table column decides between a bank account and an order number that
 * happens to pass the Luhn check.
 */
export type LabelKind = 'id' | 'phone' | 'person' | 'account' | 'money' | 'other';

const LABEL_WORDS: Record<LabelKind, string[]> = {
  id: ['公民身份号码', '身份证件号码', '身份证号码', '身份证编号', '身份证件号', '身份证号', '身份证', '身份号码', '证件号码', '证件编号', '证件号', '证照号码'],
  phone: ['手机号码', '手机号', '手机', '移动电话', '联系电话', '联系方式', '电话号码', '电话', '电 话', 'Tel', 'TEL', 'tel', 'Mobile', 'mobile'],
  person: ['联系人', '当事人', '申请人', '法定代表人', '负责人', '经办人', '户主', '姓名', '本人'],
  account: [
    '银行卡号', '银行账号', '银行帐号', '银行账户', '银行帐户', '开户账号', '开户帐号', '收款账号', '收款帐号',
    '付款账号', '账号', '帐号', '卡号', '账户', '帐户', '银行卡', '存折号', '存折',
  ],
  money: ['金额', '资金', '投资', '预算', '价款', '总价', '单价', '合计', '总计', '余额', '收入', '支出', '（元）', '(元)', '（万元）', '(万元)'],
  other: [
    '统一社会信用代码', '社会信用代码', '信用代码', '组织机构代码', '索引号', '订单编号', '订单号', '订单', '项目编号',
    '项目代码', '合同编号', '合同号', '编号', '单号', '流水号', '交易号', '批次号', '条形码', '条码', '纳税人识别号',
    '识别号', '税号', '注册号', '许可证号', '许可证', '证书编号', '证书号', '发票号码', '发票代码', '发票号', '准考证号',
    '考号', '学号', '工号', '档案号', '案号', '运单号', '登记编号', '登记号', '代码', '文号', '序号', '邮政编码', '邮编',
    '备案号', '专利号', '批准文号', '车架号', '发动机号', 'IMEI', 'MEID', '型号', '版本号',
  ],
};

const WORD_KIND = new Map<string, LabelKind>();
for (const [kind, words] of Object.entries(LABEL_WORDS) as [LabelKind, string[]][]) {
  for (const w of words) WORD_KIND.set(w, kind);
}
// Longest first, so "证件编号" is an ID label and not the generic "编号".
const LABEL_PATTERN = new RegExp(
  [...WORD_KIND.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'),
  'g',
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The kind of the last label word in `s`, or null. */
export function lastLabelIn(s: string): LabelKind | null {
  LABEL_PATTERN.lastIndex = 0;
  let kind: LabelKind | null = null;
  for (let m = LABEL_PATTERN.exec(s); m; m = LABEL_PATTERN.exec(s)) kind = WORD_KIND.get(m[0]) ?? null;
  return kind;
}

const LOOKBACK = 20;
/** Where a label stops applying: a line or clause break, or another number. */
const isStop = (c: number): boolean =>
  c === 10 || c === 13 || c === 0x3002 /* 。 */ || c === 0xff1b /* ； */ || c === 59 /* ; */ ||
  c === 0xff0c /* ， */ || c === 44 /* , */ || c === 0xff01 || c === 0xff1f || (c >= 48 && c <= 57) ||
  (c >= 0xff10 && c <= 0xff19);

/** The label written just before `start` on the same line and clause (at most the previous table cell). */
export function labelBefore(text: string, start: number): LabelKind | null {
  let from = start;
  let tabs = 0;
  while (from > 0 && start - from < LOOKBACK) {
    const c = text.charCodeAt(from - 1);
    if (isStop(c)) break;
    if (c === 9 && ++tabs === 2) break;
    from--;
  }
  return from === start ? null : lastLabelIn(text.slice(from, start));
}

const MAX_HEADER_LINES_UP = 200;

/** The 0-based cell `column` of a tab-separated line, or undefined. */
function cellOf(line: string, column: number): string | undefined {
  let from = 0;
  for (let c = 0; c < column; c++) {
    const tab = line.indexOf('\t', from);
    if (tab === -1) return undefined;
    from = tab + 1;
  }
  const end = line.indexOf('\t', from);
  return line.slice(from, end === -1 ? line.length : end);
}

/**
 * The labels around the numbers of one text. Column headers are memoised per line and column, so
 * a table of thousands of rows costs one walk up to its header, not one per row.
 */
export class NumberLabels {
  private readonly headers = new Map<number, LabelKind | null>();
  constructor(private readonly text: string) {}

  /** The label right before the number (same clause, at most the previous cell). */
  near(start: number): LabelKind | null {
    return labelBefore(this.text, start);
  }

  /** The label right before it, else its column's header, else what its row's first cell says about money. */
  full(start: number): LabelKind | null {
    return this.near(start) ?? this.column(start) ?? rowMoneyLabel(this.text, start);
  }

  /** For a number inside a tab-separated row, the label in the same cell of the nearest row above that has one. */
  column(start: number): LabelKind | null {
    const text = this.text;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    let column = 0;
    for (let i = text.indexOf('\t', lineStart); i !== -1 && i < start; i = text.indexOf('\t', i + 1)) column++;
    if (column === 0) {
      const lineEnd = text.indexOf('\n', start);
      const tab = text.indexOf('\t', start);
      if (tab === -1 || (lineEnd !== -1 && tab > lineEnd)) return null; // not in a table row
    }
    return this.headerAbove(lineStart, column);
  }

  private headerAbove(lineStart: number, column: number): LabelKind | null {
    const visited: number[] = [];
    let result: LabelKind | null = null;
    let at = lineStart;
    for (let up = 0; up < MAX_HEADER_LINES_UP && at > 0; up++) {
      const key = at * 1024 + Math.min(column, 1023);
      const memo = this.headers.get(key);
      if (memo !== undefined) {
        result = memo;
        break;
      }
      visited.push(key);
      const end = at - 1;
      const begin = this.text.lastIndexOf('\n', end - 1) + 1;
      const line = this.text.slice(begin, end);
      if (!line.includes('\t')) break; // the table ended
      const cell = cellOf(line, column);
      const kind = cell === undefined ? null : lastLabelIn(cell);
      if (kind) {
        result = kind;
        break;
      }
      at = begin;
    }
    for (const key of visited) this.headers.set(key, result);
    return result;
  }
}

/** For a number inside a tab-separated table row, the label of its column (see NumberLabels). */
export function columnLabel(text: string, start: number): LabelKind | null {
  return new NumberLabels(text).column(start);
}

/** In a table row, what the row's first cell says when it names an amount ("总投资（元）\t…"). */
export function rowMoneyLabel(text: string, start: number): LabelKind | null {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const firstTab = text.indexOf('\t', lineStart);
  if (firstTab === -1 || firstTab >= start) return null;
  return lastLabelIn(text.slice(lineStart, firstTab)) === 'money' ? 'money' : null;
}

/** The label that applies to a number: the one right before it, else its column's header, else its row's. */
export function numberLabel(text: string, start: number): LabelKind | null {
  return new NumberLabels(text).full(start);
}

const UNIT_AFTER = new Set(['元', '万', '亿', '%', '％', '‰', '吨', '亩', '㎡']);
const CURRENCY_BEFORE = new Set(['¥', '￥', '$', '＄']);

/** A money amount or a measured quantity ("13800000000元", "￥6222…"), never personal data. */
export function isQuantity(text: string, start: number, end: number): boolean {
  let a = end;
  if (text[a] === ' ') a++;
  if (UNIT_AFTER.has(text[a] ?? '') || text.startsWith('平方', a)) return true;
  let b = start - 1;
  if (text[b] === ' ') b--;
  if (CURRENCY_BEFORE.has(text[b] ?? '')) return true;
  return text.startsWith('人民币', b - 2) || text.startsWith('RMB', b - 2);
}

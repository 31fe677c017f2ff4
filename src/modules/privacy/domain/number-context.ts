import { escapeRegExp } from '../../../shared/reg-exp.ts';

/**
 * What the words around a number say it is. A label right before a number ("账号：", "订单号：")
 * or at the head of its table column decides between a bank account and an order number that
 * happens to pass the Luhn check.
 * - `registration`: the number of a registration, licence or filing (营业执照号, 税务登记证号,
 *   统一社会信用代码, 许可证号 …). Old registration numbers have 15 digits starting with the address
 *   code, like a legacy ID number, so such a label or column header rules an ID number out.
 * - `other`: any other identifier (订单号, 索引号 …), which rules out every personal number except an
 *   ID number with a valid check character under a column header.
 */
export type LabelKind = 'id' | 'phone' | 'person' | 'account' | 'money' | 'registration' | 'other';

const LABEL_WORDS: Record<LabelKind, string[]> = {
  id: ['公民身份号码', '身份证件号码', '身份证号码', '身份证编号', '身份证件号', '身份证号', '身份证', '身份号码', '证件号码', '证件编号', '证件号', '证照号码'],
  phone: ['手机号码', '手机号', '手机', '移动电话', '联系电话', '联系方式', '电话号码', '电话', '电 话', 'Tel', 'TEL', 'tel', 'Mobile', 'mobile'],
  person: ['联系人', '当事人', '申请人', '法定代表人', '负责人', '经办人', '户主', '姓名', '本人'],
  account: [
    '银行卡号', '银行账号', '银行帐号', '银行账户', '银行帐户', '开户账号', '开户帐号', '收款账号', '收款帐号',
    '付款账号', '账号', '帐号', '卡号', '账户', '帐户', '银行卡', '存折号', '存折',
  ],
  money: ['金额', '资金', '投资', '预算', '价款', '总价', '单价', '合计', '总计', '余额', '收入', '支出', '（元）', '(元)', '（万元）', '(万元)'],
  // Not 纳税人识别号 or a generic 证书编号: a person's taxpayer number and some certificates' numbers are
  // the holder's ID number. Those stay `other`.
  registration: [
    '统一社会信用代码', '社会信用代码', '信用代码', '组织机构代码证号', '组织机构代码', '机构代码',
    '营业执照注册号', '营业执照号码', '营业执照编号', '营业执照号', '营业执照', '执照号码', '执照编号', '执照号',
    '税务登记证号', '税务登记证', '税务登记号', '登记证号', '登记证编号', '登记编号', '登记号', '工商注册号', '注册号',
    '许可证编号', '许可证号码', '许可证号', '许可证', '资质证书编号', '资质证书号', '资质证号', '备案编号', '备案号',
  ],
  other: [
    '索引号', '订单编号', '订单号', '订单', '项目编号',
    '项目代码', '合同编号', '合同号', '编号', '单号', '流水号', '交易号', '批次号', '条形码', '条码', '纳税人识别号',
    '识别号', '税号', '证书编号', '证书号', '发票号码', '发票代码', '发票号', '准考证号',
    '考号', '学号', '工号', '档案号', '案号', '运单号', '代码', '文号', '序号', '邮政编码', '邮编',
    '专利号', '批准文号', '车架号', '发动机号', 'IMEI', 'MEID', '型号', '版本号',
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

/**
 * The kind of the last label word in `s`, or null. A registration label that also names an identity
 * document ("统一社会信用代码（身份证号）", the header of a roster of 个体工商户) is an ID label.
 */
export function lastLabelIn(s: string): LabelKind | null {
  LABEL_PATTERN.lastIndex = 0;
  let kind: LabelKind | null = null;
  let namesId = false;
  for (let m = LABEL_PATTERN.exec(s); m; m = LABEL_PATTERN.exec(s)) {
    kind = WORD_KIND.get(m[0]) ?? null;
    if (kind === 'id') namesId = true;
  }
  return kind === 'registration' && namesId ? 'id' : kind;
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
  private readonly spacedRows = new Map<number, SpacedRow | null>();
  private readonly spacedHeaders = new Map<number, number>();
  private readonly headerKinds = new Map<number, (LabelKind | null)[]>();
  /** The line of the last number looked up: [lineStart, lineEnd) and its first tab (-1 if none). */
  private lineStart = 0;
  private lineEnd = -1;
  private lineTab = -1;
  constructor(private readonly text: string) {}

  /**
   * Moves the cached line to the one holding `start`. Numbers are looked up in text order, so each
   * line is measured once; searching the whole text for the next tab or line break from every number
   * would make a long text without tabs (a PDF, a plain-text file) quadratic.
   */
  private lineAt(start: number): void {
    if (start >= this.lineStart && start <= this.lineEnd) return;
    const text = this.text;
    this.lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const end = text.indexOf('\n', start);
    this.lineEnd = end === -1 ? text.length : end;
    this.lineTab = -1;
    for (let i = this.lineStart; i < this.lineEnd; i++) {
      if (text.charCodeAt(i) === 9) {
        this.lineTab = i;
        break;
      }
    }
  }

  /** The label right before the number (same clause, at most the previous cell). */
  near(start: number): LabelKind | null {
    return labelBefore(this.text, start);
  }

  /** The label right before it, else its column's header, else what its row's first cell says about money. */
  full(start: number): LabelKind | null {
    return this.near(start) ?? this.tableLabel(start);
  }

  /** Its column's header, else what its row's first cell says about money ("总投资（元）\t…"). */
  tableLabel(start: number): LabelKind | null {
    const kind = this.column(start);
    if (kind || this.lineTab === -1 || this.lineTab >= start) return kind;
    return lastLabelIn(this.text.slice(this.lineStart, this.lineTab)) === 'money' ? 'money' : null;
  }

  /**
   * For a number inside a tab-separated row, the label in the same cell of the nearest row above that
   * has one. For a number in a row laid out with spaces, the label of its field in the header line.
   */
  column(start: number): LabelKind | null {
    this.lineAt(start);
    if (this.lineTab === -1) return this.spacedColumn(this.lineStart, start); // not in a tab-separated row
    const text = this.text;
    let column = 0;
    for (let i = this.lineTab; i < start; i++) if (text.charCodeAt(i) === 9) column++;
    return this.headerAbove(this.lineStart, column);
  }

  /**
   * Whether the number is in a row laid out with spaces that lines up under a header (see
   * spacedColumn). There a space separates cells, so a number does not run on into the next field.
   */
  inSpacedTable(start: number): boolean {
    this.lineAt(start);
    if (this.lineTab !== -1) return false;
    const row = this.spacedRow(this.lineStart);
    return row !== null && this.spacedHeader(this.lineStart, row) !== -1;
  }

  /**
   * A row laid out with spaces or bars ("王五 13912345678 6217001234567890", as a PDF text layer or a
   * plain-text roster gives it): the label of the number's field in the header line above, a line
   * without digits with as many fields, reached through rows that have as many fields as this one.
   * The number's field is found by counting, so it is read only when every row lines up with the
   * header; a number written in groups ("138 1234 5678") adds fields, and then no header applies.
   */
  private spacedColumn(lineStart: number, start: number): LabelKind | null {
    const row = this.spacedRow(lineStart);
    if (!row) return null;
    const header = this.spacedHeader(lineStart, row);
    if (header === -1) return null;
    let field = row.starts.length - 1;
    while (field > 0 && row.starts[field] > start) field--;
    let kinds = this.headerKinds.get(header);
    if (!kinds) {
      const h = this.spacedRow(header)!;
      kinds = h.starts.map((s, i) => lastLabelIn(this.text.slice(s, h.ends[i])));
      this.headerKinds.set(header, kinds);
    }
    return kinds[field] ?? null;
  }

  /** The start of the header line of the space-separated rows that `lineStart` belongs to, or -1. */
  private spacedHeader(lineStart: number, row: SpacedRow): number {
    const memo = this.spacedHeaders.get(lineStart);
    if (memo !== undefined) return memo;
    const visited = [lineStart];
    let result = -1;
    let at = lineStart;
    for (let up = 0; up < MAX_HEADER_LINES_UP && at > 0; up++) {
      const above = at === 1 ? 0 : this.text.lastIndexOf('\n', at - 2) + 1;
      const line = this.spacedRow(above);
      if (!line) break; // an empty line, prose, or a tab-separated row: the table ended
      if (line.rule) {
        at = above;
        continue;
      }
      if (line.starts.length !== row.starts.length) break;
      if (!line.digits) {
        result = above;
        break;
      }
      const known = this.spacedHeaders.get(above);
      if (known !== undefined) {
        result = known;
        break;
      }
      visited.push(above);
      at = above;
    }
    for (const v of visited) this.spacedHeaders.set(v, result);
    return result;
  }

  /**
   * The fields of a line separated by spaces or bars; null when it has fewer than two or holds a tab.
   * A line without digits may also list its column names with 、 ("补贴发放名单（姓名、手机、开户账号）").
   */
  private spacedRow(lineStart: number): SpacedRow | null {
    const memo = this.spacedRows.get(lineStart);
    if (memo !== undefined) return memo;
    const text = this.text;
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let row = splitRow(text, lineStart, lineEnd, false);
    if (row && row.starts.length < 2 && !row.digits) row = splitRow(text, lineStart, lineEnd, true);
    if (row && row.starts.length < 2) row = null;
    this.spacedRows.set(lineStart, row);
    return row;
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

/**
 * Splits a line into fields at spaces and bars (and at 、 when `enumerated`). Returns null for a line
 * with a tab or, when `enumerated`, with a digit.
 */
function splitRow(text: string, lineStart: number, lineEnd: number, enumerated: boolean): SpacedRow | null {
  const starts: number[] = [];
  const ends: number[] = [];
  let digits = false;
  let rule = true;
  let inField = false;
  for (let i = lineStart; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) return null;
    if (isFieldSeparator(c) || (enumerated && c === 0x3001 /* 、 */)) {
      if (inField) ends.push(i);
      inField = false;
      continue;
    }
    if (!inField) starts.push(i);
    inField = true;
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) {
      if (enumerated) return null;
      digits = true;
    }
    if (!RULE_CHARS.has(c)) rule = false;
  }
  if (inField) ends.push(lineEnd);
  return { starts, ends, digits, rule };
}

/** The fields of a line laid out with spaces: their offsets, whether any holds a digit, whether it is a rule (|---|---|). */
type SpacedRow = { starts: number[]; ends: number[]; digits: boolean; rule: boolean };
const isFieldSeparator = (c: number): boolean =>
  c === 32 || c === 0x3000 || c === 0xa0 || c === 13 || c === 124 /* | */ || c === 0xff5c /* ｜ */;
const RULE_CHARS = new Set([45 /* - */, 58 /* : */, 61 /* = */, 0x2014, 0x2013, 0xff0d, 0x2500]);

/** For a number inside a table row, the label of its column (see NumberLabels). */
export function columnLabel(text: string, start: number): LabelKind | null {
  return new NumberLabels(text).column(start);
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

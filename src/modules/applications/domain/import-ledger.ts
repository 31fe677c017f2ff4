import { addDays, isIsoDate, type IsoDate } from '../../../shared/iso-date.ts';
import { APPEAL_KIND_LABELS, APPEAL_KINDS, APPEAL_RESULT_LABELS, APPEAL_RESULTS, type AppealKind, type AppealResult } from './appeal.ts';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, type ApplicantType } from './applicant-types.ts';
import { CHANNEL_LABELS, CHANNELS, type Channel } from './channels.ts';
import { OUTCOME_INFO, OUTCOMES, RESERVED_OUTCOMES, type Outcome } from './outcomes.ts';

/**
 * One row of a ledger file (platform's TableRow): `line`, the CSV text line it starts on or the .xlsx sheet row;
 * a CSV row's `row`, the row Excel or WPS shows it on (header row 1).
 */
export type TableRow = { line: number; row?: number; cells: string[] };
/** A refusal placed by the row a spreadsheet program shows (rowOf). */
export type LineError = { row: number; column?: string; message: string };

/**
 * Where a row is, as the officer finds it: the row number Excel or WPS shows, not a CSV's text line, which runs
 * ahead of it after a cell with line breaks (a 申请内容 of several lines).
 */
const rowOf = (r: TableRow) => r.row ?? r.line;

export const APPLICATION_COLUMNS = ['tracking_no', 'received_on', 'channel', 'applicant_type', 'applicant_name', 'subject', 'outcome', 'replied_on'] as const;
export const APPEAL_COLUMNS = ['tracking_no', 'kind', 'filed_on', 'result', 'decided_on'] as const;

export type ImportedApplication = {
  row: number;
  trackingNo: string;
  receivedOn: IsoDate;
  channel: Channel;
  applicantType: ApplicantType;
  applicantName: string;
  subject: string;
  outcome: Outcome | null;
  repliedOn: IsoDate | null;
};

export type ImportedAppeal = { row: number; trackingNo: string; kind: AppealKind; filedOn: IsoDate; result: AppealResult; decidedOn: IsoDate | null };

/** Words people write in ledgers for each value, besides the code itself. */
const CHANNEL_WORDS: Record<string, Channel> = {
  ...Object.fromEntries(CHANNELS.map((c) => [CHANNEL_LABELS[c], c])),
  当面: 'in_person', 现场: 'in_person', 当面提交: 'in_person', 邮寄: 'post_signed', 信函: 'post_signed', 挂号信: 'post_signed', 快递: 'post_signed',
  平信: 'post_ordinary', 网上: 'online', 在线: 'online', 网上申请: 'online', 互联网: 'online', 传真: 'fax', 电子邮件: 'email', 邮件: 'email', 电子邮箱: 'email',
};
const APPLICANT_WORDS: Record<string, ApplicantType> = { ...Object.fromEntries(APPLICANT_TYPES.map((t) => [APPLICANT_TYPE_LABELS[t], t])), 其他: 'other_org' };
const OUTCOME_WORDS: Record<string, Outcome> = Object.fromEntries(
  OUTCOMES.filter((o) => o !== 'other.other').map((o) => [OUTCOME_INFO[o].label.replace(/（.*）$/, ''), o]),
);
const KIND_WORDS: Record<string, AppealKind> = {
  ...Object.fromEntries(APPEAL_KINDS.map((k) => [APPEAL_KIND_LABELS[k], k])),
  复议: 'reconsideration', 直接起诉: 'litigation_direct', 未经复议直接起诉: 'litigation_direct', 复议后起诉: 'litigation_after_reconsideration',
};
const RESULT_WORDS: Record<string, AppealResult> = {
  ...Object.fromEntries(APPEAL_RESULTS.map((r) => [APPEAL_RESULT_LABELS[r], r])),
  维持: 'upheld', 纠正: 'corrected', 其他: 'other', 未审结: 'pending', 审理中: 'pending',
};

function lookup<T extends string>(raw: string, codes: readonly T[], words: Record<string, T>): T | null {
  const v = raw.trim();
  if ((codes as readonly string[]).includes(v)) return v as T;
  return words[v] ?? null;
}

/** YYYY-MM-DD, also YYYY/M/D and YYYY年M月D日; an Excel date serial when the file is .xlsx. Null if impossible. */
export function normalizeDate(raw: string, excelSerials: boolean): IsoDate | null {
  const v = raw.trim();
  if (excelSerials && /^\d{5}(\.0+)?$/.test(v)) return addDays('1899-12-30', Number.parseInt(v, 10));
  const m = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?$/.exec(v);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Maps the header row to column positions; every expected column present once, nothing else. */
function readHeader(rows: TableRow[], expected: readonly string[], errors: LineError[]): { index: Record<string, number>; body: TableRow[] } | null {
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) {
    errors.push({ row: 1, message: `文件是空的；第一行应为表头：${expected.join(',')}` });
    return null;
  }
  const [header, ...body] = nonEmpty;
  const names = header.cells.map((c) => c.trim().replace(/^\uFEFF/, ''));
  const index: Record<string, number> = {};
  const missing = expected.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => n !== '' && !expected.includes(n));
  const repeated = expected.filter((c) => names.filter((n) => n === c).length > 1);
  if (missing.length) errors.push({ row: rowOf(header), message: `表头缺少列：${missing.join('、')}（应为：${expected.join(',')}）` });
  if (unknown.length) errors.push({ row: rowOf(header), message: `表头有未知的列：${unknown.join('、')}（应为：${expected.join(',')}）` });
  if (repeated.length) errors.push({ row: rowOf(header), message: `表头中的列重复：${repeated.join('、')}` });
  if (missing.length || unknown.length || repeated.length) return null;
  for (const c of expected) index[c] = names.indexOf(c);
  return { index, body };
}

/**
 * Checks an application ledger (columns APPLICATION_COLUMNS) row by row. Returns the records only if
 * every row is good; otherwise every error, each with its row (as a spreadsheet shows it) and reason.
 */
export function parseApplicationLedger(rows: TableRow[], opts: { today: IsoDate; excelSerials: boolean }): { records: ImportedApplication[]; errors: LineError[] } {
  const errors: LineError[] = [];
  const head = readHeader(rows, APPLICATION_COLUMNS, errors);
  if (!head) return { records: [], errors };
  const records: ImportedApplication[] = [];
  const seen = new Map<string, number>();
  for (const row of head.body) {
    const cell = (c: string) => (row.cells[head.index[c]] ?? '').trim();
    const err = (column: string, message: string) => errors.push({ row: rowOf(row), column, message });
    const before = errors.length;

    const trackingNo = cell('tracking_no');
    if (!trackingNo) err('tracking_no', '申请编号为空');
    else if (trackingNo.length > 60) err('tracking_no', '申请编号超过60个字符');
    else if (seen.has(trackingNo)) err('tracking_no', `申请编号“${trackingNo}”与第${seen.get(trackingNo)}行重复`);
    else seen.set(trackingNo, rowOf(row));

    const receivedOn = dateCell(cell('received_on'), 'received_on', '收到申请日期', true, opts, err);
    const channel = lookup(cell('channel'), CHANNELS, CHANNEL_WORDS);
    if (!channel) err('channel', `提交方式“${cell('channel')}”无效，应为：${CHANNELS.filter((c) => c !== 'imported').join('、')}（或当面、邮寄、平信、网上、传真、电子邮件）`);
    const applicantType = lookup(cell('applicant_type'), APPLICANT_TYPES, APPLICANT_WORDS);
    if (!applicantType) err('applicant_type', `申请人类型“${cell('applicant_type')}”无效，应为：${APPLICANT_TYPES.join('、')}（或自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）`);
    const applicantName = cell('applicant_name');
    if (!applicantName) err('applicant_name', '申请人姓名或名称为空');
    const subject = cell('subject');
    if (!subject) err('subject', '申请内容为空');

    const outcomeRaw = cell('outcome');
    let outcome: Outcome | null = null;
    if (outcomeRaw) {
      outcome = lookup(outcomeRaw, OUTCOMES, OUTCOME_WORDS);
      if (!outcome) err('outcome', `办理结果“${outcomeRaw}”不在年度报告表三所列的21种办理结果之内（国办公开办函〔2021〕30号），应为如 disclosed、withheld.state_secret、other.fee_unpaid 的代码`);
    }
    const repliedRaw = cell('replied_on');
    const repliedOn = repliedRaw ? dateCell(repliedRaw, 'replied_on', '答复日期', true, opts, err) : null;
    if (outcomeRaw && !repliedRaw) err('replied_on', '已有办理结果的申请应填写答复日期');
    if (!outcomeRaw && repliedRaw) err('outcome', '填写了答复日期的申请应填写办理结果；未办结的申请两列都留空');
    if (receivedOn && repliedOn && repliedOn < receivedOn) err('replied_on', `答复日期${repliedOn}早于收到申请日期${receivedOn}`);
    if (outcome && RESERVED_OUTCOMES.includes(outcome) && !repliedOn) err('replied_on', '终止处理的申请应填写办结日期');

    if (errors.length === before) {
      records.push({ row: rowOf(row), trackingNo, receivedOn: receivedOn!, channel: channel!, applicantType: applicantType!, applicantName, subject, outcome, repliedOn });
    }
  }
  return errors.length ? { records: [], errors } : { records, errors };
}

/** Checks an appeals ledger (columns APPEAL_COLUMNS); the link to each application is checked against the database later. */
export function parseAppealLedger(rows: TableRow[], opts: { today: IsoDate; excelSerials: boolean }): { records: ImportedAppeal[]; errors: LineError[] } {
  const errors: LineError[] = [];
  const head = readHeader(rows, APPEAL_COLUMNS, errors);
  if (!head) return { records: [], errors };
  const records: ImportedAppeal[] = [];
  for (const row of head.body) {
    const cell = (c: string) => (row.cells[head.index[c]] ?? '').trim();
    const err = (column: string, message: string) => errors.push({ row: rowOf(row), column, message });
    const before = errors.length;
    const trackingNo = cell('tracking_no');
    if (!trackingNo) err('tracking_no', '申请编号为空');
    const kind = lookup(cell('kind'), APPEAL_KINDS, KIND_WORDS);
    if (!kind) err('kind', `类型“${cell('kind')}”无效，应为：${APPEAL_KINDS.join('、')}（或行政复议、直接起诉、复议后起诉）`);
    const filedOn = dateCell(cell('filed_on'), 'filed_on', '申请复议或起诉日期', true, opts, err);
    const result = lookup(cell('result') || 'pending', APPEAL_RESULTS, RESULT_WORDS);
    if (!result) err('result', `结果“${cell('result')}”无效，应为：${APPEAL_RESULTS.join('、')}（或结果维持、结果纠正、其他结果、尚未审结）`);
    const decidedRaw = cell('decided_on');
    const decidedOn = decidedRaw ? dateCell(decidedRaw, 'decided_on', '审结日期', true, opts, err) : null;
    if (result === 'pending' && decidedRaw) err('decided_on', '尚未审结的案件不应填写审结日期');
    if (result && result !== 'pending' && !decidedRaw) err('decided_on', '已审结的案件应填写审结日期');
    if (filedOn && decidedOn && decidedOn < filedOn) err('decided_on', `审结日期${decidedOn}早于申请复议或起诉日期${filedOn}`);
    if (errors.length === before) records.push({ row: rowOf(row), trackingNo, kind: kind!, filedOn: filedOn!, result: result!, decidedOn });
  }
  return errors.length ? { records: [], errors } : { records, errors };
}

function dateCell(
  raw: string, column: string, label: string, notFuture: boolean, opts: { today: IsoDate; excelSerials: boolean }, err: (column: string, message: string) => void,
): IsoDate | null {
  if (!raw) {
    err(column, `${label}为空`);
    return null;
  }
  const on = normalizeDate(raw, opts.excelSerials);
  if (!on) {
    err(column, `${label}“${raw}”不是有效日期，应为YYYY-MM-DD格式的真实日期`);
    return null;
  }
  if (notFuture && on > opts.today) {
    err(column, `${label}${on}晚于今天（${opts.today}）`);
    return null;
  }
  return on;
}

/** "第3行（received_on）：…" — how a row's errors are shown by the CLI. */
export const formatLineError = (e: LineError) => `第${e.row}行${e.column ? `（${e.column}）` : ''}：${e.message}`;

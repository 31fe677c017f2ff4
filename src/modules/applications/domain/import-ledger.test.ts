import { describe, expect, it } from 'vitest';
import { formatLineError, normalizeDate, parseAppealLedger, parseApplicationLedger, type TableRow } from './import-ledger.ts';

const HEADER = ['tracking_no', 'received_on', 'channel', 'applicant_type', 'applicant_name', 'subject', 'outcome', 'replied_on'];
const rows = (...data: string[][]): TableRow[] => [HEADER, ...data].map((cells, i) => ({ line: i + 1, cells }));
const opts = { today: '2026-03-10', excelSerials: false };

describe('application ledger rows', () => {
  it('reads good rows, with codes or the words people write', () => {
    const { records, errors } = parseApplicationLedger(
      rows(
        ['YSQ-2025-001', '2025-03-03', 'in_person', 'natural_person', '张某', '某小区规划许可', 'disclosed', '2025-03-20'],
        ['YSQ-2025-002', '2025/12/29', '网上', '法律服务机构', '某律师事务所', '征收补偿方案', '', ''],
        ['YSQ-2025-003', '2025年4月1日', '平信', '商业企业', '某公司', '招标文件', '属于国家秘密', '2025-04-20'],
      ),
      opts,
    );
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.trackingNo, r.receivedOn, r.channel, r.applicantType, r.outcome, r.repliedOn])).toEqual([
      ['YSQ-2025-001', '2025-03-03', 'in_person', 'natural_person', 'disclosed', '2025-03-20'],
      ['YSQ-2025-002', '2025-12-29', 'online', 'legal_service_org', null, null],
      ['YSQ-2025-003', '2025-04-01', 'post_ordinary', 'commercial_enterprise', 'withheld.state_secret', '2025-04-20'],
    ]);
  });

  it('reports every bad row by line number and reason, and returns no records', () => {
    const { records, errors } = parseApplicationLedger(
      rows(
        ['A1', '2025-02-30', 'in_person', 'natural_person', '张某', '内容', '', ''],
        ['A2', '2025-03-03', 'pigeon', 'natural_person', '张某', '内容', 'withheld.other', '2025-03-04'],
        ['A1', '2025-03-03', 'in_person', 'alien', '', '内容', 'disclosed', ''],
        ['A4', '2025-03-03', 'in_person', 'natural_person', '张某', '内容', 'disclosed', '2025-03-01'],
        ['A5', '2026-05-01', 'in_person', 'natural_person', '张某', '内容', '', '2026-05-02'],
        ['A6', '2025-03-03', 'in_person', 'natural_person', '张某', '内容', 'disclosed', '2025-03-04'],
      ),
      opts,
    );
    expect(records).toEqual([]);
    expect(errors.map(formatLineError)).toEqual([
      '第2行（received_on）：收到申请日期“2025-02-30”不是有效日期，应为YYYY-MM-DD格式的真实日期',
      expect.stringMatching(/^第3行（channel）：提交方式“pigeon”无效/),
      expect.stringMatching(/^第3行（outcome）：办理结果“withheld.other”不在年度报告表三所列的21种办理结果之内/),
      '第4行（tracking_no）：申请编号“A1”与第2行重复',
      expect.stringMatching(/^第4行（applicant_type）：申请人类型“alien”无效/),
      '第4行（applicant_name）：申请人姓名或名称为空',
      '第4行（replied_on）：已有办理结果的申请应填写答复日期',
      '第5行（replied_on）：答复日期2025-03-01早于收到申请日期2025-03-03',
      '第6行（received_on）：收到申请日期2026-05-01晚于今天（2026-03-10）',
      '第6行（replied_on）：答复日期2026-05-02晚于今天（2026-03-10）',
      '第6行（outcome）：填写了答复日期的申请应填写办理结果；未办结的申请两列都留空',
    ]);
  });

  it('numbers rows as a spreadsheet shows them, not by the CSV text line a cell with line breaks pushes ahead', () => {
    // The rows parseCsv gives for a ledger whose first 申请内容 holds two line breaks: text lines 1, 2, 5; rows 1, 2, 3.
    const read: TableRow[] = [
      { line: 1, row: 1, cells: HEADER },
      { line: 2, row: 2, cells: ['M1', '2025-03-03', 'in_person', 'natural_person', '张某', '一、规划许可\n二、验收\n三、附图', 'disclosed', '2025-03-20'] },
      { line: 5, row: 3, cells: ['M1', '2025-02-30', 'in_person', 'natural_person', '李某', '内容', '', ''] },
    ];
    expect(parseApplicationLedger(read, opts).errors.map(formatLineError)).toEqual([
      '第3行（tracking_no）：申请编号“M1”与第2行重复',
      '第3行（received_on）：收到申请日期“2025-02-30”不是有效日期，应为YYYY-MM-DD格式的真实日期',
    ]);
    expect(parseApplicationLedger(read.slice(0, 2), opts).records.map((r) => r.row)).toEqual([2]);
    const appeals: TableRow[] = [
      { line: 1, row: 1, cells: ['tracking_no', 'kind', 'filed_on', 'result', 'decided_on'] },
      { line: 2, row: 2, cells: ['M1', '行政复议\n', '2025-05-01', 'upheld', '2025-06-20'] },
      { line: 4, row: 3, cells: ['M2', 'appeal', '2025-05-01', '', ''] },
    ];
    expect(parseAppealLedger(appeals, opts).errors.map(formatLineError)).toEqual([expect.stringMatching(/^第3行（kind）：类型“appeal”无效/)]);
    expect(parseAppealLedger(appeals.slice(0, 2), opts).records.map((r) => r.row)).toEqual([2]);
  });

  it('names missing and unknown header columns', () => {
    const { errors } = parseApplicationLedger([{ line: 1, cells: ['tracking_no', 'received', 'channel'] }], opts);
    expect(errors[0].message).toContain('表头缺少列：received_on、applicant_type');
    expect(errors[1].message).toContain('表头有未知的列：received');
  });

  it('reads Excel date serials only from .xlsx files', () => {
    expect(normalizeDate('45719', true)).toBe('2025-03-03');
    expect(normalizeDate('45719', false)).toBeNull();
    expect(normalizeDate('2025-2-3', false)).toBe('2025-02-03');
    expect(normalizeDate('2025-02-29', false)).toBeNull();
  });
});

describe('appeal ledger rows', () => {
  const AHEAD = ['tracking_no', 'kind', 'filed_on', 'result', 'decided_on'];
  const arows = (...data: string[][]): TableRow[] => [AHEAD, ...data].map((cells, i) => ({ line: i + 1, cells }));
  it('reads kinds and results as codes or words; a pending case has no decision date', () => {
    const { records, errors } = parseAppealLedger(arows(['A1', '行政复议', '2025-05-01', '结果维持', '2025-06-20'], ['A2', 'litigation_direct', '2025-07-01', '', '']), opts);
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.kind, r.result, r.decidedOn])).toEqual([['reconsideration', 'upheld', '2025-06-20'], ['litigation_direct', 'pending', null]]);
  });
  it('refuses a decided case without a date and a decision before the filing', () => {
    const { errors } = parseAppealLedger(arows(['A1', '复议', '2025-05-01', 'corrected', ''], ['A2', '复议', '2025-05-01', 'upheld', '2025-04-01'], ['A3', 'appeal', '2025-05-01', 'won', '']), opts);
    expect(errors.map(formatLineError)).toEqual([
      '第2行（decided_on）：已审结的案件应填写审结日期',
      '第3行（decided_on）：审结日期2025-04-01早于申请复议或起诉日期2025-05-01',
      expect.stringMatching(/^第4行（kind）：类型“appeal”无效/),
      expect.stringMatching(/^第4行（result）：结果“won”无效/),
    ]);
  });
});

import {
  APPEAL_GROUPS, APPEAL_RESULTS, APPLICANT_TYPES, FIGURE_ROWS, OUTCOME_KEYS, isAmountColumn, ROW_CARRIED_IN, ROW_CARRIED_OUT, ROW_RECEIVED,
  ROW_RESULTS_TOTAL, RULES, TOTAL_COLUMN, appealCell, applicationCell, columnLabel, rowName,
} from './report-format.ts';
import { allQuotes, quotedIn, type ProseLabels } from './quoted-figures.ts';
import type { CheckResult, PreviousYear, ReportFigures, ReportSections } from './report-types.ts';

type Violation = CheckResult['violations'][number];
const COLUMNS = [...APPLICANT_TYPES, TOTAL_COLUMN];
const sum = (ns: number[]) => ns.reduce((s, n) => s + n, 0);

/** Not among the format's six rules but in docs/rules/annual-report.md (consistency rule 6): every cell a non-negative integer, the fee in 万元 may have decimals. */
export const CELL_RULE = 'Every cell is a non-negative integer, except 本年收费金额 (万元, decimals allowed).';

/** The format's rules (and the cell rule) as staff read them, in the format's order (docs/rules/annual-report.md, 勾稽关系). */
export const RULE_TITLES: Record<string, string> = {
  [RULES[0]]: '表三各列：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理',
  [RULES[1]]: '表三各列：三（七）总计 = （一）至（六）各办理结果之和',
  [RULES[2]]: '表三各行：总计 = 自然人 + 五类法人或其他组织',
  [RULES[3]]: '表四各组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
  [RULES[4]]: '跨年度：本年“二、上年结转” = 上年“四、结转下年度继续办理”',
  [RULES[5]]: '第一部分“总体情况”引用的数字与表格一致',
  [CELL_RULE]: '各单元格为非负整数（本年收费金额以万元计，可有小数）',
};

function result(rule: string, violations: Violation[], okDetail: string): CheckResult {
  return { rule, title: RULE_TITLES[rule], ok: violations.length === 0, detail: violations.length ? violations.map((v) => v.message).join('；') : okDetail, violations };
}

// Rule 1 (printed in the table): 一 + 二 = 三（七）总计 + 四, each column.
function balance(t: ReportFigures['applications']): Violation[] {
  return COLUMNS.flatMap((c) => {
    const left = t[ROW_RECEIVED][c] + t[ROW_CARRIED_IN][c];
    const right = t[ROW_RESULTS_TOTAL][c] + t[ROW_CARRIED_OUT][c];
    if (left === right) return [];
    const cells = [ROW_RECEIVED, ROW_CARRIED_IN, ROW_RESULTS_TOTAL, ROW_CARRIED_OUT].map((r) => applicationCell(r, c));
    return [{ cells, message: `${columnLabel(c)}列：一（${t[ROW_RECEIVED][c]}）+ 二（${t[ROW_CARRIED_IN][c]}）= ${left}，而三（七）总计（${t[ROW_RESULTS_TOTAL][c]}）+ 四（${t[ROW_CARRIED_OUT][c]}）= ${right}` }];
  });
}

// Rule 2: （七）总计 = the 21 outcome rows, each column.
function resultsTotal(t: ReportFigures['applications']): Violation[] {
  return COLUMNS.flatMap((c) => {
    const s = sum(OUTCOME_KEYS.map((k) => t[k][c]));
    if (s === t[ROW_RESULTS_TOTAL][c]) return [];
    return [{ cells: [applicationCell(ROW_RESULTS_TOTAL, c)], message: `${columnLabel(c)}列：三（七）总计为 ${t[ROW_RESULTS_TOTAL][c]}，各办理结果之和为 ${s}` }];
  });
}

// Rule 3: every row, 总计 = the six applicant columns.
function rowTotals(t: ReportFigures['applications']): Violation[] {
  return FIGURE_ROWS.flatMap((r) => {
    const s = sum(APPLICANT_TYPES.map((c) => t[r.key][c]));
    if (s === t[r.key][TOTAL_COLUMN]) return [];
    return [{ cells: [applicationCell(r.key, TOTAL_COLUMN)], message: `${rowName(r.key)}：总计为 ${t[r.key][TOTAL_COLUMN]}，各类申请人之和为 ${s}` }];
  });
}

// Rule 4: each group of table 四, 总计 = 维持 + 纠正 + 其他 + 尚未审结.
function appealTotals(t: ReportFigures['appeals']): Violation[] {
  return APPEAL_GROUPS.flatMap((g) => {
    const s = sum(APPEAL_RESULTS.map((c) => t[g.key][c]));
    if (s === t[g.key][TOTAL_COLUMN]) return [];
    return [{ cells: [appealCell(g.key, TOTAL_COLUMN)], message: `${g.label}：总计为 ${t[g.key][TOTAL_COLUMN]}，各结果之和为 ${s}` }];
  });
}

// Rule 5: this year's 二 = last year's 四 (last year's published report, or the figures entered for a year before the platform).
function acrossYears(t: ReportFigures['applications'], previous: PreviousYear | null, year: number): Violation[] {
  if (!previous) {
    return [{ cells: COLUMNS.map((c) => applicationCell(ROW_CARRIED_IN, c)), message: `${year - 1}年度报告未在本平台发布，也未录入其表三“四、结转下年度继续办理”，无法核对上年结转数` }];
  }
  const source = previous.source === 'published' ? `${year - 1}年度已发布报告` : `录入的${year - 1}年度报告`;
  return COLUMNS.flatMap((c) => {
    const before = previous.carriedOut[c] ?? 0;
    if (before === t[ROW_CARRIED_IN][c]) return [];
    return [{ cells: [applicationCell(ROW_CARRIED_IN, c)], message: `${columnLabel(c)}列：本年“上年结转”为 ${t[ROW_CARRIED_IN][c]}，${source}的“结转下年度继续办理”为 ${before}` }];
  });
}

// Rule 6: figures quoted in section 一 agree with the tables.
function quotedInSectionOne(f: ReportFigures, text: string, labels: ProseLabels): Violation[] {
  return allQuotes(f, labels).flatMap((q) =>
    quotedIn(text, q)
      .filter((m) => m.value !== q.value)
      .map((m) => ({ cells: q.cells, message: `第一部分写“${m.phrase}”，表中为 ${q.value}${q.unit}` })),
  );
}

function cellsValid(f: ReportFigures): Violation[] {
  const bad: Violation[] = [];
  for (const [row, cols] of Object.entries(f.proactive)) {
    for (const [col, v] of Object.entries(cols)) {
      if (v === null) continue;
      const ok = isAmountColumn(col) ? Number.isFinite(v) && v >= 0 : Number.isInteger(v) && v >= 0;
      if (!ok) bad.push({ cells: [`表二「${row}」${col}`], message: `表二“${row}”${col}为 ${v}，应为${isAmountColumn(col) ? '非负数' : '非负整数'}` });
    }
  }
  for (const [table, t, cell] of [['表三', f.applications, applicationCell], ['表四', f.appeals, appealCell]] as const) {
    for (const [row, cols] of Object.entries(t)) {
      for (const [col, v] of Object.entries(cols)) {
        if (!Number.isInteger(v) || v < 0) bad.push({ cells: [cell(row, col)], message: `${table}单元格 ${cell(row, col)} 为 ${v}，应为非负整数` });
      }
    }
  }
  return bad;
}

/**
 * Every consistency rule of annual-report-format.json (勾稽关系), in its order, then the cell rule.
 * `previous` is last year's row 四, or null when neither published here nor entered.
 */
export function checkReport(report: { year: number; figures: ReportFigures; sections: ReportSections }, previous: PreviousYear | null, labels: ProseLabels): CheckResult[] {
  const f = report.figures;
  return [
    result(RULES[0], balance(f.applications), '各列均相符'),
    result(RULES[1], resultsTotal(f.applications), '各列均相符'),
    result(RULES[2], rowTotals(f.applications), '各行均相符'),
    result(RULES[3], appealTotals(f.appeals), '三组均相符'),
    result(RULES[4], acrossYears(f.applications, previous, report.year), previous?.source === 'entered' ? `与录入的${report.year - 1}年度数字相符` : `与${report.year - 1}年度已发布报告相符`),
    result(RULES[5], quotedInSectionOne(f, report.sections['一'] ?? '', labels), '第一部分引用的数字与表格一致'),
    result(CELL_RULE, cellsValid(f), '全部单元格有效'),
  ];
}

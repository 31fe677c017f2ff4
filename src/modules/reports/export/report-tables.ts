import type { DocBlock, TableCell } from '../../../platform/documents/index.ts';
import {
  APPEAL_COLUMNS, APPEAL_GROUPS, APPLICATION_COLUMNS, FORMAT, PROACTIVE_BLOCKS, isAmountColumn, type FormatRow,
} from '../domain/report-format.ts';
import { headOf } from '../domain/quoted-figures.ts';
import type { CountTable, ProactiveTable } from '../domain/report-types.ts';

type Table = Extract<DocBlock, { kind: 'table' }>;
const num = (n: number): TableCell => ({ text: String(n), align: 'center' });
const NOT_ENTERED = '（未录入）';

/** 万元 with at most four decimals and no trailing zeros (12.5, not 12.5000). */
export const formatWan = (v: number) => String(Number(v.toFixed(4)));

/**
 * Table 二 as in the template: one four-column table, each 第二十条 block a heading row, its column labels, its rows;
 * the first column names the rows (信息内容, 规章, …).
 */
export function proactiveTable(t: ProactiveTable): Table {
  const width = Math.max(...PROACTIVE_BLOCKS.map((b) => b.columns.length));
  const rows: TableCell[][] = [];
  PROACTIVE_BLOCKS.forEach((block) => {
    const span = width - block.columns.length + 1;
    const spanLast = (cells: TableCell[]) => cells.map((c, j) => (j === cells.length - 1 && span > 1 ? { ...c, colSpan: span } : c));
    rows.push([{ text: block.header, colSpan: width, align: 'center', bold: true }]);
    rows.push(spanLast(block.columns.map((c) => ({ text: c, align: 'center', bold: true }))));
    for (const row of block.rows) {
      const values = block.columns.slice(1).map((c): TableCell => {
        const v = t[row]?.[c] ?? null;
        return { text: v === null ? NOT_ENTERED : isAmountColumn(c) ? formatWan(v) : String(v), align: 'center' };
      });
      rows.push(spanLast([{ text: row, align: 'center' }, ...values]));
    }
  });
  return { kind: 'table', columnWidths: [2, 1, 1, 1], labelColumns: 1, header: [], rows };
}

/** Table 三 in the template's shape: grouped applicant columns; 三、本年度办理结果 spanning its 22 rows. */
export function applicationsTable(t: CountTable): Table {
  const app = FORMAT.tables.applications;
  const figures = (key: string) => APPLICATION_COLUMNS.map((c) => num(t[key]?.[c.key] ?? 0));
  const groups: { label: string; count: number }[] = [];
  for (const c of APPLICATION_COLUMNS) {
    if (c.group && groups.at(-1)?.label === c.group) groups.at(-1)!.count++;
    else if (c.group) groups.push({ label: c.group, count: 1 });
  }
  const header: TableCell[][] = [
    [{ text: app.corner_note, rowSpan: 3, colSpan: 3 }, { text: app.column_group, colSpan: APPLICATION_COLUMNS.length }],
    APPLICATION_COLUMNS.flatMap((c, i): TableCell[] => {
      if (!c.group) return [{ text: c.label, rowSpan: 2 }];
      return APPLICATION_COLUMNS[i - 1]?.group === c.group ? [] : [{ text: c.group, colSpan: groups.find((g) => g.label === c.group)!.count }];
    }),
    APPLICATION_COLUMNS.filter((c) => c.group).map((c) => ({ text: c.label })),
  ];
  const rows: TableCell[][] = [];
  for (const top of app.rows) {
    if (!top.children?.length) {
      rows.push([{ text: top.label, colSpan: 3 }, ...figures(top.key)]);
      continue;
    }
    const block: TableCell[][] = top.children.flatMap((child: FormatRow) => {
      if (!child.children?.length) return [[{ text: child.label, colSpan: 2 }, ...figures(child.key)]];
      return child.children.map((leaf, i) => [...(i === 0 ? [{ text: child.label, rowSpan: child.children!.length }] : []), { text: leaf.label }, ...figures(leaf.key)]);
    });
    block[0] = [{ text: top.label, rowSpan: block.length }, ...block[0]];
    rows.push(...block);
  }
  return { kind: 'table', columnWidths: [1.1, 1.3, 3, ...APPLICATION_COLUMNS.map(() => 1)], header, rows };
}

/** Table 四: 行政复议 and the two kinds of 行政诉讼, each with its result columns; one row of figures. */
export function appealsTable(t: CountTable): Table {
  const heads: { label: string; groups: typeof APPEAL_GROUPS }[] = [];
  for (const g of APPEAL_GROUPS) {
    const head = headOf(g.label);
    if (heads.at(-1)?.label === head) heads.at(-1)!.groups.push(g);
    else heads.push({ label: head, groups: [g] });
  }
  const n = APPEAL_COLUMNS.length;
  const sub = (g: (typeof APPEAL_GROUPS)[number]) => g.label.split(' · ')[1];
  const header: TableCell[][] = [
    heads.map((h) => ({ text: h.label, colSpan: h.groups.length * n })),
    APPEAL_GROUPS.flatMap((g): TableCell[] => (sub(g) ? [{ text: sub(g), colSpan: n }] : APPEAL_COLUMNS.map((c) => ({ text: c.label, rowSpan: 2 })))),
    APPEAL_GROUPS.filter(sub).flatMap(() => APPEAL_COLUMNS.map((c) => ({ text: c.label }))),
  ];
  const rows = [APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => num(t[g.key]?.[c.key] ?? 0)))];
  return { kind: 'table', header, rows };
}


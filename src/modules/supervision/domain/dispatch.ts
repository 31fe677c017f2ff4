import type { DocumentModel, TableCell } from '../../../platform/documents/document-model.ts';
import { addDays, type IsoDate } from '../../../shared/iso-date.ts';
import { CADENCE_LABELS, nextUpdateDue, type Cadence } from './cadence.ts';

/**
 * The monthly dispatch (月度调度): for one organ and one month, what each unit had to do — columns
 * due for an update by their cadence — and whether it was done on time, late, or is still missing at
 * the month's end; items it published after their 20 working days; and a ranking. Pure: the caller
 * reads the columns' publish dates and the late items.
 */
export type DispatchColumn = { nodeId: number; name: string; unitId: number | null; cadence: Cadence; publishedOns: IsoDate[] };
export type ColumnOutcome = { nodeId: number; name: string; unitId: number | null; cadence: Cadence; dueOn: IsoDate | null; outcome: 'done' | 'late' | 'missing'; doneOn: IsoDate | null };
export type UnitRow = { unitId: number | null; unitName: string; due: number; done: number; late: number; missing: number; latePublished: number; rate: number | null;
  /**
   * 1 for the best; equal standings share a rank; null for a unit with nothing due this month (本月无应更新栏目),
   * which is not ranked, and for every unit when fewer than two had something due (a ranking of one says nothing).
   */
  rank: number | null };
export type Dispatch = { month: string; fromOn: IsoDate; toOn: IsoDate; outcomes: ColumnOutcome[]; units: UnitRow[] };

export const isMonth = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

export function monthBounds(month: string): { fromOn: IsoDate; toOn: IsoDate } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { fromOn: `${month}-01`, toOn: addDays(next, -1) };
}

/** The previous calendar month of a date's month ('2026-03-05' → '2026-02'). */
export function previousMonth(on: IsoDate): string {
  const [y, m] = on.slice(0, 7).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * What became of one column's deadlines in the month. From its last update before the month, each
 * due date (by cadence) falling in the month or already passed is: done when an item came by it;
 * late when one came after it but within the month; missing when none came by the month's end. A
 * column never updated before the month is reported missing as an empty column (空白栏目). Columns
 * updated only when something changes, or static ones, are never due.
 */
export function columnOutcomes(c: DispatchColumn, fromOn: IsoDate, toOn: IsoDate): ColumnOutcome[] {
  if (nextUpdateDue(c.cadence, fromOn) === null) return [];
  const pubs = [...c.publishedOns].sort();
  const base = { nodeId: c.nodeId, name: c.name, unitId: c.unitId, cadence: c.cadence };
  let last = [...pubs].reverse().find((p) => p < fromOn) ?? null;
  if (last === null) return pubs.some((p) => p <= toOn) ? [] : [{ ...base, dueOn: null, outcome: 'missing', doneOn: null }];
  const out: ColumnOutcome[] = [];
  for (;;) {
    const due = nextUpdateDue(c.cadence, last)!;
    if (due > toOn) return out;
    const next = pubs.find((p) => p > last!) ?? null;
    if (next !== null && next <= due) {
      out.push({ ...base, dueOn: due, outcome: 'done', doneOn: next });
    } else if (next !== null && next <= toOn) {
      out.push({ ...base, dueOn: due, outcome: 'late', doneOn: next });
    } else {
      out.push({ ...base, dueOn: due, outcome: 'missing', doneOn: null });
      return out;
    }
    last = next;
  }
}

/**
 * The month's dispatch: every column's outcomes, and per unit the counts, the on-time rate and the rank. Only
 * units with something due are ranked, best first: the higher on-time rate, then more deadlines met on time, then
 * fewer 未更新, fewer 逾期, fewer items published late; units equal on all of these share a rank. Units with nothing
 * due follow without a rank — a unit at 0% is never first for the others having had nothing to do. With fewer than
 * two units to rank no rank is given: a sole unit with something due was 第1名 even at 0% on time.
 */
export function monthlyDispatch(input: {
  month: string; columns: DispatchColumn[]; units: { id: number | null; name: string }[]; latePublished: Map<number | null, number>;
}): Dispatch {
  const { fromOn, toOn } = monthBounds(input.month);
  const outcomes = input.columns.flatMap((c) => columnOutcomes(c, fromOn, toOn));
  const rows: UnitRow[] = input.units.map((u) => {
    const mine = outcomes.filter((o) => o.unitId === u.id);
    const done = mine.filter((o) => o.outcome === 'done').length;
    const late = mine.filter((o) => o.outcome === 'late').length;
    const missing = mine.filter((o) => o.outcome === 'missing').length;
    const due = done + late + missing;
    return { unitId: u.id, unitName: u.name, due, done, late, missing, latePublished: input.latePublished.get(u.id) ?? 0, rate: due ? done / due : null, rank: null };
  });
  const byName = (a: UnitRow, b: UnitRow) => a.unitName.localeCompare(b.unitName, 'zh');
  const ranked = rows.filter((r) => r.due > 0).sort((a, b) => compareStanding(a, b) || byName(a, b));
  if (ranked.length >= MIN_RANKED) ranked.forEach((r, i) => { r.rank = i > 0 && compareStanding(r, ranked[i - 1]) === 0 ? ranked[i - 1].rank : i + 1; });
  return { month: input.month, fromOn, toOn, outcomes, units: [...ranked, ...rows.filter((r) => r.due === 0).sort(byName)] };
}

/** Better standing first; 0 when equal. Rates compare as fractions (done × due'), so 1/3 and 2/6 are equal. */
const compareStanding = (a: UnitRow, b: UnitRow) =>
  b.done * a.due - a.done * b.due || b.done - a.done || a.missing - b.missing || a.late - b.late || a.latePublished - b.latePublished;

/** Units with something due needed for a ranking: one alone is not ranked. */
const MIN_RANKED = 2;

/** The ranking's rule as the page and the notice state it. */
export const RANKING_RULE = '按按时更新率排名；按时更新率相同的，按时更新次数多的在前，再依次比较未更新、逾期后更新次数和超期公开信息条数（少的在前），均相同的名次并列。本月无应更新栏目的股室（单位）不参与排名，列于其后。本月有应更新栏目的股室（单位）少于两个的，不排名次。';

/** The heading of the units with nothing due in the ranking table, on the page and in the notice. */
export const NOTHING_DUE_LABEL = '本月无应更新栏目（不参与排名）';

export const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
const OUTCOME_LABELS = { done: '按时更新', late: '逾期后更新', missing: '未更新' } as const;

/** The ranking table's columns, the same on the page and in the notice. */
export const RANKING_HEADERS = ['名次', '股室（单位）', '应更新', '按时', '逾期', '未更新', '按时率', '超期公开信息'] as const;

const unitCells = (u: UnitRow): TableCell[] => [
  { text: u.rank === null ? '' : String(u.rank), align: 'center' }, { text: u.unitName },
  ...[u.due, u.done, u.late, u.missing].map((n): TableCell => ({ text: String(n), align: 'right' })),
  { text: percent(u.rate), align: 'right' }, { text: String(u.latePublished), align: 'right' },
];

/** The notice (通报) as a document: summary, ranking table, columns late or missing, requirements. */
export function dispatchDocument(d: Dispatch, organName: string, issuedOn: IsoDate): DocumentModel {
  const t = d.units.reduce((s, u) => ({ due: s.due + u.due, done: s.done + u.done, late: s.late + u.late, missing: s.missing + u.missing, lp: s.lp + u.latePublished }), { due: 0, done: 0, late: 0, missing: 0, lp: 0 });
  const unitName = new Map(d.units.map((u) => [u.unitId, u.unitName]));
  const problems = d.outcomes.filter((o) => o.outcome !== 'done');
  // Split by what was due, not by rank: a sole unit with something due has no rank but is not 本月无应更新栏目.
  const ranked = d.units.filter((u) => u.due > 0);
  const unranked = d.units.filter((u) => u.due === 0);
  return {
    title: `${organName}政务公开工作${monthLabel(d.month)}调度情况通报`,
    blocks: [
      { kind: 'title', text: `${organName}政务公开工作${monthLabel(d.month)}调度情况通报` },
      { kind: 'heading', level: 1, text: '一、总体情况' },
      {
        kind: 'paragraph', indent: true,
        text: `${d.fromOn}至${d.toOn}，按栏目更新周期应更新栏目 ${t.due} 次，按时更新 ${t.done} 次，逾期后更新 ${t.late} 次，月底仍未更新 ${t.missing} 次，按时更新率 ${percent(t.due ? t.done / t.due : null)}；超过 20 个工作日公开的信息 ${t.lp} 条。`,
      },
      { kind: 'heading', level: 1, text: '二、各股室（单位）完成情况' },
      { kind: 'paragraph', indent: true, text: RANKING_RULE },
      {
        kind: 'table', columnWidths: [8, 26, 10, 10, 10, 10, 11, 15],
        header: [RANKING_HEADERS.map((text) => ({ text, bold: true }))],
        rows: [
          ...ranked.map(unitCells),
          ...(unranked.length ? [[{ text: NOTHING_DUE_LABEL, colSpan: RANKING_HEADERS.length }], ...unranked.map(unitCells)] : []),
        ],
      },
      { kind: 'heading', level: 1, text: '三、逾期和未更新的栏目' },
      ...(problems.length === 0
        ? [{ kind: 'paragraph' as const, indent: true, text: '本月各栏目均按时更新。' }]
        : [{
          kind: 'table' as const, columnWidths: [30, 24, 14, 16, 16],
          header: [[{ text: '栏目', bold: true }, { text: '责任股室（单位）', bold: true }, { text: '更新周期', bold: true }, { text: '应更新日期', bold: true }, { text: '情况', bold: true }]],
          rows: problems.map((o) => [{ text: o.name }, { text: unitName.get(o.unitId) ?? '' }, { text: CADENCE_LABELS[o.cadence] }, { text: o.dueOn ?? '空白栏目' }, { text: o.outcome === 'late' ? `${OUTCOME_LABELS.late}（${o.doneOn}）` : OUTCOME_LABELS.missing }]),
        }]),
      { kind: 'heading', level: 1, text: '四、工作要求' },
      { kind: 'paragraph', indent: true, text: '请未按时更新栏目的股室（单位）于 5 个工作日内补充更新，并按栏目更新周期及时发布信息；政务公开办公室将持续跟踪，调度结果纳入年度考核。' },
      { kind: 'signature', lines: [organName, issuedOn.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_m, y, mo, da) => `${y}年${Number(mo)}月${Number(da)}日`)] },
    ],
  };
}

import {
  APPEAL_GROUPS, APPLICANT_TYPES, APPLICATION_COLUMNS, OUTCOME_FAMILIES, PROACTIVE_BLOCKS, ROW_CARRIED_IN, ROW_CARRIED_OUT, ROW_RECEIVED,
  ROW_RESULTS_TOTAL, TOTAL_COLUMN, appealCell, applicationCell,
} from './report-format.ts';
import type { ReportFigures } from './report-types.ts';

/** Labels the prose needs that belong to other areas (the catalog's 五公开 stages). */
export type ProseLabels = { stageLabels: Record<string, string>; documentRowLabels: string[] };

/**
 * A figure section 一 quotes, written “<prefix><n><unit>” (新收政府信息公开申请3件). The draft writes
 * these phrases and the check finds them again, so a figure edited in the text but not in the
 * tables is caught (rule “Figures quoted in section 一 agree with the tables”).
 */
export type Quote = { prefix: string; unit: '条' | '件'; value: number; cells: string[] };

export const plainLabel = (label: string) => label.replace(/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, '').replace(/（[^）]*）$/, '');
/** 行政诉讼 · 未经复议直接起诉 → 行政诉讼 (the format writes a two-level heading as one label). */
export const headOf = (label: string) => label.split(' · ')[0];

const sumOf = (row: Record<string, number>, keys: string[]) => keys.reduce((s, k) => s + (row[k] ?? 0), 0);

export function quotesOf(f: ReportFigures, labels: ProseLabels) {
  const q = (prefix: string, unit: Quote['unit'], value: number, cells: string[]): Quote => ({ prefix, unit, value, cells });
  const total = (row: string) => f.applications[row][TOTAL_COLUMN];
  const stages = Object.entries(labels.stageLabels).map(([key, label]) => q(label, '条', f.stages[key] ?? 0, [`主动公开信息（${label}）`]));
  const published = q('主动公开政府信息', '条', Object.values(f.stages).reduce((s, n) => s + n, 0), stages.flatMap((s) => s.cells));

  const orgColumns = APPLICATION_COLUMNS.filter((c) => c.group).map((c) => c.key);
  const orgGroup = APPLICATION_COLUMNS.find((c) => c.group)?.group ?? '';
  const natural = APPLICANT_TYPES.filter((k) => !orgColumns.includes(k));
  const byApplicant = [
    ...natural.map((k) => q(APPLICATION_COLUMNS.find((c) => c.key === k)!.label, '件', f.applications[ROW_RECEIVED][k], [applicationCell(ROW_RECEIVED, k)])),
    q(orgGroup, '件', sumOf(f.applications[ROW_RECEIVED], orgColumns), orgColumns.map((k) => applicationCell(ROW_RECEIVED, k))),
  ];
  const families = OUTCOME_FAMILIES.map((fam) =>
    q(plainLabel(fam.label), '件', fam.outcomes.reduce((s, k) => s + total(k), 0), fam.outcomes.map((k) => applicationCell(k, TOTAL_COLUMN))),
  );

  const docBlock = PROACTIVE_BLOCKS.find((b) => b.rows.some((r) => labels.documentRowLabels.includes(r)));
  const documents = (docBlock?.rows ?? []).filter((r) => labels.documentRowLabels.includes(r)).map((row) => {
    const [, issued, repealed, inForce] = docBlock!.columns;
    const cell = (c: string) => `表二「${row}」${c}`;
    return {
      row,
      issued: q(`制发${row}`, '件', f.proactive[row]?.[issued] ?? 0, [cell(issued)]),
      repealed: q(`废止${row}`, '件', f.proactive[row]?.[repealed] ?? 0, [cell(repealed)]),
      inForce: q(`现行有效的${row}`, '件', f.proactive[row]?.[inForce] ?? 0, [cell(inForce)]),
    };
  });

  const [reconsideration, ...litigation] = APPEAL_GROUPS;
  const appeals = {
    reconsideration: q(reconsideration.label, '件', f.appeals[reconsideration.key][TOTAL_COLUMN], [appealCell(reconsideration.key, TOTAL_COLUMN)]),
    litigation: q(headOf(litigation[0].label), '件', litigation.reduce((s, g) => s + f.appeals[g.key][TOTAL_COLUMN], 0), litigation.map((g) => appealCell(g.key, TOTAL_COLUMN))),
  };

  return {
    published, stages, documents, byApplicant, families, appeals,
    received: q('新收政府信息公开申请', '件', total(ROW_RECEIVED), [applicationCell(ROW_RECEIVED, TOTAL_COLUMN)]),
    carriedIn: q('上年结转', '件', total(ROW_CARRIED_IN), [applicationCell(ROW_CARRIED_IN, TOTAL_COLUMN)]),
    closed: q('本年办结', '件', total(ROW_RESULTS_TOTAL), [applicationCell(ROW_RESULTS_TOTAL, TOTAL_COLUMN)]),
    carriedOut: q('结转下年度继续办理', '件', total(ROW_CARRIED_OUT), [applicationCell(ROW_CARRIED_OUT, TOTAL_COLUMN)]),
  };
}

/** Every quote section 一 may contain, flattened for the check. */
export function allQuotes(f: ReportFigures, labels: ProseLabels): Quote[] {
  const s = quotesOf(f, labels);
  return [
    s.published, ...s.stages, ...s.documents.flatMap((d) => [d.issued, d.repealed, d.inForce]), s.received, ...s.byApplicant, s.carriedIn, s.closed,
    ...s.families, s.carriedOut, s.appeals.reconsideration, s.appeals.litigation,
  ];
}

export const say = (q: Quote) => `${q.prefix}${q.value}${q.unit}`;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Where `text` quotes the figure `q`: the phrase as written and the number in it. */
export function quotedIn(text: string, q: Quote): { phrase: string; value: number }[] {
  const re = new RegExp(`${escape(q.prefix)}(\\d+)${q.unit}`, 'g');
  return [...text.matchAll(re)].map((m) => ({ phrase: m[0], value: Number(m[1]) }));
}

import { z } from '../../../shared/zod.ts';
import raw from './annual-report-format.json' with { type: 'json' };

/**
 * The national format of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号), loaded from
 * annual-report-format.json, the format's tables as data (docs/rules/annual-report.md). Labels, keys and rules are read from the data, never re-typed here; the few keys whose
 * meaning the computation needs (总计, 一, 二, 四 …) are looked up and their presence checked at load.
 */
type RowNode = { key: string; label: string; children?: RowNode[] };
const rowNode: z.ZodType<RowNode> = z.lazy(() => z.object({ key: z.string(), label: z.string(), children: z.array(rowNode).optional() }));
const keyed = z.object({ key: z.string(), label: z.string(), group: z.string().optional() });

const formatSchema = z.object({
  name: z.string(),
  basis: z.string(),
  sections: z.array(
    z.object({ no: z.string(), title: z.string(), kind: z.enum(['text', 'table']), table: z.string().optional(), covers: z.array(z.string()).optional(), usually: z.array(z.string()).optional() }),
  ),
  tables: z.object({
    proactive: z.object({ blocks: z.array(z.object({ header: z.string(), columns: z.array(z.string()), rows: z.array(z.string()) })) }),
    applications: z.object({ corner_note: z.string(), column_group: z.string(), columns: z.array(keyed), rows: z.array(rowNode) }),
    appeals: z.object({ groups: z.array(keyed), columns: z.array(keyed) }),
  }),
  consistency_rules: z.array(z.string()).length(6),
});

export const FORMAT = formatSchema.parse(raw);
export type FormatRow = RowNode;

function require<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`annual-report-format.json 缺少${what}`);
  return value;
}

const appTable = FORMAT.tables.applications;
/** The 总计 column of table 三 and of table 四 (the last column of each, keyed `total`). */
export const TOTAL_COLUMN = require(appTable.columns.find((c) => c.key === 'total'), '“总计”列').key;
require(FORMAT.tables.appeals.columns.find((c) => c.key === TOTAL_COLUMN), '表四“总计”列');

/** Table 三 columns: the six applicant types, then 总计. */
export const APPLICATION_COLUMNS = appTable.columns;
export const APPLICANT_TYPES = appTable.columns.filter((c) => c.key !== TOTAL_COLUMN).map((c) => c.key);

const topRow = (key: string) => require(appTable.rows.find((r) => r.key === key), `表三行 ${key}`);
/** 一、本年新收 / 二、上年结转 / 三、本年度办理结果 / 四、结转下年度继续办理. */
export const ROW_RECEIVED = topRow('received').key;
export const ROW_CARRIED_IN = topRow('carried_in').key;
export const ROW_CARRIED_OUT = topRow('carried_out').key;
const resultsNode = topRow('results');
export const RESULTS_NODE: RowNode = resultsNode;
/** （七）总计 of the results block. */
export const ROW_RESULTS_TOTAL = require(resultsNode.children?.find((c) => c.key === 'results_total'), '（七）总计').key;

const leaves = (n: RowNode): RowNode[] => (n.children?.length ? n.children.flatMap(leaves) : [n]);
/** The outcome rows an application can close in: the 22 result rows minus （七）总计, in table order. */
export const OUTCOME_ROWS: RowNode[] = (resultsNode.children ?? []).flatMap(leaves).filter((r) => r.key !== ROW_RESULTS_TOTAL);
export const OUTCOME_KEYS = OUTCOME_ROWS.map((r) => r.key);
/** The outcome families （一）…（六） with the outcome keys under each. */
export const OUTCOME_FAMILIES = (resultsNode.children ?? [])
  .filter((c) => c.key !== ROW_RESULTS_TOTAL)
  .map((c) => ({ key: c.key, label: c.label, outcomes: leaves(c).map((l) => l.key) }));

/** Every row of table 三 that holds figures, in table order (group rows without figures left out). */
export const FIGURE_ROWS: RowNode[] = appTable.rows.flatMap((r) => (r.key === resultsNode.key ? leaves(r) : [r]));
if (FIGURE_ROWS.length !== 25 || OUTCOME_ROWS.length !== 21) throw new Error('annual-report-format.json：表三应有 22 个办理结果行');

/** Table 四: the three case groups and the result columns (the last is 总计). */
export const APPEAL_GROUPS = FORMAT.tables.appeals.groups;
export const APPEAL_COLUMNS = FORMAT.tables.appeals.columns;
export const APPEAL_RESULTS = APPEAL_COLUMNS.filter((c) => c.key !== TOTAL_COLUMN).map((c) => c.key);
/** The column a case still undecided on 31 December is counted in (尚未审结). */
export const APPEAL_PENDING = require(APPEAL_COLUMNS.find((c) => c.key === 'pending'), '“尚未审结”列').key;

export const PROACTIVE_BLOCKS = FORMAT.tables.proactive.blocks;
/** A table 二 column counted in money (本年收费金额（单位：万元）): decimals allowed; every other cell is a whole count. */
export const isAmountColumn = (column: string) => column.includes('万元');

export const RULES = FORMAT.consistency_rules;
export const sectionOf = (no: string) => require(FORMAT.sections.find((s) => s.no === no), `第${no}部分`);
export const sectionTitle = (no: string) => sectionOf(no).title;
export const TEXT_SECTIONS = FORMAT.sections.filter((s) => s.kind === 'text').map((s) => s.no);

const labelOf = new Map<string, RowNode>();
const walk = (n: RowNode, parent: RowNode | null, top: RowNode) => {
  labelOf.set(n.key, n);
  parentOf.set(n.key, parent);
  topOf.set(n.key, top);
  for (const c of n.children ?? []) walk(c, n, top);
};
const parentOf = new Map<string, RowNode | null>();
const topOf = new Map<string, RowNode>();
for (const r of appTable.rows) walk(r, null, r);

const numberPart = (label: string) => /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/.exec(label)?.[1]?.replace('、', '') ?? '';
const namePart = (label: string) => label.replace(/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, '').replace(/（[^）]*）$/, '');

/** A short name for a row of table 三 as people cite it: 一、三（二）部分公开、三（三）1.属于国家秘密、四. */
export function rowName(key: string): string {
  const node = require(labelOf.get(key), `表三行 ${key}`);
  const top = topOf.get(key)!;
  if (node === top) return `${numberPart(node.label)}、${namePart(node.label)}`;
  const parent = parentOf.get(key)!;
  if (parent === top) return `${numberPart(top.label)}${numberPart(node.label)}${namePart(node.label)}`;
  return `${numberPart(top.label)}${numberPart(parent.label)}${numberPart(node.label)}${namePart(node.label)}`;
}

export const columnLabel = (key: string) => require(APPLICATION_COLUMNS.find((c) => c.key === key), `表三列 ${key}`).label;
export const appealGroupLabel = (key: string) => require(APPEAL_GROUPS.find((g) => g.key === key), `表四 ${key}`).label;
export const appealColumnLabel = (key: string) => require(APPEAL_COLUMNS.find((c) => c.key === key), `表四列 ${key}`).label;
export const outcomeLabel = (key: string) => require(labelOf.get(key), `表三行 ${key}`).label;

/** The cell of table 三 as it is cited in a check: “表三 一、本年新收政府信息公开申请数量 / 自然人”. */
export const applicationCell = (row: string, column: string) => `表三「${rowName(row)}」${columnLabel(column)}`;
export const appealCell = (group: string, column: string) => `表四「${appealGroupLabel(group)}」${appealColumnLabel(column)}`;

/**
 * The 公开年报 page's one list (an outside tester read two lists of the same titles, 2019–2025 and 2018–2025, with
 * nothing telling them apart): per year, newest first, the report the organ published in its 年报 column (a catalog
 * item: its text as published) and the platform's report of that year (the reports area's, in the national format
 * 国办公开办函〔2021〕30号 with every table, its downloads and 图解), each where there is one.
 */
export type ReportItem = { id: number; title: string; publishedOn: string | null };
export type AnnualReportRow = { year: number; items: ReportItem[]; platformReport: boolean };

/**
 * The year a report item covers: the first 4-digit year its title names (…2025年政府信息公开工作年度报告), else the year
 * before the one it was published in (条例第四十九条: a report is published by 31 January or 31 March of the next year).
 */
export function reportYearOf(item: ReportItem): number | null {
  const named = /((?:19|20)\d{2})\s*年/.exec(item.title);
  if (named) return Number(named[1]);
  return item.publishedOn ? Number(item.publishedOn.slice(0, 4)) - 1 : null;
}

export function annualReportRows(platformYears: readonly number[], items: readonly ReportItem[]): { rows: AnnualReportRow[]; undated: ReportItem[] } {
  const rows = new Map<number, AnnualReportRow>();
  const row = (year: number) => rows.get(year) ?? rows.set(year, { year, items: [], platformReport: false }).get(year)!;
  for (const y of platformYears) row(y).platformReport = true;
  const undated: ReportItem[] = [];
  for (const item of items) {
    const y = reportYearOf(item);
    if (y === null) undated.push(item);
    else row(y).items.push(item);
  }
  return { rows: [...rows.values()].sort((a, b) => b.year - a.year), undated };
}

/**
 * Rows as CSV (RFC 4180) in UTF-8 with a byte-order mark, so Excel and WPS open Chinese text
 * correctly; a cell with a comma, quote or line break is quoted.
 */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

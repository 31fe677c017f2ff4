import type { ComponentChildren } from 'preact';

/**
 * What every chart shares (ADR 0019): the series' colours and fill patterns, the value scale, the
 * legend, the figure with its title and description, and the data table beneath it. Charts are
 * SVG written on the server: no script, no inline style; sizes and colours are SVG presentation
 * attributes, which the CSP does not govern.
 */

/** One named row of values, one per category; null where there is no value (a gap, "—" in the table). */
export type Series = { name: string; values: (number | null)[] };

/**
 * Colours with at least 4.5:1 contrast against white, so a bar or line and its value labels read
 * as well as text. Series are also told apart by fill pattern (bars) or marker and dash (lines),
 * and by their order, never by colour alone.
 */
export const COLOURS = ['#1f5fa8', '#b3451b', '#2e6b30', '#6b3fa0', '#8a5a00', '#0f6e78'] as const;
export const TEXT = '#1f1f1f';
export const MUTED = '#555555';
export const GRID = '#d6d9de';

export const colourOf = (k: number) => COLOURS[k % COLOURS.length];

/** Series 0 is solid; the others get white stripes, dots or hatching over their colour. */
const PATTERNS: ((c: string) => ComponentChildren)[] = [
  () => null,
  (c) => <><rect width="6" height="6" fill={c} /><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2" /></>,
  (c) => <><rect width="6" height="6" fill={c} /><circle cx="3" cy="3" r="1.2" fill="#fff" /></>,
  (c) => <><rect width="6" height="6" fill={c} /><line x1="0" y1="3" x2="6" y2="3" stroke="#fff" stroke-width="1.5" /></>,
  (c) => <><rect width="6" height="6" fill={c} /><line x1="3" y1="0" x2="3" y2="6" stroke="#fff" stroke-width="1.5" /><line x1="0" y1="3" x2="6" y2="3" stroke="#fff" stroke-width="1.5" /></>,
  (c) => <><rect width="6" height="6" fill={c} /><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="1" /></>,
];

/** The fill of series k in the chart `id`: its colour, or its pattern defined by <PatternDefs>. */
export const fillOf = (id: string, k: number) => (k % PATTERNS.length === 0 ? colourOf(k) : `url(#${id}-p${k})`);

/** The fill patterns of the chart's series (ids are prefixed with the chart's id, so charts on one page do not clash). */
export function PatternDefs({ id, count }: { id: string; count: number }) {
  const ks = Array.from({ length: count }, (_, k) => k).filter((k) => k % PATTERNS.length !== 0);
  if (ks.length === 0) return null;
  return (
    <defs>
      {ks.map((k) => (
        <pattern id={`${id}-p${k}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform={k % PATTERNS.length === 1 ? 'rotate(45)' : undefined}>
          {PATTERNS[k % PATTERNS.length](colourOf(k))}
        </pattern>
      ))}
    </defs>
  );
}

/** A number as written on a chart and in its table: whole numbers as they are, others to two decimals at most. */
export const formatValue = (v: number) => (Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100));

/** Roughly how wide a label is drawn: a Chinese character is as wide as the font size, a Latin one about half. */
export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e7f ? fontSize : fontSize * 0.6;
  return w;
}

/** A label cut to `max` width with …; the table always has it whole. */
export function fitLabel(s: string, fontSize: number, max: number): string {
  if (textWidth(s, fontSize) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(`${out}${ch}…`, fontSize) > max) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * A value axis from 0 to a round top with about `ticks` steps of 1, 2, 2.5 or 5 × 10ⁿ (whole steps
 * for counts). All-zero or empty data gets 0 to `ticks`, so nothing divides by zero; `fixedMax`
 * (100 for a percentage) is used as it is.
 */
export function valueScale(values: (number | null)[], opts: { ticks?: number; fixedMax?: number } = {}): { max: number; ticks: number[] } {
  const n = opts.ticks ?? 4;
  const dataMax = Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const top = opts.fixedMax !== undefined ? Math.max(opts.fixedMax, dataMax) : dataMax;
  if (top <= 0) return { max: n, ticks: Array.from({ length: n + 1 }, (_, i) => i) };
  const raw = top / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  // Counts are whole: a step of 2.5 only from 25 up.
  const step = Math.max(1, [1, 2, 2.5, 5, 10].map((f) => f * mag).filter((s) => s >= 1 ? Number.isInteger(s) : true).find((s) => s >= raw - 1e-9)!);
  const stepped = opts.fixedMax !== undefined && top === opts.fixedMax ? opts.fixedMax / n : step;
  const max = Math.ceil(top / stepped - 1e-9) * stepped;
  const ticks: number[] = [];
  for (let t = 0; t <= max + 1e-9; t += stepped) ticks.push(Math.round(t * 100) / 100);
  return { max, ticks };
}

/** What the plot says when it has nothing to draw: no value at all, or only zeros; null when something is drawn. */
export function emptyNote(series: Series[]): string | null {
  const values = series.flatMap((s) => s.values);
  if (values.every((v) => v === null)) return '暂无数据';
  return values.every((v) => v === null || v === 0) ? '全部为 0' : null;
}

/** How a series is drawn in the legend: a bar swatch, or a line with its marker. */
export type LegendMark = (k: number, x: number, y: number) => ComponentChildren;

/** The legend above the plot, wrapping to a new row when a row is full; its height. */
export function legendLayout(names: string[], width: number, left: number): { items: { name: string; x: number; y: number }[]; height: number } {
  if (names.length < 2) return { items: [], height: 0 };
  const items: { name: string; x: number; y: number }[] = [];
  let x = left;
  let row = 0;
  for (const name of names) {
    const w = 26 + textWidth(name, 13) + 18;
    if (x + w > width && x > left) { row += 1; x = left; }
    items.push({ name, x, y: 6 + row * 22 });
    x += w;
  }
  return { items, height: (row + 1) * 22 + 6 };
}

export function Legend({ items, mark }: { items: { name: string; x: number; y: number }[]; mark: LegendMark }) {
  if (items.length === 0) return null;
  return (
    <g class="chart-legend">
      {items.map((it, k) => (
        <g>
          {mark(k, it.x, it.y)}
          <text x={it.x + 26} y={it.y + 12} font-size="13" fill={TEXT}>{it.name}</text>
        </g>
      ))}
    </g>
  );
}

/** The swatch of a bar series in the legend: its colour or pattern with a dark outline. */
export const barSwatch = (id: string): LegendMark => (k, x, y) => <rect x={x} y={y + 1} width="18" height="14" fill={fillOf(id, k)} stroke={TEXT} stroke-width="0.5" />;

/** Said in the middle of the plot when every value is zero or missing (see emptyNote). */
export function NoData({ series, x, y }: { series: Series[]; x: number; y: number }) {
  const note = emptyNote(series);
  return note && <text x={x} y={y} font-size="14" fill={MUTED} text-anchor="middle">{note}</text>;
}

export type TableSpec = {
  /** Header of the category column (项目, 月份, 年度 …). */
  categoryHeader: string;
  categories: string[];
  series: Series[];
  unit: string;
  /** Shown for a missing value. */
  missing: string;
  /** Extra figures the chart also shows, as columns after the series (a stack's 合计). */
  extra?: Series[];
  /** A rank per category, shown first (a ranking). */
  ranks?: number[];
};

/**
 * The chart's data as an HTML table (caption, column and row headers) in a <details> the reader
 * opens: every number the chart shows, in the same order, for screen readers and for reading.
 */
export function DataTable({ id, title, t }: { id: string; title: string; t: TableSpec }) {
  const columns = [...t.series, ...(t.extra ?? [])];
  const cell = (v: number | null) => (v === null ? t.missing : formatValue(v));
  return (
    <details class="chart-data">
      <summary>查看数据表<span class="visually-hidden">：{title}</span></summary>
      <table class="list chart-table" id={`${id}-table`}>
        <caption>{title}（数据表）</caption>
        <thead>
          <tr>
            {t.ranks && <th scope="col">名次</th>}
            <th scope="col">{t.categoryHeader}</th>
            {columns.map((s) => <th scope="col">{s.name}{t.unit ? `（${t.unit}）` : ''}</th>)}
          </tr>
        </thead>
        <tbody>
          {t.categories.map((c, i) => (
            <tr>
              {t.ranks && <td class="chart-rank">{t.ranks[i]}</td>}
              <th scope="row">{c}</th>
              {columns.map((s) => <td>{cell(s.values[i])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/**
 * One of the two drawings of every chart. `wide` is 640 units across for a screen of 700 px and more,
 * where it is drawn at least at its size. `narrow` is 340 units across for a phone (site.css swaps
 * them at 700 px): a 390 px phone draws it at about 1.05× its size, so its words, never under 12
 * units, stay at least 12 px — where the wide one shrunk to 10 px or had to scroll. Its element ids
 * carry "-n" so the two drawings on one page do not clash.
 */
export type Layout = { width: number; ids: string; narrow: boolean; tick: number; label: number };
export const layoutsOf = (id: string): Layout[] => [
  { width: 640, ids: id, narrow: false, tick: 11, label: 12 },
  { width: 340, ids: `${id}-n`, narrow: true, tick: 12, label: 13 },
];

/** A chart drawn for one layout: its height and its SVG content. */
export type Drawing = { height: number; body: ComponentChildren };

/**
 * The figure: a visible title, each layout's SVG named by it and described by its <desc> (the one
 * not shown is display:none, so a screen reader meets one image), then the data table.
 */
export function ChartFigure({ id, title, description, table, draw }: {
  id: string; title: string; description: string; table: TableSpec; draw: (layout: Layout) => Drawing;
}) {
  return (
    <figure class="chart" id={id}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {layoutsOf(id).map((layout) => {
        const { height, body } = draw(layout);
        return (
          <div class={layout.narrow ? 'chart-frame chart-narrow' : 'chart-frame chart-wide'}>
            <svg viewBox={`0 0 ${layout.width} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title ${layout.ids}-desc`} xmlns="http://www.w3.org/2000/svg">
              <title>{title}</title>
              <desc id={`${layout.ids}-desc`}>{description}</desc>
              {body}
            </svg>
          </div>
        );
      })}
      <DataTable id={id} title={title} t={table} />
    </figure>
  );
}

/** Checks that every series has one value per category (a programming error otherwise). */
export function checkShape(title: string, categories: string[], series: Series[]): void {
  for (const s of series) if (s.values.length !== categories.length) throw new Error(`图表“${title}”的数据系列“${s.name}”应有 ${categories.length} 个数值`);
}

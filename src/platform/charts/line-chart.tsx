import type { ComponentChildren } from 'preact';
import {
  ChartFigure, checkShape, colourOf, type Layout, fitLabel, formatValue, GRID, Legend, legendLayout, MUTED, NoData, TEXT, textWidth, valueScale, type Series,
} from './chart-kit.tsx';

/**
 * A trend over months or years drawn on the server as SVG (ADR 0019): one line per series, each
 * with its own marker shape and dash as well as colour, a missing value leaving a gap (never drawn
 * as 0). Up to 13 points every value is written beside its point; on longer series the last value
 * of each line is, and the data table beneath has them all.
 */
const PLOT_HEIGHT = 200;
const RIGHT = 16;
const AXIS_ROOM = 30;
const LABEL_ALL_UP_TO = 13;
const DASHES = [undefined, '7 4', '2 3', '9 3 2 3'];

/** The marker of series k: circle, square, triangle, diamond … (filled with the series' colour). */
function marker(k: number, x: number, y: number, title?: string): ComponentChildren {
  const c = colourOf(k);
  const t = title ? <title>{title}</title> : null;
  switch (k % 4) {
    case 0: return <circle cx={r(x)} cy={r(y)} r="4" fill={c}>{t}</circle>;
    case 1: return <rect x={r(x - 4)} y={r(y - 4)} width="8" height="8" fill={c}>{t}</rect>;
    case 2: return <path d={`M${r(x)} ${r(y - 5)}L${r(x + 5)} ${r(y + 4)}L${r(x - 5)} ${r(y + 4)}Z`} fill={c}>{t}</path>;
    default: return <path d={`M${r(x)} ${r(y - 5)}L${r(x + 5)} ${r(y)}L${r(x)} ${r(y + 5)}L${r(x - 5)} ${r(y)}Z`} fill={c}>{t}</path>;
  }
}

export function LineChart({ id, title, description, categories, axisLabels, series, unit = '', max, categoryHeader = '项目', missing = '—' }: {
  id: string; title: string; description: string;
  /** The points' categories in full (months, days, years), as the table and tooltips say them. */
  categories: string[];
  /** Shorter labels under the axis; the categories when not given. */
  axisLabels?: string[];
  series: Series[]; unit?: string;
  /** A fixed top of the scale (100 for a percentage). */
  max?: number;
  categoryHeader?: string; missing?: string;
}) {
  checkShape(title, categories, series);
  const scale = valueScale(series.flatMap((s) => s.values), { fixedMax: max });
  const labels = axisLabels ?? categories;
  /** Runs of consecutive values: a missing value breaks the line. */
  const runs = (values: (number | null)[]) => {
    const out: { i: number; v: number }[][] = [];
    let cur: { i: number; v: number }[] = [];
    values.forEach((v, i) => {
      if (v === null) { if (cur.length) out.push(cur); cur = []; } else cur.push({ i, v });
    });
    if (cur.length) out.push(cur);
    return out;
  };
  const legendMark = (k: number, x: number, y: number) => (
    <g>
      <line x1={x} y1={y + 8} x2={x + 20} y2={y + 8} stroke={colourOf(k)} stroke-width="2" stroke-dasharray={DASHES[k % DASHES.length]} />
      {marker(k, x + 10, y + 8)}
    </g>
  );
  const draw = ({ width: WIDTH, narrow, tick, label }: Layout) => {
    const tickWidth = Math.max(...scale.ticks.map((t) => textWidth(`${formatValue(t)}${unit}`, tick)));
    const left = Math.ceil(tickWidth) + 14;
    const legend = legendLayout(series.map((s) => s.name), WIDTH, left);
    const top = legend.height + 24;
    const bottom = top + PLOT_HEIGHT;
    const height = bottom + AXIS_ROOM;
    const n = Math.max(1, categories.length);
    const band = (WIDTH - left - RIGHT) / n;
    const xOf = (i: number) => left + band * (i + 0.5);
    const yOf = (v: number) => bottom - (v / scale.max) * PLOT_HEIGHT;
    const every = Math.max(1, Math.ceil(Math.max(0, ...labels.map((l) => textWidth(l, label))) / (band - 4)));
    // The narrow drawing writes its values in 12 units, and beside every point only when they fit between the points.
    const valueFont = narrow ? 12 : 11;
    const widest = Math.max(0, ...series.flatMap((s) => s.values).map((v) => (v === null ? 0 : textWidth(`${formatValue(v)}${unit}`, valueFont))));
    const labelAll = categories.length <= LABEL_ALL_UP_TO && (!narrow || widest <= band - 2);
    return { height, body: (
      <>
        <Legend items={legend.items} mark={legendMark} />
        <g class="chart-grid">
          {scale.ticks.map((t) => (
            <g>
              <line x1={left} y1={r(yOf(t))} x2={WIDTH - RIGHT} y2={r(yOf(t))} stroke={GRID} stroke-width="1" />
              <text x={left - 6} y={r(yOf(t) + 4)} font-size={tick} fill={MUTED} text-anchor="end">{`${formatValue(t)}${unit}`}</text>
            </g>
          ))}
        </g>
        <line x1={left} y1={bottom} x2={WIDTH - RIGHT} y2={bottom} stroke={MUTED} stroke-width="1" />
        {categories.map((_, i) => i % every === 0 && <text x={r(xOf(i))} y={bottom + 18} font-size={label} fill={TEXT} text-anchor="middle">{fitLabel(labels[i], label, band * every - 4)}</text>)}
        {series.map((s, k) => {
          const lastIndex = s.values.reduce<number>((last, v, i) => (v === null ? last : i), -1);
          // Values of even series above their points, of odd series below, so two close lines keep their labels apart;
          // near the axis an odd series' value goes above too, higher up, clear of the axis labels.
          const dy = (v: number) => (k % 2 === 0 ? -9 : yOf(v) + 17 > bottom - 2 ? -22 : 17);
          return (
            <g class="chart-series">
              {runs(s.values).filter((run) => run.length > 1).map((run) => (
                <polyline points={run.map((p) => `${r(xOf(p.i))},${r(yOf(p.v))}`).join(' ')} fill="none" stroke={colourOf(k)} stroke-width="2" stroke-dasharray={DASHES[k % DASHES.length]} />
              ))}
              {s.values.map((v, i) => v !== null && (
                <g>
                  {marker(k, xOf(i), yOf(v), `${categories[i]}${series.length > 1 ? `（${s.name}）` : ''}：${formatValue(v)}${unit}`)}
                  {(labelAll || i === lastIndex) && <text class="chart-value" x={r(xOf(i))} y={r(yOf(v) + dy(v))} font-size={valueFont} fill={TEXT} text-anchor={narrow && !labelAll ? 'end' : 'middle'}>{`${formatValue(v)}${unit}`}</text>}
                </g>
              ))}
            </g>
          );
        })}
        <NoData series={series} x={left + (WIDTH - left - RIGHT) / 2} y={top + PLOT_HEIGHT / 2} />
      </>
    ) };
  };
  return <ChartFigure id={id} title={title} description={description} draw={draw} table={{ categoryHeader, categories, series, unit, missing }} />;
}

const r = (v: number) => Math.round(v * 10) / 10;

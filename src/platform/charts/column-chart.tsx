import {
  barSwatch, ChartFigure, checkShape, type Layout, fillOf, fitLabel, formatValue, GRID, Legend, legendLayout, MUTED, NoData, PatternDefs, TEXT, textWidth, valueScale, type Series,
} from './chart-kit.tsx';

/**
 * Vertical bars (columns) drawn on the server as SVG (ADR 0019), one group per category (months,
 * years, stages): several series side by side (`grouped`) or on top of each other (`stacked`, with
 * the total written above each column and a 合计 column in the table). Every bar has its value
 * written on or above it; series differ by fill pattern and legend order as well as colour.
 */
const PLOT_HEIGHT = 220;
const RIGHT = 12;
const AXIS_ROOM = 30;

export function ColumnChart({ id, title, description, categories, axisLabels, series, mode = 'grouped', unit = '', categoryHeader = '项目', missing = '—' }: {
  id: string; title: string; description: string;
  /** The categories in full, as the table and the tooltips say them. */
  categories: string[];
  /** Shorter labels under the columns (e.g. "3月" for 2026年3月); the categories when not given. */
  axisLabels?: string[];
  series: Series[]; mode?: 'grouped' | 'stacked'; unit?: string; categoryHeader?: string; missing?: string;
}) {
  checkShape(title, categories, series);
  const stacked = mode === 'stacked' && series.length > 1;
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const scale = valueScale(stacked ? totals : series.flatMap((s) => s.values));
  const labels = axisLabels ?? categories;
  const tip = (c: string, s: Series, v: number) => `${c}${series.length > 1 ? `（${s.name}）` : ''}：${formatValue(v)}${unit}`;
  const draw = ({ width: WIDTH, ids, narrow, tick, label }: Layout) => {
    const tickWidth = Math.max(...scale.ticks.map((t) => textWidth(formatValue(t), tick)));
    const left = Math.ceil(tickWidth) + 14;
    const legend = legendLayout(series.map((s) => s.name), WIDTH, left);
    const top = legend.height + 26;
    const height = top + PLOT_HEIGHT + AXIS_ROOM;
    const n = Math.max(1, categories.length);
    const band = (WIDTH - left - RIGHT) / n;
    const groupWidth = Math.min(band * 0.72, stacked ? 64 : 34 * series.length);
    const barWidth = stacked ? groupWidth : groupWidth / Math.max(1, series.length);
    const yOf = (v: number) => top + PLOT_HEIGHT - (v / scale.max) * PLOT_HEIGHT;
    const bottom = top + PLOT_HEIGHT;
    // Every k-th label under the axis when they would not fit side by side (the table has them all).
    const every = Math.max(1, Math.ceil(Math.max(0, ...labels.map((l) => textWidth(l, label))) / (band - 4)));
    // A value on a column: the wide drawing writes a narrow column's in 10 units; the narrow one keeps 12 and
    // leaves out a value wider than its column (the table has it).
    const valueFont = narrow ? 12 : barWidth < 22 ? 10 : 12;
    const chipFont = narrow ? 12 : 11;
    const fitsColumn = (text: string) => !narrow || textWidth(text, valueFont) <= barWidth + 2;
    return { height, body: (
      <>
        <PatternDefs id={ids} count={series.length} />
        <Legend items={legend.items} mark={barSwatch(ids)} />
        <g class="chart-grid">
          {scale.ticks.map((t) => (
            <g>
              <line x1={left} y1={r(yOf(t))} x2={WIDTH - RIGHT} y2={r(yOf(t))} stroke={GRID} stroke-width="1" />
              <text x={left - 6} y={r(yOf(t) + 4)} font-size={tick} fill={MUTED} text-anchor="end">{formatValue(t)}</text>
            </g>
          ))}
        </g>
        {categories.map((c, i) => {
          const x0 = left + band * i + (band - groupWidth) / 2;
          const centre = left + band * (i + 0.5);
          let base = 0;
          return (
            <g>
              {series.map((s, k) => {
                const v = s.values[i];
                if (stacked) {
                  if (v === null || v === 0) return null;
                  const y1 = yOf(base + v);
                  const h = yOf(base) - y1;
                  base += v;
                  const chip = formatValue(v);
                  const fits = h >= chipFont + 5 && textWidth(chip, chipFont) + 6 <= barWidth;
                  return (
                    <g>
                      <rect x={r(x0)} y={r(y1)} width={r(barWidth)} height={r(h)} fill={fillOf(ids, k)} stroke="#fff" stroke-width="1"><title>{tip(c, s, v)}</title></rect>
                      {fits && (
                        <g>
                          <rect x={r(centre - textWidth(chip, chipFont) / 2 - 3)} y={r(y1 + h / 2 - 7)} width={r(textWidth(chip, chipFont) + 6)} height={chipFont + 3} fill="#fff" rx="2" />
                          <text class="chart-value" x={r(centre)} y={r(y1 + h / 2 + 4)} font-size={chipFont} fill={TEXT} text-anchor="middle">{chip}</text>
                        </g>
                      )}
                    </g>
                  );
                }
                const x = x0 + k * barWidth;
                const text = v === null ? missing : formatValue(v);
                return (
                  <g>
                    {v !== null && <rect x={r(x + 1)} y={r(yOf(v))} width={r(Math.max(1, barWidth - 2))} height={r(bottom - yOf(v))} fill={fillOf(ids, k)}><title>{tip(c, s, v)}</title></rect>}
                    {fitsColumn(text) && <text class="chart-value" x={r(x + barWidth / 2)} y={r((v === null ? bottom : yOf(v)) - 4)} font-size={valueFont} fill={TEXT} text-anchor="middle">{text}</text>}
                  </g>
                );
              })}
              {stacked && <text class="chart-total" x={r(centre)} y={r(yOf(totals[i]) - 5)} font-size="12" font-weight="700" fill={TEXT} text-anchor="middle">{formatValue(totals[i])}</text>}
              {i % every === 0 && <text x={r(centre)} y={bottom + 18} font-size={label} fill={TEXT} text-anchor="middle">{fitLabel(labels[i], label, band * every - 4)}</text>}
            </g>
          );
        })}
        <line x1={left} y1={bottom} x2={WIDTH - RIGHT} y2={bottom} stroke={MUTED} stroke-width="1" />
        <NoData series={series} x={left + (WIDTH - left - RIGHT) / 2} y={top + PLOT_HEIGHT / 2} />
      </>
    ) };
  };
  return (
    <ChartFigure id={id} title={title} description={description} draw={draw}
      table={{ categoryHeader, categories, series, unit, missing, extra: stacked ? [{ name: '合计', values: totals }] : undefined }} />
  );
}

const r = (v: number) => Math.round(v * 10) / 10;

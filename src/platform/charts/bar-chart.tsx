import {
  barSwatch, ChartFigure, checkShape, type Layout, fillOf, fitLabel, formatValue, GRID, Legend, legendLayout, MUTED, NoData, PatternDefs, TEXT, valueScale, type Series,
} from './chart-kit.tsx';

export type { Series as BarSeries } from './chart-kit.tsx';

/**
 * Horizontal bars drawn on the server as SVG (ADR 0019): one row per category, one bar per series,
 * each with its value written at its end, so nothing depends on colour; several series are told
 * apart by the legend, their fill pattern and their order within the row. A long category is cut
 * on the drawing and whole in the data table beneath.
 */
/** The names' column of the wide drawing; the narrow one writes each name above its bars, across the width. */
const LABEL_WIDTH = 190;
const NARROW_LEFT = 4;
const NAME_ROW = 18;
const VALUE_ROOM = 56;
const BAR = 18;
const GAP = 10;

export function BarChart({ id, title, description, categories, series, unit = '', categoryHeader = '项目', missing = '—', ranks }: {
  id: string; title: string; description: string; categories: string[]; series: Series[]; unit?: string; categoryHeader?: string; missing?: string;
  /** A rank per category (a ranking): written before the label and as the table's first column. */
  ranks?: number[];
}) {
  checkShape(title, categories, series);
  const scale = valueScale(series.flatMap((s) => s.values));
  const name = (c: string, i: number) => (ranks ? `${ranks[i]}. ${c}` : c);
  const draw = ({ width: WIDTH, ids, narrow, tick }: Layout) => {
    const labelWidth = narrow ? NARROW_LEFT : LABEL_WIDTH;
    const nameRow = narrow ? NAME_ROW : 0;
    const legend = legendLayout(series.map((s) => s.name), WIDTH, labelWidth);
    const plotWidth = WIDTH - labelWidth - VALUE_ROOM;
    const rowHeight = nameRow + series.length * BAR + GAP;
    const top = legend.height + 24;
    const height = top + Math.max(1, categories.length) * rowHeight + GAP;
    const xOf = (v: number) => labelWidth + (v / scale.max) * plotWidth;
    return { height, body: (
      <>
        <PatternDefs id={ids} count={series.length} />
        <Legend items={legend.items} mark={barSwatch(ids)} />
        <g class="chart-grid">
          {scale.ticks.map((t) => (
            <g>
              <line x1={xOf(t)} y1={top - 4} x2={xOf(t)} y2={height - GAP} stroke={GRID} stroke-width="1" />
              <text x={xOf(t)} y={top - 8} font-size={tick} fill={MUTED} text-anchor="middle">{formatValue(t)}</text>
            </g>
          ))}
        </g>
        {categories.map((c, i) => {
          const rowTop = top + i * rowHeight + GAP / 2;
          return (
            <g>
              {narrow
                ? <text x={labelWidth + 2} y={rowTop + 13} font-size="13" fill={TEXT}>{fitLabel(name(c, i), 13, WIDTH - labelWidth - 4)}</text>
                : <text x={LABEL_WIDTH - 8} y={rowTop + (series.length * BAR) / 2 + 5} font-size="13" fill={TEXT} text-anchor="end">{fitLabel(name(c, i), 13, LABEL_WIDTH - 12)}</text>}
              {series.map((s, k) => {
                const v = s.values[i];
                const y = rowTop + nameRow + k * BAR;
                const w = v === null ? 0 : xOf(v) - labelWidth;
                return (
                  <g>
                    {v !== null && (
                      <rect x={labelWidth} y={y + 2} width={round(w)} height={BAR - 4} fill={fillOf(ids, k)}>
                        <title>{`${c}${series.length > 1 ? `（${s.name}）` : ''}：${formatValue(v)}${unit}`}</title>
                      </rect>
                    )}
                    <text class="chart-value" x={round(labelWidth + w + 5)} y={y + BAR - 5} font-size="12" fill={TEXT}>{v === null ? missing : `${formatValue(v)}${unit}`}</text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line x1={labelWidth} y1={top - 4} x2={labelWidth} y2={height - GAP} stroke={MUTED} stroke-width="1" />
        <NoData series={series} x={labelWidth + plotWidth / 2} y={top + (height - top) / 2 + 5} />
      </>
    ) };
  };
  return (
    <ChartFigure id={id} title={title} description={description} draw={draw} table={{ categoryHeader, categories, series, unit, missing, ranks }} />
  );
}

/**
 * A ranking: horizontal bars sorted by the first series, most first; equal values share a rank
 * (1, 1, 3 …) and are ordered by name. The rank is written before each name and in the table.
 */
export function RankingChart({ id, title, description, items, seriesNames, unit = '', categoryHeader = '单位' }: {
  id: string; title: string; description: string; items: { name: string; values: number[] }[]; seriesNames: string[]; unit?: string; categoryHeader?: string;
}) {
  const sorted = [...items].sort((a, b) => b.values[0] - a.values[0] || a.name.localeCompare(b.name, 'zh-CN'));
  const ranks = sorted.map((it) => 1 + sorted.filter((o) => o.values[0] > it.values[0]).length);
  return (
    <BarChart id={id} title={title} description={description} categories={sorted.map((it) => it.name)} unit={unit} categoryHeader={categoryHeader} ranks={ranks}
      series={seriesNames.map((name, k) => ({ name, values: sorted.map((it) => it.values[k]) }))} />
  );
}

const round = (v: number) => Math.round(v * 10) / 10;

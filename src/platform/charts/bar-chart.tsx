/**
 * A horizontal bar chart drawn on the server as SVG (no client script), with its data as a table
 * beside it for screen readers and for anyone who would rather read numbers (ADR 0019). Each bar
 * carries its value as text, so nothing depends on colour; several series are told apart by the
 * legend's names and by the order of the bars within a category as well as by colour.
 */
export type BarSeries = { name: string; values: number[] };

/** Colours with at least 4.5:1 contrast against white, for bars and their labels. */
const COLOURS = ['#1f5fa8', '#b3451b', '#2e6b30', '#6b3fa0'];

const LABEL_WIDTH = 180;
const BAR_AREA = 360;
const VALUE_WIDTH = 70;
const BAR_HEIGHT = 18;
const GAP = 10;
/** How many characters of a category fit left of the bars; a longer one is shortened with … (the table has it whole). */
const LABEL_CHARS = 13;
const shortLabel = (c: string) => (c.length > LABEL_CHARS ? `${c.slice(0, LABEL_CHARS - 1)}…` : c);

export function BarChart({ id, title, description, categories, series, unit = '' }: {
  id: string; title: string; description: string; categories: string[]; series: BarSeries[]; unit?: string;
}) {
  for (const s of series) if (s.values.length !== categories.length) throw new Error(`图表“${title}”的数据系列“${s.name}”应有 ${categories.length} 个数值`);
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const rowHeight = series.length * BAR_HEIGHT + GAP;
  const legend = series.length > 1 ? 24 : 0;
  const height = legend + categories.length * rowHeight + GAP;
  const width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;
  const barWidth = (v: number) => (max === 0 ? 0 : Math.round((v / max) * BAR_AREA));
  return (
    <figure class="chart" id={id}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} xmlns="http://www.w3.org/2000/svg">
        <title>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {series.length > 1 && series.map((s, k) => (
          <g>
            <rect x={LABEL_WIDTH + k * 130} y={4} width={14} height={14} fill={COLOURS[k % COLOURS.length]} />
            <text x={LABEL_WIDTH + k * 130 + 20} y={16} font-size="13" fill="#222">{s.name}</text>
          </g>
        ))}
        {categories.map((c, i) => {
          const top = legend + GAP + i * rowHeight;
          return (
            <g>
              <text x={LABEL_WIDTH - 8} y={top + (series.length * BAR_HEIGHT) / 2 + 5} font-size="13" fill="#222" text-anchor="end">{shortLabel(c)}</text>
              {series.map((s, k) => {
                const y = top + k * BAR_HEIGHT;
                const w = barWidth(s.values[i]);
                return (
                  <g>
                    <rect x={LABEL_WIDTH} y={y + 2} width={w} height={BAR_HEIGHT - 4} fill={COLOURS[k % COLOURS.length]}>
                      <title>{`${c}${series.length > 1 ? `（${s.name}）` : ''}：${s.values[i]}${unit}`}</title>
                    </rect>
                    <text x={LABEL_WIDTH + w + 6} y={y + BAR_HEIGHT - 5} font-size="12" fill="#222">{`${s.values[i]}${unit}`}</text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line x1={LABEL_WIDTH} y1={legend + 4} x2={LABEL_WIDTH} y2={height - 4} stroke="#555" stroke-width="1" />
      </svg>
      <details class="chart-data">
        <summary>查看数据表</summary>
        <table class="list">
          <caption>{title}（数据表）</caption>
          <thead><tr><th scope="col">项目</th>{series.map((s) => <th scope="col">{s.name}{unit ? `（${unit}）` : ''}</th>)}</tr></thead>
          <tbody>{categories.map((c, i) => <tr><th scope="row">{c}</th>{series.map((s) => <td>{s.values[i]}</td>)}</tr>)}</tbody>
        </table>
      </details>
    </figure>
  );
}

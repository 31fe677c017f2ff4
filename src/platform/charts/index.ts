/** Charts drawn on the server as SVG, each with its data as an accessible table (ADR 0019). */
export { BarChart, RankingChart } from './bar-chart.tsx';
export { ColumnChart } from './column-chart.tsx';
export { LineChart } from './line-chart.tsx';
export { emptyNote, formatValue, valueScale, type Series } from './chart-kit.tsx';

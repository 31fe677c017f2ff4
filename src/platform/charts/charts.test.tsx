import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { BarChart, ColumnChart, LineChart, RankingChart, valueScale } from './index.ts';

const render = (v: VNode) => renderToString(v);
/** One tag a line, so a changed drawing shows as a readable diff. */
const pretty = (html: string) => `${html.replace(/></g, '>\n<')}\n`;
/** The wide drawing (the first); narrowSvgOf the phone's. */
const svgOf = (html: string) => /<svg[\s\S]*?<\/svg>/.exec(html)![0];
const narrowSvgOf = (html: string) => [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)][1][0];
const tbodyOf = (html: string) => /<tbody>[\s\S]*<\/tbody>/.exec(html)![0];
/** The values written on the drawing, in drawing order, without their unit. */
const drawnValues = (html: string) => [...svgOf(html).matchAll(/<text class="chart-value"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/[^\d.—-]/g, ''));
/** The data table's value cells (not the rank), row by row. */
const tableValues = (html: string) => [...tbodyOf(html).matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]);
const tableRows = (html: string) => [...tbodyOf(html).matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((c) => c[1]));

const MONTHS = ['2026年1月', '2026年2月', '2026年3月', '2026年4月'];

describe('a column chart (vertical bars)', () => {
  const grouped = () => render(
    <ColumnChart id="g" title="逐年申请" description="新收和办结的申请数" categories={['2023年', '2024年', '2025年']} categoryHeader="年度" unit="件"
      series={[{ name: '新收', values: [5, 8, 0] }, { name: '办结', values: [4, 8, 2] }]} />,
  );

  it('is an image named by its title and description, with the same numbers on the bars and in its table', async () => {
    const html = grouped();
    expect(html).toContain('role="img" aria-labelledby="g-title g-desc"');
    expect(html).toContain('<figcaption id="g-title">逐年申请</figcaption>');
    expect(html).toContain('<desc id="g-desc">新收和办结的申请数</desc>');
    expect(html).toContain('viewBox="0 0 640 ');
    expect(html).toContain('width="100%"');
    expect(html).not.toContain('style=');
    expect(drawnValues(html)).toEqual(['5', '4', '8', '8', '0', '2']);
    expect(tableValues(html)).toEqual(['5', '4', '8', '8', '0', '2']);
    expect(html).toContain('<caption>逐年申请（数据表）</caption>');
    expect(html).toContain('<th scope="col">年度</th><th scope="col">新收（件）</th><th scope="col">办结（件）</th>');
    expect(tableRows(html)[0]).toEqual(['2023年', '5', '4']);
    // The second series is hatched as well as coloured, in the legend as on the bars.
    expect(html).toContain('<pattern id="g-p1"');
    expect(html.match(/fill="url\(#g-p1\)"/g)).toHaveLength(1 + 3);
    await expect(pretty(html)).toMatchFileSnapshot('./__snapshots__/column-grouped.html');
  });

  it('draws bar heights in proportion on a round scale', () => {
    const heights = [...svgOf(grouped()).matchAll(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)" fill="(#1f5fa8|url\(#g-p1\))"><title>/g)].map((m) => Number(m[1]));
    // Scale 0–8 over 220 units: 5 → 137.5, 4 → 110, 8 → 220, 0 → 0, 2 → 55.
    expect(heights).toEqual([137.5, 110, 220, 220, 0, 55]);
  });

  it('stacks series with the total above each column and a 合计 column in the table', async () => {
    const html = render(
      <ColumnChart id="s" title="近 4 个月发布" description="按五公开分类" categories={MONTHS} axisLabels={['1月', '2月', '3月', '4月']} mode="stacked" unit="条"
        series={[{ name: '决策公开', values: [3, 0, 10, 1] }, { name: '结果公开', values: [5, 0, 6, 0] }]} />,
    );
    const totals = [...svgOf(html).matchAll(/<text class="chart-total"[^>]*>(\d+)<\/text>/g)].map((m) => m[1]);
    expect(totals).toEqual(['8', '0', '16', '1']);
    expect(tableRows(html)).toEqual([['2026年1月', '3', '5', '8'], ['2026年2月', '0', '0', '0'], ['2026年3月', '10', '6', '16'], ['2026年4月', '1', '0', '1']]);
    // On a 0–20 scale a segment of 3 or more is tall enough to carry its value (1 is not); every value drawn is in the table.
    expect(drawnValues(html)).toEqual(['3', '5', '10', '6']);
    expect(html).toContain('<title>2026年3月（决策公开）：10条</title>');
    expect(html).toContain('>1月</text>');
    await expect(pretty(html)).toMatchFileSnapshot('./__snapshots__/column-stacked.html');
  });

  it('draws all-zero data on a 0–4 scale saying so, and a single column centred', async () => {
    const zero = render(<ColumnChart id="z" title="空" description="没有数据" categories={['决策公开', '执行公开']} series={[{ name: '条数', values: [0, 0] }]} />);
    expect(zero).not.toMatch(/NaN|Infinity/);
    expect(zero).toContain('>全部为 0</text>');
    expect(tableValues(zero)).toEqual(['0', '0']);
    await expect(pretty(zero)).toMatchFileSnapshot('./__snapshots__/column-zero.html');
    const one = render(<ColumnChart id="o" title="一年" description="只有一年" categories={['2026年']} series={[{ name: '条数', values: [7] }]} />);
    expect(one).not.toMatch(/NaN|Infinity/);
    expect(drawnValues(one)).toEqual(['7']);
    expect(one).not.toContain('全部为 0');
    await expect(pretty(one)).toMatchFileSnapshot('./__snapshots__/column-one.html');
  });
});

describe('a line chart (trend)', () => {
  const rates = () => render(
    <LineChart id="l" title="按期答复率" description="每月按期答复的比例" categories={MONTHS} categoryHeader="月份" unit="%" max={100} missing="无答复"
      series={[{ name: '依申请公开', values: [100, null, 50, 75] }, { name: '部门信箱', values: [80, 90, 100, 100] }]} />,
  );

  it('breaks the line where a month has no value, and writes every value as its table does', async () => {
    const html = rates();
    expect(svgOf(html).match(/<polyline /g)).toHaveLength(2); // 依申请公开: a lone point, then a piece; 部门信箱 whole
    expect(tableRows(html)).toEqual([['2026年1月', '100', '80'], ['2026年2月', '无答复', '90'], ['2026年3月', '50', '100'], ['2026年4月', '75', '100']]);
    // Drawn series by series; the table reads month by month.
    const drawn = drawnValues(html);
    expect(drawn).toEqual(['100', '50', '75', '80', '90', '100', '100']);
    expect(tableValues(html).filter((v) => v !== '无答复').sort()).toEqual([...drawn].sort());
    // A fixed 0–100% scale; each series has its own marker and dash.
    expect(html).toContain('>100%</text>');
    expect(html).toContain('stroke-dasharray="7 4"');
    expect(html).toMatch(/<circle [^>]*><title>2026年1月（依申请公开）：100%<\/title><\/circle>/);
    expect(html).toMatch(/<rect [^>]*><title>2026年2月（部门信箱）：90%<\/title><\/rect>/);
    await expect(pretty(html)).toMatchFileSnapshot('./__snapshots__/line-rates.html');
  });

  it('writes only each line’s last value on a long series, the table keeping them all', () => {
    const days = Array.from({ length: 20 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
    const html = render(<LineChart id="d" title="逾期栏目" description="每天" categories={days} series={[{ name: '逾期', values: days.map((_, i) => i) }, { name: '空白', values: days.map(() => 2) }]} />);
    expect(drawnValues(html)).toEqual(['19', '2']);
    expect(tableValues(html)).toHaveLength(40);
    // 20 labels do not fit under the axis: every second one is written.
    expect(html).toContain('>2026-03-01</text>');
    expect(html).not.toContain('>2026-03-02</text>');
  });

  it('handles no data, zeros and a single point', async () => {
    const none = render(<LineChart id="n" title="无" description="无" categories={[]} series={[{ name: '数', values: [] }]} />);
    expect(none).toContain('>暂无数据</text>');
    expect(none).not.toMatch(/NaN|Infinity/);
    const zeros = render(<LineChart id="z" title="零" description="零" categories={['1月', '2月']} series={[{ name: '数', values: [0, 0] }]} />);
    expect(zeros).toContain('>全部为 0</text>');
    expect(zeros).not.toMatch(/NaN|Infinity/);
    await expect(pretty(zeros)).toMatchFileSnapshot('./__snapshots__/line-zero.html');
    // Two lines at 0: both values above the axis (the second higher), none on the axis labels.
    const two = render(<LineChart id="t" title="零" description="零" categories={['1月', '2月']} series={[{ name: '甲', values: [0, 0] }, { name: '乙', values: [0, 0] }]} />);
    const axisY = Number(/<line x1="[\d.]+" y1="([\d.]+)" x2="[\d.]+" y2="\1" stroke="#555555"/.exec(two)![1]);
    const valueYs = [...svgOf(two).matchAll(/<text class="chart-value" x="[\d.]+" y="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(valueYs).toEqual([axisY - 9, axisY - 9, axisY - 22, axisY - 22]);
    const one = render(<LineChart id="o" title="一点" description="一点" categories={['2026年']} series={[{ name: '数', values: [3] }]} />);
    expect(one).not.toContain('<polyline');
    expect(one).toMatch(/<circle cx="322.5" /); // the middle of the plot
    expect(drawnValues(one)).toEqual(['3']);
    await expect(pretty(one)).toMatchFileSnapshot('./__snapshots__/line-one.html');
  });
});

describe('horizontal bars and a ranking', () => {
  it('draws one bar per value with its value at its end, the same numbers in the table', async () => {
    const html = render(<BarChart id="b" title="办理结果" description="按结果分类" categories={['（一）予以公开', '（三）不予公开', '（六）其他处理']} series={[{ name: '件数', values: [12, 30, 0] }]} unit="件" />);
    const widths = [...svgOf(html).matchAll(/<rect x="190" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    // Scale 0–30 over 394 units.
    expect(widths).toEqual([157.6, 394, 0]);
    expect(drawnValues(html)).toEqual(['12', '30', '0']);
    expect(tableValues(html)).toEqual(['12', '30', '0']);
    await expect(pretty(html)).toMatchFileSnapshot('./__snapshots__/bar.html');
  });

  it('ranks by the first series, most first, equal values sharing a rank (in pinyin order), the rank written and in the table', async () => {
    const html = render(
      <RankingChart id="r" title="发布排名" description="本年" seriesNames={['发布', '按期发布']} unit="条"
        items={[{ name: '乙股', values: [3, 3] }, { name: '本机关（政务公开办公室）', values: [9, 7] }, { name: '甲股', values: [3, 1] }, { name: '丙股', values: [0, 0] }]} />,
    );
    expect(tableRows(html)).toEqual([['1', '本机关（政务公开办公室）', '9', '7'], ['2', '甲股', '3', '1'], ['2', '乙股', '3', '3'], ['4', '丙股', '0', '0']]);
    expect(html).toContain('<th scope="col">名次</th><th scope="col">单位</th>');
    expect(html).toContain('>2. 乙股</text>');
    // A long name is cut on the drawing, whole in the table.
    expect(html).toMatch(/>1\. 本机关（政务公开办公室…<\/text>|>1\. 本机关（政务公开办公室）<\/text>/);
    expect(drawnValues(html)).toEqual(tableValues(html));
    await expect(pretty(html)).toMatchFileSnapshot('./__snapshots__/ranking.html');
  });

  it('draws nothing wrong for zero data, no rows or one value, and refuses a series of the wrong length', async () => {
    const zero = render(<BarChart id="z" title="空" description="无" categories={['甲']} series={[{ name: '数', values: [0] }]} />);
    expect(zero).toContain('width="0"');
    expect(zero).toContain('>全部为 0</text>');
    const none = render(<RankingChart id="n" title="无单位" description="无" seriesNames={['发布']} items={[]} />);
    expect(none).toContain('>暂无数据</text>');
    expect(none).not.toMatch(/NaN|Infinity/);
    const one = render(<BarChart id="o" title="一个" description="一个" categories={['甲']} series={[{ name: '数', values: [1] }]} />);
    expect(one).toContain('width="394"');
    await expect(pretty(one)).toMatchFileSnapshot('./__snapshots__/bar-one.html');
    expect(() => render(<BarChart id="x" title="错" description="" categories={['a', 'b']} series={[{ name: 's', values: [1] }]} />)).toThrow('应有 2 个数值');
  });
});

describe('the value scale', () => {
  it('rounds the top up to whole steps of 1, 2, 5 × 10ⁿ (2.5 only from 25), and keeps a fixed top', () => {
    expect(valueScale([0, 0])).toEqual({ max: 4, ticks: [0, 1, 2, 3, 4] });
    expect(valueScale([])).toEqual({ max: 4, ticks: [0, 1, 2, 3, 4] });
    expect(valueScale([1])).toEqual({ max: 1, ticks: [0, 1] });
    expect(valueScale([7])).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(valueScale([10])).toEqual({ max: 10, ticks: [0, 5, 10] });
    expect(valueScale([100])).toEqual({ max: 100, ticks: [0, 25, 50, 75, 100] });
    expect(valueScale([420, null])).toEqual({ max: 600, ticks: [0, 200, 400, 600] });
    expect(valueScale([30])).toEqual({ max: 30, ticks: [0, 10, 20, 30] });
    expect(valueScale([90])).toEqual({ max: 100, ticks: [0, 25, 50, 75, 100] });
    expect(valueScale([67, null], { fixedMax: 100 })).toEqual({ max: 100, ticks: [0, 25, 50, 75, 100] });
  });
});

describe('the phone’s drawing (issue: 10 px labels in a scrolling frame at 390 px)', () => {
  const charts = {
    columns: render(<ColumnChart id="c" title="逐年申请" description="d" categories={['2021年', '2022年', '2023年', '2024年', '2025年']} unit="件"
      series={[{ name: '新收申请', values: [118, 96, 7, 140, 12] }, { name: '办结申请', values: [110, 90, 7, 133, 12] }]} />),
    months: render(<ColumnChart id="m" title="逐月" description="d" mode="stacked" categories={Array.from({ length: 12 }, (_, i) => `2026年${i + 1}月`)}
      axisLabels={Array.from({ length: 12 }, (_, i) => `${i + 1}月`)} series={['决策', '执行', '管理'].map((name, k) => ({ name, values: Array.from({ length: 12 }, (_, i) => (i * 7 + k * 3) % 11) }))} />),
    bars: render(<BarChart id="b" title="办理结果" description="d" unit="件" categories={['予以公开', '部分公开（区分处理的，只计这一情形，不计其他情形）', '不予处理']}
      series={[{ name: '件数', values: [50, 24, 3] }]} />),
    line: render(<LineChart id="l" title="主动公开" description="d" unit="条" categories={['2021年', '2022年', '2023年', '2024年', '2025年']} series={[{ name: '主动公开', values: [1210, 980, 1004, 1502, 1333] }]} />),
    rates: render(<LineChart id="r" title="按期答复率" description="d" unit="%" max={100} categories={Array.from({ length: 12 }, (_, i) => `${i + 1}月`)}
      series={[{ name: '依申请公开', values: Array.from({ length: 12 }, (_, i) => 90 + (i % 3)) }, { name: '部门信箱', values: Array.from({ length: 12 }, () => 100) }]} />),
  };

  it('is 340 units wide with no word under 12 units, so it is drawn at 12 px or more on a 390 px phone', () => {
    for (const [name, html] of Object.entries(charts)) {
      const narrow = narrowSvgOf(html);
      expect(narrow, name).toContain('viewBox="0 0 340 ');
      expect(narrow, name).toContain('width="100%"');
      const sizes = [...narrow.matchAll(/<text [^>]*font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(sizes.length, name).toBeGreaterThan(3);
      expect(Math.min(...sizes), name).toBeGreaterThanOrEqual(12);
      expect(html.match(/class="chart-frame chart-(wide|narrow)"/g), name).toEqual(['class="chart-frame chart-wide"', 'class="chart-frame chart-narrow"']);
    }
  });

  it('has its own ids and the one data table, and writes a bar’s whole name above it', () => {
    for (const [name, html] of Object.entries(charts)) {
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size, name).toBe(ids.length);
      expect(html.match(/<table/g), name).toHaveLength(1);
      expect(narrowSvgOf(html), name).toMatch(/aria-labelledby="[a-z]-title [a-z]-n-desc"/);
    }
    expect(narrowSvgOf(charts.bars)).toContain('>部分公开（区分处理的，只计这一情形，不计其他情形）</text>');
    expect(narrowSvgOf(charts.bars)).toContain('fill="#1f5fa8"');
    // Values that fit are written; the rest are in the table (none is written over its neighbour).
    expect(narrowSvgOf(charts.columns)).toContain('>118</text>');
  });
});


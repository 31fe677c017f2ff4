import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { BarChart } from './bar-chart.tsx';

const numbersIn = (html: string, part: RegExp) => [...(part.exec(html)?.[0] ?? '').matchAll(/<td>(\d+)<\/td>/g)].map((m) => Number(m[1]));

describe('a bar chart drawn on the server', () => {
  it('draws one bar per value, longest for the largest, with each value written on it and the same numbers in its table', () => {
    const html = renderToString(<BarChart id="c" title="五公开" description="各类信息数" categories={['决策', '执行', '结果']} series={[{ name: '条数', values: [12, 30, 0] }]} />);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="c-title c-desc"');
    const widths = [...html.matchAll(/<rect x="180" y="[\d.]+" width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([144, 360, 0]);
    expect([...html.matchAll(/<text[^>]*>(\d+)<\/text>/g)].map((m) => Number(m[1]))).toEqual([12, 30, 0]);
    expect(numbersIn(html, /<tbody>.*<\/tbody>/s)).toEqual([12, 30, 0]);
  });

  it('draws nothing wrong for all-zero data or a single value, and keeps several series apart by a legend', () => {
    expect(renderToString(<BarChart id="z" title="空" description="无数据" categories={['甲']} series={[{ name: '数', values: [0] }]} />)).toContain('width="0"');
    const two = renderToString(<BarChart id="t" title="逐年" description="两个系列" categories={['2025年', '2026年']} series={[{ name: '收到', values: [5, 8] }, { name: '答复', values: [4, 8] }]} />);
    expect(two).toContain('>收到</text>');
    expect(two).toContain('<title>2025年（答复）：4</title>');
    expect(numbersIn(two, /<tbody>.*<\/tbody>/s)).toEqual([5, 4, 8, 8]);
    expect(() => renderToString(<BarChart id="x" title="错" description="" categories={['a', 'b']} series={[{ name: 's', values: [1] }]} />)).toThrow('应有 2 个数值');
  });
});

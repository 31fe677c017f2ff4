import { describe, expect, it } from 'vitest';
import { withScrollableTables } from './scrollable-tables.ts';

/** The line a phone shows above each table (site.css shows it on narrow screens only). */
const HINT = '<p class="table-scroll-hint" aria-hidden="true">表格较宽，可左右滑动查看 ⇆</p>';

describe('a body’s tables on the portal', () => {
  it('puts each table in its own named, focusable scrolling box and keeps short cells whole', () => {
    const html = '<p>如下：</p><table><tbody><tr><th>预算金额（万元）</th><td class="center">297.75</td><td>对城东片区12个小区改造工程实施监理服务</td></tr></tbody></table><table><tr><td>2026年12月</td></tr></table>';
    const out = withScrollableTables(html);
    expect(out).toBe('<p>如下：</p>' + HINT + '<div class="table-scroll" role="region" tabindex="0" aria-label="表格1（可左右滚动）"><table><tbody><tr><th class="nowrap">预算金额（万元）</th><td class="center nowrap">297.75</td><td>对城东片区12个小区改造工程实施监理服务</td></tr></tbody></table></div>'
      + HINT + '<div class="table-scroll" role="region" tabindex="0" aria-label="表格2（可左右滚动）"><table><tr><td class="nowrap">2026年12月</td></tr></table></div>');
  });

  it('leaves a body without tables as it is', () => {
    expect(withScrollableTables('<p>1 &lt; 2</p>')).toBe('<p>1 &lt; 2</p>');
  });
});

/** A cell with at most this many characters (an amount, a date, a short header) is kept on one line. */
const SHORT_CELL_CHARS = 12;

/** What a phone shows above a body's table: the box scrolls sideways (a p, so it is never inside the table). */
export const TABLE_SCROLL_HINT = '<p class="table-scroll-hint" aria-hidden="true">表格较宽，可左右滑动查看 ⇆</p>';

const CELL = /<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/gi;
const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&[a-z#0-9]+;/gi, ' ').replace(/\s+/g, ' ').trim();

/** The cell's start tag with `nowrap` among its classes. */
function withNowrap(tag: string, attrs: string): string {
  const cls = /\bclass\s*=\s*"([^"]*)"/i.exec(attrs);
  if (!cls) return `<${tag}${attrs} class="nowrap">`;
  return `<${tag}${attrs.replace(cls[0], `class="${`${cls[1]} nowrap`.trim()}"`)}>`;
}

/**
 * A stored body's tables as the portal shows them: each in a box that scrolls sideways by itself
 * (`.table-scroll`, a focusable named region so a keyboard can scroll it — WCAG 2.1.1, axe
 * scrollable-region-focusable), so a wide table on a 320 px phone with 字号 大 is not squeezed to the
 * screen, one character a line; its short cells (amounts, dates, short headers) are kept whole on one
 * line (`nowrap`), the long ones wrap. The stored HTML (sanitized on save, docs/adr/0017) is not changed.
 *
 * Before each box, a line a phone's reader sees (`.table-scroll-hint`, shown on narrow screens only, site.css):
 * the edge shadows were too faint to tell a citizen the table goes on (found by an outside tester). A screen
 * reader hears it once, in the box's name, so the line itself is hidden from it.
 */
export function withScrollableTables(html: string): string {
  if (!/<table\b/i.test(html)) return html;
  let n = 0;
  return html
    .replace(CELL, (cell, tag: string, attrs: string, inner: string) =>
      ([...textOf(inner)].length <= SHORT_CELL_CHARS && !/<(table|p|br|ul|ol)\b/i.test(inner) ? `${withNowrap(tag, attrs)}${inner}</${tag}>` : cell))
    .replace(/<table\b/gi, () => `${TABLE_SCROLL_HINT}<div class="table-scroll" role="region" tabindex="0" aria-label="表格${++n}（可左右滚动）"><table`)
    .replace(/<\/table>/gi, '</table></div>');
}

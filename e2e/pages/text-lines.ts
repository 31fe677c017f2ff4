import type { Page } from 'playwright-core';

/** A visible character and the top of the line it sits on (rounded): how a text wrapped. */
export type CharOnLine = { ch: string; top: number };

/** Every visible, non-space character of each element the selector matches, in order, with its line's top. */
export const charsOnLines = (page: Page, selector: string): Promise<CharOnLine[][]> => page.locator(selector).evaluateAll((els) => els.map((el) => {
  const chars: { ch: string; top: number }[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent ?? '';
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i])) continue;
      const r = document.createRange();
      r.setStart(n, i); r.setEnd(n, i + 1);
      const rect = r.getBoundingClientRect();
      if (rect.width > 0) chars.push({ ch: text[i], top: Math.round(rect.top) });
    }
  }
  return chars;
}));

/** How many lines the first occurrence of `text` (spaces aside) in the first matched element spans: 1 when whole, 0 when absent. */
export async function linesSpanned(page: Page, selector: string, text: string): Promise<number> {
  const [chars = []] = await charsOnLines(page, selector);
  const wanted = text.replace(/\s/g, '');
  const at = chars.map((c) => c.ch).join('').indexOf(wanted);
  return at < 0 ? 0 : new Set(chars.slice(at, at + wanted.length).map((c) => c.top)).size;
}

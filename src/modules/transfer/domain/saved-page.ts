/**
 * The parts of a saved page of an old government website that become an item: its title and the
 * HTML of its content area. Old sites put the article in a container named like TRS_Editor, zoom,
 * article or content; without one the body is taken without its header, navigation and footer.
 */
const CONTENT_CONTAINER = /<(div|td|section|article|main)\b[^>]*\b(?:id|class)\s*=\s*["'][^"']*\b(TRS_Editor|zoom|article|content|zw|detail|main)\w*[^"']*["'][^>]*>/i;

/** The inner HTML of the element whose start tag ends at `from`, counting nested tags of its name. */
function innerHtml(html: string, from: number, tag: string): string {
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(from, m.index);
  }
  return html.slice(from);
}

const stripTags = (s: string) => s.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

export function savedPageParts(html: string): { title: string; contentHtml: string } {
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = stripTags(h1?.[1] ?? titleTag?.[1] ?? '');
  const semantic = /<(article|main)\b[^>]*>/i.exec(html);
  const named = CONTENT_CONTAINER.exec(html);
  const start = named ?? semantic;
  if (start) return { title, contentHtml: innerHtml(html, start.index + start[0].length, start[1]) };
  const body = /<body\b[^>]*>([\s\S]*?)(<\/body>|$)/i.exec(html)?.[1] ?? html;
  const contentHtml = body.replace(/<(header|nav|footer|script|style)\b[\s\S]*?<\/\1>/gi, '').replace(/<h1\b[\s\S]*?<\/h1>/i, '');
  return { title, contentHtml };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Plain text as the body of an item: one paragraph per non-empty line. */
export const paragraphsOf = (text: string) =>
  text.split(/\n+/).map((l) => l.trim()).filter(Boolean).map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');

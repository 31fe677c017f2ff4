/**
 * The first-line indent Word's paragraph styles give (word/styles.xml): 公文 templates often set the
 * two-character indent of 正文 in the body style, not on each paragraph, and mammoth reads only a
 * paragraph's own indent. A style's indent is its own, else its `basedOn` style's, else the
 * document defaults'; a paragraph without a style has the default paragraph style (Normal).
 */
export type StyleIndents = {
  /** Whether a paragraph of this style (null: none given) starts indented; null when no style says. */
  indented(styleId: string | null | undefined): boolean | null;
};

type Ind = boolean | null;

/** What a w:ind element says of the first line: indented (firstLine or firstLineChars > 0), not (0, or a hanging indent), or nothing. */
function indentOf(attributes: string | undefined): Ind {
  if (!attributes) return null;
  const value = (name: string) => {
    const m = new RegExp(`\\bw:${name}="(-?\\d+)"`).exec(attributes);
    return m ? Number(m[1]) : null;
  };
  if ((value('hanging') ?? 0) > 0 || (value('hangingChars') ?? 0) > 0) return false;
  const chars = value('firstLineChars');
  const twips = value('firstLine');
  if (chars === null && twips === null) return null;
  return (chars ?? 0) > 0 || (twips ?? 0) > 0;
}

const pPrInd = (xml: string) => indentOf(/<w:pPr\b[^>]*>[\s\S]*?<w:ind\b([^>]*?)\/?>[\s\S]*?<\/w:pPr>/.exec(xml)?.[1]);

/** Reads the styles part of a .docx package's XML (as text); an absent or unreadable part says nothing. */
export function styleIndentsOf(stylesXml: string | null): StyleIndents {
  if (!stylesXml) return { indented: () => null };
  const defaults = pPrInd(/<w:pPrDefault>([\s\S]*?)<\/w:pPrDefault>/.exec(stylesXml)?.[1] ?? '');
  const styles = new Map<string, { basedOn: string | null; ind: Ind }>();
  let defaultStyle: string | null = null;
  for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const [, attributes, body] = m;
    if (!/\bw:type="paragraph"/.test(attributes)) continue;
    const id = /\bw:styleId="([^"]+)"/.exec(attributes)?.[1];
    if (!id) continue;
    if (/\bw:default="(1|true|on)"/.test(attributes)) defaultStyle = id;
    styles.set(id, { basedOn: /<w:basedOn w:val="([^"]+)"/.exec(body)?.[1] ?? null, ind: pPrInd(body) });
  }
  const resolve = (id: string | null, seen = new Set<string>()): Ind => {
    const style = id ? styles.get(id) : undefined;
    if (!style || seen.has(id!)) return defaults;
    seen.add(id!);
    return style.ind ?? resolve(style.basedOn, seen);
  };
  return { indented: (styleId) => resolve(styleId ?? defaultStyle) };
}

/** The styles part of a .docx (a zip package), or null. */
export async function readStylesXml(bytes: Buffer): Promise<string | null> {
  const { default: JSZip } = await import('jszip');
  try {
    return (await (await JSZip.loadAsync(bytes)).file('word/styles.xml')?.async('string')) ?? null;
  } catch {
    return null;
  }
}

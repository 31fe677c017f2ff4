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

/** Twips written for a first line indented in character units: two characters of 三号 (16 pt); only above zero matters here. */
const INDENTED_TWIPS = '640';

/**
 * A paragraph's own w:ind as mammoth reads it (w:firstLine and w:hanging only), saying what `indentOf`
 * says of the whole element: an indent written in character units (w:firstLineChars, w:hangingChars —
 * as Chinese Word and WPS write it, at times without w:firstLine) counts as in a style. Indented: a
 * positive w:firstLine and no w:hanging; not: w:firstLine="0" and no w:hanging; an element that says
 * nothing of the first line (w:leftChars, w:left alone) is left as it is, and the style decides. Only
 * elements with a character-unit attribute are rewritten.
 */
export function withCharacterIndents(documentXml: string): string {
  return documentXml.replace(/<w:ind\b([^>]*?)(\/?)>/g, (element, attributes: string, selfClosing: string) => {
    if (!/\bw:(?:firstLine|hanging)Chars=/.test(attributes)) return element;
    const indented = indentOf(attributes);
    if (indented === null) return element;
    const rest = attributes.replace(/\s+w:(?:firstLine|hanging)="[^"]*"/g, '');
    return `<w:ind${rest} w:firstLine="${indented ? INDENTED_TWIPS : '0'}"${selfClosing}>`;
  });
}

/**
 * What the import reads of a .docx package: its styles part (null when absent or unreadable) and the
 * bytes mammoth converts — the package itself, or, when a paragraph's own indent is written in
 * character units, a copy whose document part also says it in twips (`withCharacterIndents`).
 * A package that cannot be read is returned as it is, for mammoth to refuse.
 */
export async function readWordPackage(bytes: Buffer): Promise<{ stylesXml: string | null; bytes: Buffer }> {
  const { default: JSZip } = await import('jszip');
  try {
    const zip = await JSZip.loadAsync(bytes);
    const stylesXml = (await zip.file('word/styles.xml')?.async('string')) ?? null;
    const documentXml = await zip.file('word/document.xml')?.async('string');
    const rewritten = documentXml === undefined ? documentXml : withCharacterIndents(documentXml);
    if (rewritten === documentXml) return { stylesXml, bytes };
    zip.file('word/document.xml', rewritten!);
    // Stored, not compressed again: the copy only feeds mammoth, in memory.
    return { stylesXml, bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }) };
  } catch {
    return { stylesXml: null, bytes };
  }
}

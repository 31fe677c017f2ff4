import type { ParsedQuery } from './parse-query.ts';

/** What an organ is called, as the organ list gives it. */
export type NamedOrgan = { id: number; code: string; name: string; shortName: string; kind: string };

/** The shortest keyword read as an organ's name: 住建局, 财政局, 县政府 (two characters, 政府 or 财政, are topics as often as names). */
const MIN_NAME_CHARS = 3;

/**
 * A keyword that names one organ (住建局 公示 typed over the whole region): the words that are left then
 * usually mean "what that organ published", while as a keyword the name matches nearly every item the
 * organ signed, and items of other organs that mention it. The page offers the rest within that organ
 * (docs/search.md, "An organ named in the keywords"). A keyword names an organ when it is its full name
 * or short name, or how either ends (住建局 for 县住建局, 住房和城乡建设局 for 岚山县住房和城乡建设局), of at
 * least three characters, and fits exactly one organ: 人民政府, the end of every town's government's
 * name too, names none. Units (股室) publish through their organ and are never named. Only one keyword is
 * read as a name; with two names, or a name found twice, null.
 */
export function organNamedIn<O extends NamedOrgan>(query: ParsedQuery, organs: O[]): { organ: O; rest: string; keywordAt: number } | null {
  const named = query.keywords.map((k) => organNamed(k.alternatives.map((a) => a.text), organs));
  const at = named.flatMap((o, i) => (o ? [i] : []));
  if (at.length !== 1) return null;
  const rest = query.keywords.filter((_, i) => i !== at[0]).map((k) => k.text).join(' ');
  return { organ: named[at[0]]!, rest, keywordAt: at[0] };
}

/**
 * The one organ a keyword names — by itself or by a synonym (住建局 is also 住房和城乡建设局) — or null. A
 * keyword with a digit is a number or a date (县政府〔2026〕3号), never a name.
 */
function organNamed<O extends NamedOrgan>(spellings: string[], organs: O[]): O | null {
  const names = spellings.filter((s) => [...s].length >= MIN_NAME_CHARS && !/\d/.test(s));
  const fits = organs.filter((o) => o.kind !== 'unit' && [o.name, o.shortName].some((n) => !!n && names.some((s) => n.trim().endsWith(s))));
  return fits.length === 1 ? fits[0] : null;
}

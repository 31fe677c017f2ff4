/**
 * Radical characters as the ideographs they stand for. Text taken from PDFs (an attachment's text
 * layer) often carries a radical code point where the document shows an ordinary character: 青 as
 * U+2ED8 from the CJK Radicals Supplement, 方 as U+2F45 from the Kangxi Radicals. NFKC turns the
 * Kangxi Radicals into their ideographs but leaves the Supplement alone, so a search for 青岚县 would
 * never find “⻘岚县”. The table follows the Unicode Character Database's Equivalent_Unified_Ideograph
 * property for U+2E81–U+2EF3 (U+2E80 has none; U+2E9A is unassigned).
 */
const FIRST = 0x2e81;
const UNASSIGNED = 0x2e9a;
/** The ideographs of U+2E81 … U+2E99, then of U+2E9B … U+2EF3, in code point order. */
const BEFORE_GAP = '厂乛乚乙亻冂𠘨刀刂卜㔾小小兀尣尢𡯂巳幺彑𫜹忄心扌攵';
const AFTER_GAP = '旡日月歺母民氵氺灬爫爫丬牛犭王𤴔目示礻𥫗糹纟罓罒㓁冗𦉫羊𦍌𦍋耂肀聿肉𦥑艹艹艹虎衤覀西见角𧢲讠贝𧾷车辶辶辶邑钅長镸长门𨸏阝雨青韦页风飞食𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟';

const IDEOGRAPH_OF = new Map<string, string>([
  ...Array.from(BEFORE_GAP, (ideograph, i) => [String.fromCodePoint(FIRST + i), ideograph] as const),
  ...Array.from(AFTER_GAP, (ideograph, i) => [String.fromCodePoint(UNASSIGNED + 1 + i), ideograph] as const),
]);

const SUPPLEMENT = /[\u2e81-\u2ef3]/gu;

/** The text with every CJK Radicals Supplement character replaced by its ideograph (NFKC does the Kangxi Radicals). */
export const ideographsForRadicals = (text: string): string => text.replace(SUPPLEMENT, (c) => IDEOGRAPH_OF.get(c) ?? c);

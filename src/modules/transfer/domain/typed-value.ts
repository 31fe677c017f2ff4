/**
 * What an officer typed, repeated in the import's report beside what is wrong with it (文号“？？”), so that a
 * row of a long spreadsheet is found by its value as well as by its row. Pure.
 */

/** How many characters of a value are repeated: enough to recognise it, not a whole 正文. */
export const TYPED_SHOWN = 30;

/**
 * The value as a message quotes it: “？？”; line breaks and runs of spaces as one space; a longer one cut after
 * TYPED_SHOWN characters (whole characters, an emoji too) and its length given — “关于开展…”，共 236 字.
 */
export function quotedTyped(value: string): string {
  const chars = [...value.trim().replace(/\s+/g, ' ')];
  return chars.length > TYPED_SHOWN ? `“${chars.slice(0, TYPED_SHOWN).join('')}…”，共 ${chars.length} 字` : `“${chars.join('')}”`;
}

/** A refusal of a field that does not quote what was typed, followed by it: …（所填：“？？”）. */
export const withTyped = (message: string, value: string): string => `${message}（所填：${quotedTyped(value)}）`;

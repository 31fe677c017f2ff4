import { maskPersonName } from './letter-input.ts';
import { escapeRegExp } from '../../../shared/reg-exp.ts';

/** What may stand between the characters of a name as written (王 建 国, 王·建国): spaces and dots, never a line break or a comma. */
const SEPARATOR = '[ \\t\\u00a0\\u3000·•・‧.．_\\-－]';
const IS_SEPARATOR = new RegExp(`^${SEPARATOR}$`, 'u');

/**
 * The writer's name out of a text the portal publishes: every occurrence of the full name becomes
 * 张**, so a reply that opens 张小明同志, a letter that says 我是张小明 or one signed 王 建 国 or 王·建国
 * does not undo the masked 来信人 line. The name's characters must come in order with at most a few
 * spaces or dots between them (not a line break, a comma or another character). The given name alone
 * is left: two characters such as 建国 or 红梅 are ordinary words too often to replace blindly.
 */
export function maskWriterName(text: string, writerName: string): string {
  const chars = [...writerName].filter((c) => !IS_SEPARATOR.test(c));
  if (chars.length < 2) return text;
  const written = new RegExp(chars.map(escapeRegExp).join(`${SEPARATOR}{0,3}`), 'gu');
  return text.replace(written, maskPersonName(chars.join('')));
}

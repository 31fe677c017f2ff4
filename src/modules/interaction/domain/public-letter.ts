import { maskPersonName } from './letter-input.ts';

/**
 * The writer's name out of a text the portal publishes: every occurrence of the full name (as the
 * writer typed it) becomes 张**, so a reply that opens 张小明同志 or a letter that says 我是张小明 does
 * not undo the masked 来信人 line. The given name alone is left: two characters such as 建国 or 红梅
 * are ordinary words too often to replace blindly.
 */
export function maskWriterName(text: string, writerName: string): string {
  const name = writerName.trim();
  if ([...name].length < 2) return text;
  return text.split(name).join(maskPersonName(name));
}

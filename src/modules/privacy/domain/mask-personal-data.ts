import { PERSONAL_DATA_TYPES } from './finding.ts';
import { applyMasks } from './mask.ts';
import { detectPrivateContacts, type TextAuthor } from './private-contacts.ts';
import { scanText } from './scan-text.ts';

/**
 * A person's text as the portal may show it (a published letter, a comment, a 建议提案 result): the
 * scanner's masked suggestions applied for every personal data type — ID, phone, bank card and e-mail
 * numbers and a home's house detail — and the private contacts the scanner leaves to the reviewer:
 * landlines (every one a citizen writes, those the organ labels private) and labelled QQ and 微信
 * numbers (docs/privacy-scanner.md, "Where it is used").
 */
export const maskPersonalData = (text: string, author: TextAuthor): string =>
  applyMasks(text, [...scanText(text).filter((f) => PERSONAL_DATA_TYPES.includes(f.type)), ...detectPrivateContacts(text, author)]);

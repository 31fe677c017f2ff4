import { PERSONAL_DATA_TYPES } from './finding.ts';
import { applyMasks } from './mask.ts';
import { detectPrivateContacts, type TextAuthor } from './private-contacts.ts';
import { detectResidentialAddresses } from './residential-address.ts';
import { scanText } from './scan-text.ts';

/**
 * A person's text as the portal may show it (a published letter, a comment, a 建议提案 result): the
 * scanner's masked suggestions applied for every personal data type — ID, phone, bank card and e-mail
 * numbers and a home's house detail — and the private contacts the scanner leaves to the reviewer:
 * landlines (every one a citizen writes, those the organ labels private) and labelled QQ and 微信
 * numbers (docs/privacy-scanner.md, "Where it is used"). In a citizen's text a home address is
 * found in its stricter forms too (阳光城三期8-2-1503, 朋友住5号楼2-301, 家住人民路88号), which would cost
 * the scanner its precision on the organ's documents; the organ's reply keeps the scanner's rule.
 */
export function maskPersonalData(text: string, author: TextAuthor): string {
  const scanned = scanText(text).filter((f) => PERSONAL_DATA_TYPES.includes(f.type) && (author === 'organ' || f.type !== 'residential_address'));
  const homes = author === 'citizen' ? detectResidentialAddresses(text, { citizen: true }) : [];
  return applyMasks(text, [...scanned, ...homes, ...detectPrivateContacts(text, author)]);
}

import { PERSONAL_DATA_TYPES } from './finding.ts';
import { applyMasks, maskAll, maskDigits } from './mask.ts';
import { areaCodeLength, detectPrivateContacts, type MaskSpan, type TextAuthor } from './private-contacts.ts';
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
export function maskPersonalData(text: string, author: TextAuthor, options: { contactsOf?: string } = {}): string {
  const echoed = options.contactsOf === undefined ? [] : echoedContacts(text, options.contactsOf);
  return applyMasks(text, [...personalSpans(text, author), ...echoed]);
}

function personalSpans(text: string, author: TextAuthor): MaskSpan[] {
  const scanned = scanText(text).filter((f) => PERSONAL_DATA_TYPES.includes(f.type) && (author === 'organ' || f.type !== 'residential_address'));
  const homes = author === 'citizen' ? detectResidentialAddresses(text, { citizen: true }) : [];
  return [...scanned, ...homes, ...detectPrivateContacts(text, author)];
}

/** A run of digits with the separators a number is written with (0564-5123456, 139 1234 5678). */
const DIGIT_RUN = /(?<![0-9０-９])[0-9０-９](?:[-－ ]?[0-9０-９])*(?![0-9０-９])/g;
const digitsOf = (s: string) => s.replace(/[^0-9０-９]/g, '').replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
/** A word a 微信 ID or an e-mail address is made of. */
const WORD_RUN = /[-_.@A-Za-z0-9]+/g;

/**
 * The contacts masked in `source` (the letter: ID, phone, bank card, e-mail, landline, QQ, 微信 — a
 * citizen's text) wherever `text` (the organ's reply) repeats them: the reply's own rule keeps the
 * organ's hotlines, so 座机5123456已登记 would show the writer's number the letter hides. Numbers
 * match by their digits (also a landline's local number without its area code) and keep the letter's
 * mask when written alike; a 微信 ID or an e-mail address matches as written, ignoring case.
 */
function echoedContacts(text: string, source: string): MaskSpan[] {
  const digitMasks = new Map<string, string>();
  const wordMasks = new Map<string, string>();
  for (const s of personalSpans(source, 'citizen')) {
    const written = source.slice(s.start, s.end);
    const digits = digitsOf(written);
    if (/^[-0-9０-９ （）()]+$/.test(written.replace(/转/g, '')) && digits.length >= 5) {
      digitMasks.set(digits, s.suggestion);
      const area = areaCodeLength(digits);
      if (area && digits.length - area >= 7) digitMasks.set(digits.slice(area), '');
    } else if (/^[-_.@A-Za-z0-9]+$/.test(written)) {
      wordMasks.set(written.toLowerCase(), s.suggestion);
    }
  }
  const out: MaskSpan[] = [];
  if (digitMasks.size > 0) {
    for (const m of text.matchAll(DIGIT_RUN)) {
      const mask = digitMasks.get(digitsOf(m[0]));
      if (mask === undefined) continue;
      const same = mask.length === m[0].length && [...m[0]].every((c, i) => mask[i] === c || mask[i] === '*');
      out.push({ start: m.index, end: m.index + m[0].length, suggestion: same ? mask : maskDigits(m[0], 0, 2) });
    }
  }
  if (wordMasks.size > 0) {
    for (const m of text.matchAll(WORD_RUN)) {
      const mask = wordMasks.get(m[0].toLowerCase());
      if (mask !== undefined) out.push({ start: m.index, end: m.index + m[0].length, suggestion: mask.length === m[0].length ? mask : maskAll(m[0]) });
    }
  }
  return out;
}

/**
 * A telephone number as bodies write it: an area code and number joined by a hyphen (0564-5022106,
 * 400-820-8820, with an extension 0564-5022106-8001 or 0564-5022106转8001) or an area code in
 * brackets before the number ((0564)5022106, （0564）5022106). Browsers may break a line at the
 * hyphen or after the closing bracket; digits alone never break, so a bare mobile number needs nothing.
 */
const PHONE = /(?:[（(]\d{3,4}[）)]\s?\d{7,8}|\d{3,4}-\d{3,8}(?:-\d{3,8})?)(?:(?:-|转)\d{1,6})?/g;

/**
 * A stored body as the portal shows it, each telephone number kept on one line (`nowrap`) so that a
 * reader on a phone never sees 0564- at the end of one line and 5022106 on the next (a number read
 * or dialled in two halves). Only text between tags is touched, never a tag or its attributes; the
 * stored HTML (sanitized on save, docs/adr/0017) is not changed.
 */
export function withWholePhoneNumbers(html: string): string {
  if (!/\d[-）)]|[（(]\d/.test(html)) return html;
  return html.split(/(<[^>]*>)/).map((part) => (part.startsWith('<') ? part : part.replace(PHONE, (n) => `<span class="nowrap">${n}</span>`))).join('');
}

/**
 * A telephone number as bodies write it: an area code and number joined by a hyphen (0564-5022106,
 * 400-820-8820, with an extension 0564-5022106-8001 or 0564-5022106转8001) or an area code in
 * brackets before the number ((0564)5022106, （0564）5022106). Browsers may break a line at the
 * hyphen or after the closing bracket; digits alone never break, so a bare mobile number needs nothing.
 */
const PHONE = /(?:[（(]\d{3,4}[）)]\s?\d{7,8}|\d{3,4}-\d{3,8}(?:-\d{3,8})?)(?:(?:-|转)\d{1,6})?/g;

/** The digits a number dials: an area code starting with 0 and its 7–8 digits, or a 400/800 number; an extension is not dialled. */
function dialled(number: string): string | null {
  const main = number.split('转')[0]!;
  const area = /^[（(]?(0\d{2,3})[）)-]?\s?(\d{7,8})(?:-\d{1,6})?$/.exec(main);
  if (area) return area[1]! + area[2]!;
  const free = /^([48]00)-(\d{3})-(\d{4})$/.exec(main);
  return free ? free[1]! + free[2]! + free[3]! : null;
}

/** A fax (传真) number is written right after its label: kept whole, but not offered as a call. */
const FAX_BEFORE = /传真[^，,；;。\d]{0,4}$/;

/**
 * A stored body as the portal shows it, each telephone number kept on one line (`nowrap`) so that a
 * reader on a phone never sees 0564- at the end of one line and 5022106 on the next (a number read
 * or dialled in two halves), and — outside an existing link, and unless it is a fax — a tap-to-call
 * `tel:` link as the 政策咨询电话 is (TelLink). Only text between tags is touched, never a tag or its
 * attributes; the stored HTML (sanitized on save, docs/adr/0017) is not changed.
 */
export function withWholePhoneNumbers(html: string): string {
  if (!/\d[-）)]|[（(]\d/.test(html)) return html;
  let inLink = 0;
  return html.split(/(<[^>]*>)/).map((part) => {
    if (part.startsWith('<')) {
      if (/^<a[\s>]/i.test(part)) inLink++;
      else if (/^<\/a\s*>/i.test(part)) inLink = Math.max(0, inLink - 1);
      return part;
    }
    return part.replace(PHONE, (n: string, at: number) => {
      const dial = inLink || FAX_BEFORE.test(part.slice(0, at)) ? null : dialled(n);
      return dial ? `<a href="tel:${dial}" class="nowrap">${n}</a>` : `<span class="nowrap">${n}</span>`;
    });
  }).join('');
}

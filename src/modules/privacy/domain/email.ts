import type { Finding } from './finding.ts';

/**
 * Personal e-mail addresses (条例第十五条). Addresses of organs are published on purpose so the
 * public can write to them; they are not flagged: any address under gov.cn / .gov, addresses whose
 * local part names a disclosure or web office (xxgk, zwgk, webmaster …), and addresses introduced
 * as an enquiry or complaint mailbox ("信息公开咨询邮箱：…").
 */
const isLocalChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
const isDomainChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 45;

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const DOMAIN_SHAPE = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/i;
const INSTITUTIONAL_DOMAIN = /(?:^|\.)gov(?:\.cn)?$/i;
const INSTITUTIONAL_LOCAL = /xxgk|zwgk|gongkai|webmaster|postmaster|no-?reply|xinfang/i;
/** "信息公开咨询邮箱：", "举报电子邮箱为 " — but not "举报人通过邮件（", which introduces a person's address. */
const ENQUIRY_MAILBOX_BEFORE =
  /(?:咨询|受理|投诉|举报|监督|信访|公开|办公室|联系我们|征集|征求意见)(?:电子)?(?:邮箱|信箱|邮件地址|e-?mail)(?:地址)?\s*(?:[:：]|为|是)?\s*$/i;

export function detectEmails(text: string): Finding[] {
  const out: Finding[] = [];
  // Next positions of "@" and "＠", each searched again only once passed: one pass over the text.
  let ascii = text.indexOf('@');
  let wide = text.indexOf('＠');
  const nextAt = (from: number): number => {
    if (ascii !== -1 && ascii < from) ascii = text.indexOf('@', from);
    if (wide !== -1 && wide < from) wide = text.indexOf('＠', from);
    return ascii === -1 ? wide : wide === -1 ? ascii : Math.min(ascii, wide);
  };
  let at = nextAt(0);
  while (at !== -1) {
    let s = at;
    while (s > 0 && at - s < MAX_LOCAL && isLocalChar(text.charCodeAt(s - 1))) s--;
    while (s < at && text.charCodeAt(s) === 46) s++; // a local part cannot start with a dot
    let e = at + 1;
    while (e < text.length && e - at <= MAX_DOMAIN && isDomainChar(text.charCodeAt(e))) e++;
    while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
    const local = text.slice(s, at);
    const domain = text.slice(at + 1, e);
    if (local.length > 0 && !local.endsWith('.') && DOMAIN_SHAPE.test(domain) && !isInstitutional(text, s, local, domain)) {
      out.push({
        type: 'email',
        text: text.slice(s, e),
        start: s,
        end: e,
        severity: 'block',
        suggestion: maskEmail(local, text[at], domain),
        rule: 'email',
      });
    }
    at = nextAt(Math.max(e, at + 1));
  }
  return out;
}

function isInstitutional(text: string, start: number, local: string, domain: string): boolean {
  if (INSTITUTIONAL_DOMAIN.test(domain) || INSTITUTIONAL_LOCAL.test(local)) return true;
  return ENQUIRY_MAILBOX_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

/** z*******@163.com: the first character and the domain stay, so the reader sees which mailbox it was. */
function maskEmail(local: string, at: string, domain: string): string {
  return local[0] + '*'.repeat(local.length - 1) + at + domain;
}

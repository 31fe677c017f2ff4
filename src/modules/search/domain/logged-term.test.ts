import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.ts';
import { loggedTerm } from './logged-term.ts';

const logged = (raw: string) => loggedTerm(parseQuery(raw));

describe('the term a search is counted under', () => {
  it('counts one term however its Latin letters are cased or its characters are typed', () => {
    expect(logged('ABC')).toBe('abc');
    expect(logged('abc')).toBe('abc');
    expect(logged('ＰＰＰ 项目')).toBe('ppp 项目'); // full-width letters and spaces
    expect(logged('  公租房   申请 ')).toBe('公租房 申请');
  });

  it('keeps 文号 and short numbers people look for', () => {
    expect(logged('岚建〔2026〕63号')).toBe('岚建〔2026〕63号');
    expect(logged('2025年 预算')).toBe('2025年 预算');
    expect(logged('0571-12345')).toBe('0571-12345');
  });

  it('does not count a term holding personal data the scanner recognises', () => {
    expect(logged('13800138000')).toBeNull();
    expect(logged('zhang.san@example.com')).toBeNull();
    expect(logged('11010519491231002X')).toBeNull(); // a valid ID number
  });

  it('does not count a long run of digits even when it fails the scanner checksum: a mistyped ID or card number is still someone’s', () => {
    expect(logged('110105194912310021')).toBeNull(); // ID-shaped, wrong check digit
    expect(logged('身份证 11010519491231002')).toBeNull(); // 17 digits
    expect(logged('6222021234567890123')).toBeNull(); // card-shaped, fails Luhn
    expect(logged('6222 0212 3456 7890')).toBeNull(); // grouped by spaces
    expect(logged('6222-0212-3456-7890')).toBeNull(); // grouped by hyphens
    expect(logged('19912345678')).toBeNull(); // mobile-shaped, segment not allocated
    expect(logged('１３８００１３８０００')).toBeNull(); // full-width digits
  });

  it('counts nothing for a query with nothing in it', () => {
    expect(logged('   ')).toBeNull();
  });
});

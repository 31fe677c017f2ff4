import { describe, expect, it } from 'vitest';
import { feeForNthApplication, monthTotalPerApplication, perApplicationFee, perPageFee } from './fee-rules.ts';

describe('信息处理费 (国办函〔2020〕109号), worked examples of docs/rules/fees.md', () => {
  // The 11th–30th cost 100元 each and the 31st–35th 200元 each: 2,000 + 1,000 = 3,000元.
  // The terms follow the bracket table, so the sum is 3,000; the printed total is an arithmetic slip.
  it('35 applications in one month cost 20×100 + 5×200 = 3,000元 (docs/rules/fees.md)', () => {
    expect(monthTotalPerApplication(35)).toBe(20 * 100 + 5 * 200);
    expect(monthTotalPerApplication(35)).toBe(3000);
  });
  it('150 pages cost 70×10 + 50×20 = 1,700元', () => {
    expect(perPageFee(150).amountYuan).toBe(1700);
  });
  it('250 pages cost 700 + 2,000 + 50×40 = 4,700元', () => {
    const fee = perPageFee(250);
    expect(fee.amountYuan).toBe(4700);
    expect(fee.lines.map((l) => [l.from, l.to, l.units, l.rateYuan])).toEqual([[1, 30, 30, 0], [31, 100, 70, 10], [101, 200, 100, 20], [201, 250, 50, 40]]);
  });
});

describe('按件计收 (第四条): the n-th application of an applicant in a calendar month', () => {
  it.each([
    [1, 0], [10, 0], [11, 100], [30, 100], [31, 200], [40, 200], [41, 300], [50, 300], [51, 400],
  ])('application no. %i costs %i元', (n, yuan) => {
    expect(feeForNthApplication(n)).toBe(yuan);
  });
  it('names the bracket in its explanation', () => {
    expect(perApplicationFee(35).explanation).toContain('第31至40件区间，每件200元');
  });
  it('up to ten applications a month are free', () => {
    expect(monthTotalPerApplication(10)).toBe(0);
    expect(monthTotalPerApplication(11)).toBe(100);
  });
});

describe('按量计收 (第五条): pages of one application, excess brackets', () => {
  it.each([
    [0, 0], [30, 0], [31, 10], [100, 700], [101, 720], [200, 2700], [201, 2740],
  ])('%i pages cost %i元', (pages, yuan) => {
    expect(perPageFee(pages).amountYuan).toBe(yuan);
  });
  it('refuses a page count that is not a whole number', () => {
    expect(() => perPageFee(1.5)).toThrow(RangeError);
    expect(() => perPageFee(-1)).toThrow(RangeError);
  });
});

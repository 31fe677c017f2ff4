import { describe, expect, it } from 'vitest';
import { idCheckCharacter, isIdGrouping, isRealDate, isValidId15, isValidId18 } from './id-card.ts';
import { detectNumbers } from './detect-numbers.ts';

const id18 = (first17: string): string => first17 + idCheckCharacter(first17);
const wrongCheck = (first17: string): string => {
  const right = idCheckCharacter(first17);
  return first17 + (right === '0' ? '1' : '0');
};
const idsIn = (text: string) => detectNumbers(text).filter((f) => f.type === 'id_card');

describe('公民身份号码 validation (GB 11643-1999)', () => {
  it('computes the ISO 7064 MOD 11-2 check character, X for 10', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(isValidId18('11010519491231002X')).toBe(true);
    expect(isValidId18('11010519491231002x')).toBe(true);
    expect(isValidId18('110105194912310021')).toBe(false);
  });

  it('refuses an impossible birth date and accepts 29 February only in leap years', () => {
    expect(isValidId18(id18('34152520000229123'))).toBe(true);
    expect(isValidId18(id18('34152519000229123'))).toBe(false); // 1900 is not a leap year
    expect(isValidId18(id18('34152519901301123'))).toBe(false);
    expect(isValidId18(id18('34152518991231123'))).toBe(false);
    expect(isRealDate(2023, 2, 29)).toBe(false);
  });

  it('refuses an address code outside the province list or at province level', () => {
    expect(isValidId18(id18('20152519900307123'))).toBe(false);
    expect(isValidId18(id18('99152519900307123'))).toBe(false);
    expect(isValidId18(id18('34000019900307123'))).toBe(false);
    expect(isValidId18(id18('81000019900307123'))).toBe(true); // 港澳居民居住证
  });

  it('validates legacy 15-digit numbers by address code and 19YYMMDD', () => {
    expect(isValidId15('341525900307123')).toBe(true);
    expect(isValidId15('341525901307123')).toBe(false);
    expect(isValidId15('201525900307123')).toBe(false);
  });

  it('accepts one block, one digit per cell, or a few groups, but not odd splits', () => {
    expect(isIdGrouping([18])).toBe(true);
    expect(isIdGrouping([6, 8, 4])).toBe(true);
    expect(isIdGrouping(Array(18).fill(1))).toBe(true);
    expect(isIdGrouping([1, 17])).toBe(false);
  });
});

describe('finding ID numbers in text', () => {
  const id = id18('34152519900307123');

  it('finds an ID in prose and masks the birth date', () => {
    const [f] = idsIn(`当事人张三，公民身份号码${id}，住霍山县。`);
    expect(f).toMatchObject({ type: 'id_card', text: id, severity: 'block', suggestion: `341525********${id.slice(14)}`, rule: 'id18' });
  });

  it('finds an ID written in groups with spaces or hyphens, keeping the separators in the mask', () => {
    const spaced = `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
    const [f] = idsIn(`身份证号：${spaced}。`);
    expect(f.text).toBe(spaced);
    expect(f.suggestion).toBe(`341525 ******** ${id.slice(14)}`);
    expect(idsIn(`身份证号：${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}`)).toHaveLength(1);
  });

  it('finds an ID written one digit per table cell', () => {
    const cells = [...id].join('\t');
    const text = `公民身份号码\t${cells}\n`;
    const [f] = idsIn(text);
    expect(f.start).toBe(text.indexOf(cells));
    expect(f.end).toBe(text.indexOf(cells) + cells.length);
  });

  it('finds an ID in a table cell between other cells', () => {
    const text = `1\t张三\t${id}\t13812345678\n`;
    expect(idsIn(text).map((f) => f.text)).toEqual([id]);
  });

  it('finds an ID written with full-width digits', () => {
    const wide = id.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(idsIn(`身份证：${wide}`)).toHaveLength(1);
  });

  it('finds an ID typed in full-width mode, check character Ｘ included', () => {
    const withX = id18('34152519880808106');
    const wide = withX.replace(/[0-9X]/g, (c) => String.fromCharCode(c === 'X' ? 0xff38 : 0xff10 + Number(c)));
    expect(idsIn(`身份证号：${wide}`)).toMatchObject([{ text: wide }]);
  });

  it('finds a legacy 15-digit number', () => {
    expect(idsIn('原身份证号341525900307123已换领。')).toMatchObject([{ rule: 'id15', suggestion: '341525******123' }]);
  });

  it('does not flag an 18-digit order number with a wrong check digit', () => {
    expect(idsIn(`编码${wrongCheck('34152519900307123')}`)).toHaveLength(0);
  });

  it('still flags a mistyped ID number when a label says it is one', () => {
    const typo = wrongCheck('34152519900307123');
    expect(idsIn(`身份证号：${typo}`)).toMatchObject([{ text: typo, rule: 'id18-labelled', suggestion: `341525********${typo.slice(14)}` }]);
    expect(idsIn(`姓名\t身份证号码\n张三\t${typo}`)).toMatchObject([{ rule: 'id18-labelled' }]);
    expect(idsIn(`身份证号：341525199013071234`)).toHaveLength(0); // no 13th month: not even shaped like an ID
  });

  it('does not take an ID-shaped number with a wrong check digit for a bank card either', () => {
    // 630102198108183420 passes the Luhn check by chance.
    expect(detectNumbers('编码为630102198108183420的记录')).toHaveLength(0);
  });

  it('does not flag an ID number that is already masked', () => {
    expect(detectNumbers('身份证号：341525********1234')).toHaveLength(0);
  });

  it('does not flag an ID-shaped number labelled as something else', () => {
    expect(detectNumbers(`订单号：${id}`)).toHaveLength(0);
    expect(detectNumbers(`统一社会信用代码：${id}`)).toHaveLength(0);
  });

  it('does not take a registration or licence number for a legacy 15-digit or an 18-digit ID', () => {
    // Old 营业执照/税务登记 numbers start with the address code and can read as 19YYMMDD.
    for (const label of ['税务登记证号：', '营业执照号码：', '营业执照号 ', '工商注册号：', '注册号：', '组织机构代码证号：', '许可证号：', '资质证书编号：', '备案号：', '登记号：']) {
      expect(detectNumbers(`${label}341525600123456`), label).toHaveLength(0);
      expect(detectNumbers(`${label}${id}`), label).toHaveLength(0);
    }
    expect(detectNumbers('企业名称\t营业执照号\n霍山县某商贸有限公司\t341525600123456')).toHaveLength(0);
    expect(detectNumbers(`序号\t企业名称\t营业执照号\t税务登记证号\n1\t某公司\t341525600123456\t${id}`)).toHaveLength(0);
    expect(detectNumbers(`企业名称 营业执照号码\n某公司 ${id}`)).toHaveLength(0);
  });

  it('still flags an ID number where the label names an identity document besides a registration number', () => {
    expect(idsIn(`个体户\t统一社会信用代码（身份证号）\n某商店\t${id}`)).toMatchObject([{ text: id, rule: 'id18' }]);
    expect(idsIn(`姓名\t身份证号\t营业执照号\n张三\t${id}\t341525600123456`)).toMatchObject([{ text: id }]);
    expect(idsIn(`经营者身份证号：${id}，营业执照号：341525600123456`)).toMatchObject([{ text: id }]);
    // A person's 纳税人识别号 is the ID number: it stays a plain 'other' label, which a header does not apply to a valid ID.
    expect(idsIn(`姓名\t纳税人识别号\n张三\t${id}`)).toMatchObject([{ text: id }]);
  });

  it('does not flag digits glued to letters or to a decimal point', () => {
    expect(detectNumbers(`MA${id}`)).toHaveLength(0);
    expect(detectNumbers(`0.${id}`)).toHaveLength(0);
    expect(detectNumbers(`${id.slice(0, 17)}K/2020-00012`)).toHaveLength(0);
  });
});

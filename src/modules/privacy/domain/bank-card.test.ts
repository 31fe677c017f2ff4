import { describe, expect, it } from 'vitest';
import { isCardGrouping, isCardNumber, passesLuhn } from './bank-card.ts';
import { detectNumbers } from './detect-numbers.ts';

/** Appends the Luhn check digit. */
export function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return body + d;
  throw new Error('unreachable');
}
const cards = (text: string) => detectNumbers(text).filter((f) => f.type === 'bank_card');

describe('bank cards and accounts', () => {
  const card = withLuhn('622202123456789012');

  it('checks the Luhn digit and the issuer prefix', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
    expect(isCardNumber(card)).toBe(true);
    expect(isCardNumber(withLuhn('202403071234567'))).toBe(false); // starts like a date-based serial
    expect(isCardGrouping([4, 4, 4, 4, 3])).toBe(true);
    expect(isCardGrouping([3, 5, 11])).toBe(false);
  });

  it('finds a card number by its check digit, without a label', () => {
    expect(cards(`请将补助款打入${card}。`)).toMatchObject([{ rule: 'luhn', suggestion: `6222***********${card.slice(-4)}` }]);
  });

  it('finds a card number printed in blocks of four', () => {
    const grouped = card.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(cards(`卡 ${grouped}`)).toMatchObject([{ text: grouped }]);
  });

  it('finds an account number without a check digit after 账号/卡号', () => {
    expect(cards('开户行：中国建设银行霍山支行，账号：3400 1234 5678 0505 1234')).toMatchObject([
      { text: '3400 1234 5678 0505 1234', rule: 'account-context', suggestion: '3400 **** **** **** 1234' },
    ]);
    expect(cards('收款帐号为12345678901234')).toHaveLength(1);
  });

  it('finds an account in a table column headed 银行账号', () => {
    const text = '序号\t姓名\t银行账号\t金额\n1\t张三\t12345678901234\t500\n2\t李四\t98765432109876\t500';
    expect(cards(text).map((f) => f.text)).toEqual(['12345678901234', '98765432109876']);
  });

  it('reads each cell of a row under its own header, whatever cell comes before it (补贴发放名单)', () => {
    const account = '6217001234567890'; // fails the Luhn check: only the header makes it an account
    for (const header of ['开户账号', '存折账号', '一卡通账号', '银行账号', '社保卡号']) {
      const found = detectNumbers(`姓名\t手机\t${header}\n王五\t13912345678\t${account}`);
      expect(found.map((f) => [f.type, f.text]), header).toEqual([['mobile_phone', '13912345678'], ['bank_card', account]]);
    }
    expect(cards(`姓名\t固定电话\t开户账号\n王五\t0564-5022345\t${account}`)).toMatchObject([{ text: account, rule: 'account-context' }]);
    expect(cards(`姓名\t联系电话\t开户账号\n王五\t0564 5022345\t${account}`)).toMatchObject([{ text: account }]);
    expect(cards(`序号\t身份证号\t存折账号\t金额\n1\t341525600123456\t${account}\t3000`)).toMatchObject([{ text: account }]);
  });

  it('reads a row laid out with spaces under its header line', () => {
    const account = '6217001234567890';
    const row = `王五 13912345678 ${account}`;
    for (const header of ['姓名 手机 开户账号', '姓名　手机号码　存折账号', '| 姓名 | 手机 | 开户账号 |\n|---|---|---|', '补贴发放名单（姓名、手机、开户账号）']) {
      expect(cards(`${header}\n${row}`), header).toMatchObject([{ text: account, rule: 'account-context' }]);
    }
    // In such a row a space ends a cell: the amount after the account is not part of it.
    expect(cards(`序号 姓名 社保卡号 金额（元）\n1 王五 ${account} 3000`)).toMatchObject([{ text: account }]);
    // Without a header that lines up, nothing says it is an account.
    expect(cards(`一、基本情况\n${row}`)).toHaveLength(0);
    expect(cards(`姓名 手机 开户账号 备注\n${row}`)).toHaveLength(0);
    expect(cards(`姓名 手机 项目编号\n${row}`)).toHaveLength(0);
  });

  it('does not flag a Luhn-valid number labelled as an order, project or invoice number', () => {
    expect(cards(`订单号：${card}`)).toHaveLength(0);
    expect(cards(`项目编号 ${card}`)).toHaveLength(0);
    expect(cards(`序号\t合同编号\n1\t${card}`)).toHaveLength(0);
  });

  it('does not flag a number that fails the check digit and has no label', () => {
    const bad = card.slice(0, -1) + ((Number(card.slice(-1)) + 1) % 10);
    expect(cards(`编码 ${bad}`)).toHaveLength(0);
  });

  it('does not flag a money amount after 账户', () => {
    expect(cards('专户余额￥12345678901元')).toHaveLength(0);
  });
});

import { describe, expect, it } from 'vitest';
import { columnLabel, isQuantity, labelBefore, lastLabelIn } from './number-context.ts';

describe('labels around numbers', () => {
  it('reads the nearest label, preferring the longest word', () => {
    expect(lastLabelIn('证件编号：')).toBe('id');
    expect(lastLabelIn('项目编号：')).toBe('other');
    expect(lastLabelIn('合同编号HT01 联系人')).toBe('person');
  });

  it('stops at a clause break, a line break or another number', () => {
    const t1 = '订单号：A，联系电话 13812345678';
    expect(labelBefore(t1, t1.indexOf('138'))).toBe('phone');
    const t2 = '订单号\n13812345678';
    expect(labelBefore(t2, t2.indexOf('138'))).toBeNull();
    const t3 = '编号2 13812345678';
    expect(labelBefore(t3, t3.indexOf('138'))).toBeNull();
  });

  it('reads at most the previous table cell', () => {
    const t = '订单号\t张三\t13812345678';
    expect(labelBefore(t, t.indexOf('138'))).toBeNull();
  });

  it('finds the header of a table column', () => {
    const t = '姓名\t银行账号\n张三\t12345678901234\n李四\t22345678901234';
    expect(columnLabel(t, t.indexOf('22345'))).toBe('account');
    expect(columnLabel('没有表格 12345678901234', 5)).toBeNull();
  });

  it('tells registration and licence numbers apart, unless the label also names an identity document', () => {
    expect(lastLabelIn('税务登记证号：')).toBe('registration');
    expect(lastLabelIn('营业执照号码')).toBe('registration');
    expect(lastLabelIn('统一社会信用代码（身份证号）')).toBe('id');
    expect(lastLabelIn('纳税人识别号')).toBe('other');
  });

  it('finds the header of a row laid out with spaces, only when the rows line up with it', () => {
    const t = '补贴发放名单\n姓名 手机 开户账号\n王五 13912345678 6217001234567890\n李四 13812345678 6217001234567891';
    expect(columnLabel(t, t.indexOf('6217001234567891'))).toBe('account');
    expect(columnLabel(t, t.indexOf('13812345678'))).toBe('phone');
    const grouped = '姓名 手机 开户账号\n王五 138 1234 5678 6217001234567890';
    expect(columnLabel(grouped, grouped.indexOf('6217'))).toBeNull();
    const prose = '联系人 王五\n电话 13812345678';
    expect(columnLabel(prose, prose.indexOf('138'))).toBeNull(); // "联系人 王五" holds no column names
  });

  it('recognises money and measured quantities', () => {
    const t = '金额13800000000元，¥ 6222021234567890，98765432101 平方米';
    expect(isQuantity(t, 2, 13)).toBe(true);
    expect(isQuantity(t, t.indexOf('6222'), t.indexOf('6222') + 16)).toBe(true);
    expect(isQuantity(t, t.indexOf('98765'), t.indexOf('98765') + 11)).toBe(true);
    expect(isQuantity('电话13812345678。', 2, 13)).toBe(false);
  });
});

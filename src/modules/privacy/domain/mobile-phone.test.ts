import { describe, expect, it } from 'vitest';
import { isLabelledMobileNumber, isMobileGrouping, isMobileNumber } from './mobile-phone.ts';
import { detectNumbers } from './detect-numbers.ts';

const mobiles = (text: string) => detectNumbers(text).filter((f) => f.type === 'mobile_phone');

describe('mainland mobile numbers', () => {
  it('accepts allocated segments only', () => {
    expect(isMobileNumber('13812345678')).toBe(true);
    expect(isMobileNumber('19912345678')).toBe(true);
    expect(isMobileNumber('14012345678')).toBe(false); // IoT segment
    expect(isMobileNumber('12345678901')).toBe(false);
    expect(isMobileNumber('1381234567')).toBe(false);
  });

  it('after a phone label, accepts any 11 digits that begin with 1, whatever the segment (issue 9)', () => {
    expect(isLabelledMobileNumber('14012345678')).toBe(true);
    expect(isLabelledMobileNumber('16012345678')).toBe(true);
    expect(isLabelledMobileNumber('04012345678')).toBe(false);
    expect(isLabelledMobileNumber('1401234567')).toBe(false);
  });

  it.each([
    ['联系电话：14012345678', '14012345678'],
    ['手机16012345678', '16012345678'],
    ['手机号码 154 5640 2219', '154 5640 2219'],
    ['联系方式：161-5640-8830', '161-5640-8830'],
    ['电话：+86 144 1234 5678', '+86 144 1234 5678'],
    ['序号\t姓名\t联系电话\n1\t王某\t16456201147', '16456201147'],
    ['序号 姓名 手机\n1 王某 14156023318', '14156023318'],
  ])('finds a number in a rarely seen or unallocated segment under a phone label or column: %s', (text, found) => {
    expect(mobiles(text)).toMatchObject([{ text: found, severity: 'block' }]);
  });

  it.each([
    ['unlabelled', '批次16012345678已入库'],
    ['labelled as an order number', '订单号：14012345678'],
    ['in an order-number column beside a phone column', '订单号\t联系电话\n16020240517\t0564-5022345'],
    ['labelled as an archive number after a phone', '电话0564-5022345，档案号16412345678'],
  ])('leaves an 11-digit number outside the allocation list alone when %s', (_, text) => {
    expect(mobiles(text)).toHaveLength(0);
  });

  it('accepts the usual ways of grouping', () => {
    expect(isMobileGrouping([3, 4, 4])).toBe(true);
    expect(isMobileGrouping([3, 8])).toBe(true);
    expect(isMobileGrouping([4, 4, 3])).toBe(false);
  });

  it.each([
    ['联系电话：13812345678。', '13812345678', '138****5678'],
    ['手机 138 1234 5678', '138 1234 5678', '138 **** 5678'],
    ['手机138-1234-5678', '138-1234-5678', '138-****-5678'],
    ['电话+86 138 1234 5678', '+86 138 1234 5678', '+86 138 **** 5678'],
    ['电话+86-138-1234-5678', '+86-138-1234-5678', '+86-138-****-5678'],
    ['电话+8613812345678', '+8613812345678', '+86138****5678'],
    ['电话（+86）13812345678', '（+86）13812345678', '（+86）138****5678'],
    ['电话0086 13812345678', '0086 13812345678', '0086 138****5678'],
  ])('finds %s', (text, found, suggestion) => {
    expect(mobiles(text)).toMatchObject([{ text: found, suggestion, severity: 'block', start: text.indexOf(found) }]);
  });

  it('finds both numbers of a pair written with a slash', () => {
    expect(mobiles('电话：0564-5022345/13805641234/15905642345').map((f) => f.text)).toEqual(['13805641234', '15905642345']);
  });

  it('finds a number written one digit per box of a form', () => {
    expect(mobiles(`联系电话\t${[...'13805641234'].join('\t')}\n`)).toHaveLength(1);
  });

  it.each([
    ['article id in a link', '详见 http://www.huoshan.gov.cn/public/6596151/13812345678.html 。'],
    ['amount in a row about money', '指标\t2022年\t2023年\n总投资（元）\t13812345678\t15912345678'],
    ['office landline with area code', '咨询电话：0564-5022345'],
    ['landline in brackets', '咨询电话：（0564）5022345'],
    ['service number', '服务热线：400-800-1234、12345'],
    ['money amount', '合同金额13800000000元'],
    ['decimal', '系数0.13812345678'],
    ['part of a longer number', '流水138123456789'],
    ['labelled order number', '订单号：13812345678'],
    ['odd grouping', '1381 2345 678'],
  ])('does not flag a %s', (_, text) => {
    expect(mobiles(text)).toHaveLength(0);
  });
});

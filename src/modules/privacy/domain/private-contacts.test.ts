import { describe, expect, it } from 'vitest';
import { applyMasks } from './mask.ts';
import { detectPrivateContacts, type TextAuthor } from './private-contacts.ts';

const masked = (text: string, author: TextAuthor) => applyMasks(text, detectPrivateContacts(text, author));

describe('landlines in a citizen\'s text: every one is masked but its area code and last two digits', () => {
  it.each([
    ['家里座机0564-5123456，', '家里座机0564-*****56，'],
    ['电话（0564）5123456', '电话（0564）*****56'],
    ['0564 5123456', '0564 *****56'],
    ['我单位电话010-62345678转123', '我单位电话010-********转*23'],
    ['座机：5123456', '座机：*****56'],
    ['联系电话是 62345678', '联系电话是 ******78'],
  ])('%s → %s', (text, shown) => expect(masked(text, 'citizen')).toBe(shown));

  it.each([
    ['a date', '2024-05-06来信'],
    ['an amount', '补偿款5123456元'],
    ['a local number without a phone label', '编号5123456'],
    ['a longer run of digits', '05645123456789'],
    ['the 12345 hotline', '我打过12345热线'],
    ['a mobile number (the scanner masks it)', '13912345678'],
  ])('leaves %s alone: %s', (_, text) => expect(detectPrivateContacts(text, 'citizen')).toEqual([]));
});

describe('landlines in the organ\'s reply: only one labelled private is masked', () => {
  it.each([
    ['经核实您的电话0564-5123456无人接听', '经核实您的电话0564-*****56无人接听'],
    ['来信人家庭电话：5123456', '来信人家庭电话：*****56'],
    ['住宅电话 0564-5123456', '住宅电话 0564-*****56'],
    ['宅电0564-5123456', '宅电0564-*****56'],
  ])('%s → %s', (text, shown) => expect(masked(text, 'organ')).toBe(shown));

  it.each([
    ['the organ\'s hotline', '如有疑问请拨打政策咨询电话0564-1234567。'],
    ['the organ\'s contact phone', '联系电话：0564-5022345'],
    ['a landline in brackets', '咨询电话：（0564）5022345'],
  ])('keeps %s readable: %s', (_, text) => expect(detectPrivateContacts(text, 'organ')).toEqual([]));
});

describe('QQ and 微信 numbers after their label, in any text', () => {
  it.each([
    ['QQ 12345678。', 'QQ ********。'],
    ['QQ号：12345678', 'QQ号：********'],
    ['ＱＱ12345', 'ＱＱ*****'],
    ['微信号 wangjg_88，', '微信号 *********，'],
    ['微信：13912345678', '微信：***********'],
    ['加我V:wjg1985', '加我V:*******'],
    ['加我V wjg1985', '加我V *******'],
    ['V：wjg1985', 'V：*******'],
    ['v信 wjg1985', 'v信 *******'],
    ['V信号：wjg1985', 'V信号：*******'],
  ])('%s → %s', (text, shown) => {
    expect(masked(text, 'citizen')).toBe(shown);
    expect(masked(text, 'organ')).toBe(shown);
  });

  it.each([
    ['a QQ group', '政务公开QQ群123456789'],
    ['a 微信公众号', '关注微信公众号qlzjj2020'],
    ['QQ without a number', '通过QQ联系'],
    ['a number too short for QQ', 'QQ 1234'],
    ['a word after 微信', '微信 ok'],
    ['a model number after V', '型号V123456'],
    ['a version', '版本V2.0'],
    ['a V inside a word', 'TV:abcdef12'],
  ])('leaves %s alone: %s', (_, text) => expect(detectPrivateContacts(text, 'organ')).toEqual([]));
});

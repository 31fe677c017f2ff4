import { describe, expect, it } from 'vitest';
import { detectResidentialAddresses } from './residential-address.ts';
import { ADDRESS_LEAD_INS, HOME_LABELS } from './address-lead-ins.ts';
import { suggestionInContext } from './suggestion-in-context.ts';

/** The house detail's suggestion as a reviewer reads it, from the text as the scanner found it. */
const shown = (text: string) => detectResidentialAddresses(text).map((f) => suggestionInContext(f, text.slice(0, f.start)));

describe('a suggestion as a reviewer reads it', () => {
  it.each([
    ['我住在幸福小区3栋2单元501室，楼上漏水。', '幸福小区*********'],
    ['联系人住幸福小区3栋2单元501室。', '幸福小区*********'],
    ['您反映的阳光花园B座1203室漏水问题', '阳光花园*******'],
    ['经查系和平公寓12楼1205管道破损', '和平公寓*******'],
    ['城关镇东关村五组28号', '城关镇东关村*****'],
    ['幸福小区 3栋 2单元 501室', '幸福小区***********'],
    ['位于城关镇人民路18号院2号楼302', '城关镇人民路18号院******'],
  ])('in %s shows %s', (text, expected) => {
    expect(shown(text)).toEqual([expected]);
  });

  // Found by an outside tester: 现住址幸福小区3栋2单元501室 read 址幸福小区********* (the 住 of 现住址 was taken as the lead-in).
  it.each([
    ['现住址幸福小区3栋2单元501室', '幸福小区*********'],
    ['住址幸福小区3栋2单元501室', '幸福小区*********'],
    ['家住幸福小区3栋2单元501室', '幸福小区*********'],
    ['地址幸福小区3栋2单元501室', '幸福小区*********'],
    ['家庭住址幸福小区3栋2单元501室', '幸福小区*********'],
    ['申请人家庭地址城关镇东关村五组28号', '城关镇东关村*****'],
    ['居住地址阳光花园B座1203室', '阳光花园*******'],
    ['住址为和平公寓12楼1205', '和平公寓*******'],
  ])('drops the lead-in word of %s', (text, expected) => {
    expect(shown(text)).toEqual([expected]);
  });

  it('drops every lead-in word the scanner knows, the home labels among them', () => {
    expect(ADDRESS_LEAD_INS).toEqual(expect.arrayContaining([...HOME_LABELS]));
    for (const lead of ADDRESS_LEAD_INS) expect(shown(`${lead}幸福小区3栋2单元501室`), lead).toEqual(['幸福小区*********']);
  });

  it('cuts a long clause from the left, and keeps other types’ suggestions as they are', () => {
    expect(suggestionInContext({ type: 'residential_address', suggestion: '****' }, '本项目涉及城关镇东关村委会旁边幸福家园')).toBe('…镇东关村委会旁边幸福家园****');
    expect(suggestionInContext({ type: 'mobile_phone', suggestion: '138****5678' }, '联系电话')).toBe('138****5678');
    expect(suggestionInContext({ type: 'residential_address', suggestion: '*****' })).toBe('*****');
  });
});

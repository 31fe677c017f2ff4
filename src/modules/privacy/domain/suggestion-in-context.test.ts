import { describe, expect, it } from 'vitest';
import { detectResidentialAddresses } from './residential-address.ts';
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

  it('cuts a long clause from the left, and keeps other types’ suggestions as they are', () => {
    expect(suggestionInContext({ type: 'residential_address', suggestion: '****' }, '本项目涉及城关镇东关村委会旁边幸福家园')).toBe('…镇东关村委会旁边幸福家园****');
    expect(suggestionInContext({ type: 'mobile_phone', suggestion: '138****5678' }, '联系电话')).toBe('138****5678');
    expect(suggestionInContext({ type: 'residential_address', suggestion: '*****' })).toBe('*****');
  });
});

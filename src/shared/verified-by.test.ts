import { describe, expect, it } from 'vitest';
import { requireVerifiedBy } from './verified-by.ts';

const area = { requiredCode: 'ERR_X_REQUIRED', invalidCode: 'ERR_X_INVALID', person: '申请人', hint: '如当面核验身份证件原件' };

describe('核验方式 before a 查询码 is reset', () => {
  it('gives the text trimmed, refuses it empty or over 200 characters on the field verifiedBy with the area\'s codes', () => {
    expect(requireVerifiedBy('  当面核验身份证件原件 ', area)).toBe('当面核验身份证件原件');
    expect(requireVerifiedBy('核'.repeat(200), area)).toHaveLength(200);
    for (const empty of ['', '   ', null, undefined]) {
      expect(() => requireVerifiedBy(empty, area)).toThrow(expect.objectContaining({ code: 'ERR_X_REQUIRED', field: 'verifiedBy', message: '请写明如何核验了申请人的身份（如当面核验身份证件原件）' }));
    }
    expect(() => requireVerifiedBy('核'.repeat(201), area)).toThrow(expect.objectContaining({ code: 'ERR_X_INVALID', field: 'verifiedBy', message: '核验方式不能超过200个字符' }));
  });
});

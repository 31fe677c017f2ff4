import { describe, expect, it } from 'vitest';
import { addressId, addressNumber } from './address-number.ts';

describe('the number in a portal address', () => {
  it('reads digits as typed or pasted: leading zeros and full-width digits are the same number, not written plainly', () => {
    expect(addressNumber('5')).toEqual({ value: 5, plain: true });
    expect(addressNumber('4710')).toEqual({ value: 4710, plain: true });
    expect(addressNumber('2147483647')).toEqual({ value: 2147483647, plain: true });
    expect(addressNumber('05')).toEqual({ value: 5, plain: false });
    expect(addressNumber('0004710')).toEqual({ value: 4710, plain: false });
    expect(addressNumber('５')).toEqual({ value: 5, plain: false });
    expect(addressNumber('０４７１０')).toEqual({ value: 4710, plain: false });
    expect(addressNumber(`${'0'.repeat(40)}7`)).toEqual({ value: 7, plain: false });
  });

  it('is no number for a sign, a point, a space, a letter, zero or beyond any id', () => {
    for (const raw of ['', '0', '000', '-1', '+1', '5.0', '1e3', '0x5', ' 5', '5 ', '5abc', 'abc', '2147483648', '99999999999', '５.０', '٥']) {
      expect([raw, addressNumber(raw)]).toEqual([raw, null]);
      expect(addressId(raw)).toBe(0);
    }
    expect(addressId('05')).toBe(5);
  });
});

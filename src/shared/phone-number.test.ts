import { describe, expect, it } from 'vitest';
import { isPhoneNumber } from './phone-number.ts';

describe('isPhoneNumber', () => {
  it('accepts a mobile and a landline with its area code, as people write them', () => {
    for (const ok of ['13912345678', '139 1234 5678', '139-1234-5678', '+86 13912345678', '0564-5022106', '(0564)5022106', '（0564）5022106',
      '05645022106', '010-12345678', '010 1234 5678', '0564-5022106转123', '0564-5022106-123', '0564-5022106 分机 8', '0564－5022106']) {
      expect(isPhoneNumber(ok), ok).toBe(true);
    }
  });

  it('refuses a short number, a local number without area code and anything else (found by an outside tester: 1391234)', () => {
    for (const bad of ['1391234', '5022106', '50221068', '139123456789', '1391234567', '0564-502210', '0564-050221068', '138', 'abc', '', '23912345678']) {
      expect(isPhoneNumber(bad), bad).toBe(false);
    }
  });
});

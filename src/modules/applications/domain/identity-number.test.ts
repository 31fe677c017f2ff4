import { describe, expect, it } from 'vitest';
import { applicantKeyOf, isCreditCode, isResidentIdNumber } from './identity-number.ts';

describe('identity documents on an application', () => {
  it('accepts a resident ID number whose check character is right and refuses one that is wrong', () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdNumber('110105194912310021')).toBe(false);
    expect(isResidentIdNumber('11010519491231002')).toBe(false);
  });
  it('accepts a unified social credit code with the right check character', () => {
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
    expect(isCreditCode('91350100M000100Y44')).toBe(false);
    expect(isCreditCode('91350100M00010OY43')).toBe(false);
  });
  it('counts an applicant by document when given, else by name and phone digits', () => {
    expect(applicantKeyOf('resident_id', '11010519491231002x', '王某', '138')).toBe('resident_id:11010519491231002X');
    expect(applicantKeyOf('resident_id', '', '王某', '0564-502 2001')).toBe('name:王某|05645022001');
  });
});

import { describe, expect, it } from 'vitest';
import { formScanMismatches } from './form-scan-mismatch.ts';

describe('a 保密审查表 that contradicts the scan', () => {
  const tester = [{ type: 'classified_marking' }, { type: 'id_card' }, { type: 'mobile_phone' }, { type: 'residential_address' }];
  it('is told to the reviewer when it says 非密 over a 密级标志 and 不涉及个人信息 over personal data', () => {
    const m = formScanMismatches({ secrecyLevel: 'non_secret', involvesPersonalInfo: false }, tester);
    expect(m).toHaveLength(2);
    expect(m[0]).toContain('保密审查表填写为“非密”，但扫描发现 1 处密级标志');
    expect(m[1]).toContain('保密审查表填写为“不涉及个人信息”，但扫描发现 3 处疑似个人信息');
  });
  it('says nothing when the form already says so, or the scan found nothing of the kind', () => {
    expect(formScanMismatches({ secrecyLevel: 'non_secret', involvesPersonalInfo: true }, [{ type: 'mobile_phone' }])).toEqual([]);
    expect(formScanMismatches({ secrecyLevel: 'non_secret', involvesPersonalInfo: false }, [{ type: 'sensitive_word' }])).toEqual([]);
    expect(formScanMismatches(null, tester)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { maskPersonalData } from './mask-personal-data.ts';

describe('personal data masked for the portal', () => {
  it('masks numbers and a home’s house detail, and leaves an office address and other findings alone', () => {
    const out = maskPersonalData('我住幸福小区3栋2单元501室，电话13912345678。请到县政务服务中心三楼办理。秘密★1年');
    expect(out).toContain('幸福小区*********');
    expect(out).toContain('139****5678');
    expect(out).toContain('县政务服务中心三楼');
    expect(out).toContain('秘密★1年'); // a secrecy marking stops publication elsewhere; it is not a mask
  });
});

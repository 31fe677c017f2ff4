import { describe, expect, it } from 'vitest';
import { siteNameWords } from './portal-header.tsx';

describe('siteNameWords', () => {
  it('lets a site name break before its closing 信息公开 and after a 人民政府 inside it, nowhere else', () => {
    expect(siteNameWords('青岚县人民政府信息公开')).toEqual(['青岚县人民政府', '信息公开']);
    expect(siteNameWords('青岚县人民政府政务公开')).toEqual(['青岚县人民政府', '政务公开']);
    expect(siteNameWords('青岚县政府信息公开')).toEqual(['青岚县政府', '信息公开']);
    expect(siteNameWords('青岚县人民政府办公室信息公开')).toEqual(['青岚县人民政府', '办公室', '信息公开']);
    expect(siteNameWords('青岚县政府信息公开网')).toEqual(['青岚县政府信息公开网']);
    expect(siteNameWords('信息公开')).toEqual(['信息公开']);
    expect(siteNameWords('青岚县人民政府')).toEqual(['青岚县人民政府']);
  });
});

import { describe, expect, it } from 'vitest';
import { formatIndexNumber, isValidOrganCode, organizationCodeOf, serialScope, validateIndexPattern } from './index-number.ts';

describe('索引号 generation', () => {
  it.each([
    ['{creditCode}/{yyyy}-{seq5}', '11341525003139573K', '2020-03-15', 12, '11341525003139573K/2020-00012'],
    ['{orgCode}/{yyyy}-{seq5}', '11341525003139573K', '2020-03-15', 110, '003139573/2020-00110'],
    ['{creditCode}/{yyyymm}-{seq5}', '11341702486344515H', '2021-10-08', 13, '11341702486344515H/202110-00013'],
    ['{orgCode}/{yyyy}-{seq5}', '000014349', '2017-06-01', 110, '000014349/2017-00110'],
  ])('%s for %s on %s serial %i gives %s', (pattern, code, on, serial, expected) => {
    validateIndexPattern(pattern);
    expect(formatIndexNumber(pattern, { creditCode: code, publishedOn: on, serial })).toBe(expected);
  });

  it('draws serials per prefix: per year, or per month when the pattern has {yyyymm}', () => {
    expect(serialScope('{creditCode}/{yyyy}-{seq5}', '11341525003139573K', '2020-03-15')).toBe('11341525003139573K/2020-{seq}');
    expect(serialScope('{creditCode}/{yyyymm}-{seq5}', '11341525003139573K', '2020-03-15')).toBe('11341525003139573K/202003-{seq}');
    // Two organs with one credit code and one pattern draw from one counter.
    expect(serialScope('{creditCode}/{yyyy}-{seq5}', '11341525003139573K', '2020-12-31')).toBe(serialScope('{creditCode}/{yyyy}-{seq5}', '11341525003139573K', '2020-01-01'));
  });

  it('refuses a serial wider than the pattern allows instead of truncating it', () => {
    expect(() => formatIndexNumber('{creditCode}/{yyyy}-{seq3}', { creditCode: '11341525003139573K', publishedOn: '2020-01-01', serial: 1000 })).toThrow(/超过 3 位/);
  });

  it.each([
    ['{creditCode}/{yyyy}', '流水号'],
    ['{creditCode}/{seq5}', '年份'],
    ['{yyyy}-{seq5}', '机构代码'],
    ['{creditCode}/{year}-{seq5}', '无法识别'],
  ])('refuses the pattern %s (missing %s)', (pattern, why) => {
    expect(() => validateIndexPattern(pattern)).toThrow(why);
  });

  it('reads the organization code inside a 统一社会信用代码 and accepts hyphenated 9-character codes', () => {
    expect(organizationCodeOf('11341525003139573K')).toBe('003139573');
    expect(organizationCodeOf('0142768-8')).toBe('0142768-8');
    expect(isValidOrganCode('11341525003139573K')).toBe(true);
    expect(isValidOrganCode('0142768-8')).toBe(true);
    expect(isValidOrganCode('11341525003139573')).toBe(false);
    expect(isValidOrganCode('11341525O03139573K')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { joinSentences } from './sentences.ts';

describe('sentences joined into one line', () => {
  it('puts ； between parts, but none after a part that already ends with its own mark', () => {
    expect(joinSentences(['同意', '对扫描结果的说明：已核实'])).toBe('同意；对扫描结果的说明：已核实');
    expect(joinSentences(['同意。', '对扫描结果的说明：已核实'])).toBe('同意。对扫描结果的说明：已核实');
    expect(joinSentences(['请核实！', '已改正；', '其余不变'])).toBe('请核实！已改正；其余不变');
    expect(joinSentences(['Agreed.', '见附件'])).toBe('Agreed.见附件');
    expect(joinSentences(['', '  ', '同意'])).toBe('同意');
  });
});

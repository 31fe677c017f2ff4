import { describe, expect, it } from 'vitest';
import { bookTitle, endSentence, joinSentences, withoutFinalStop } from './sentences.ts';

describe('sentences joined into one line', () => {
  it('puts ； between parts, but none after a part that already ends with its own mark', () => {
    expect(joinSentences(['同意', '对扫描结果的说明：已核实'])).toBe('同意；对扫描结果的说明：已核实');
    expect(joinSentences(['同意。', '对扫描结果的说明：已核实'])).toBe('同意。对扫描结果的说明：已核实');
    expect(joinSentences(['请核实！', '已改正；', '其余不变'])).toBe('请核实！已改正；其余不变');
    expect(joinSentences(['Agreed.', '见附件'])).toBe('Agreed.见附件');
    expect(joinSentences(['', '  ', '同意'])).toBe('同意');
  });
});

/** Found by an outside tester: 《《…办法》政策解读》 and 撤回原因：误发布（重复发布，已另行发布。）。 in confirmations. */
describe('a title in 书名号 and a sentence’s end', () => {
  it('wraps a title in 《》 once; a title holding 《》 of its own gets the inner pair as 〈〉 (GB/T 15834-2011 4.15)', () => {
    expect(bookTitle('青岚县城镇排水与污水处理管理办法')).toBe('《青岚县城镇排水与污水处理管理办法》');
    expect(bookTitle('《青岚县城镇排水与污水处理管理办法》政策解读')).toBe('《〈青岚县城镇排水与污水处理管理办法〉政策解读》');
    expect(bookTitle('关于印发《实施方案》的通知')).toBe('《关于印发〈实施方案〉的通知》');
    expect(bookTitle('《青岚县城镇排水与污水处理管理办法》')).toBe('《青岚县城镇排水与污水处理管理办法》');
    expect(bookTitle('  办法 ')).toBe('《办法》');
  });
  it('ends a sentence with 。 unless it already ends with its own mark', () => {
    expect(endSentence('撤回原因：误发布')).toBe('撤回原因：误发布。');
    expect(endSentence('已另行发布。')).toBe('已另行发布。');
    expect(endSentence('请核实！')).toBe('请核实！');
    expect(endSentence('是否已废止？')).toBe('是否已废止？');
  });
  it('drops a note’s own final 。 where it goes inside brackets, before ours', () => {
    expect(withoutFinalStop('重复发布，已另行发布。')).toBe('重复发布，已另行发布');
    expect(withoutFinalStop('重复发布，已另行发布')).toBe('重复发布，已另行发布');
    expect(withoutFinalStop('真的吗？')).toBe('真的吗？');
  });
});

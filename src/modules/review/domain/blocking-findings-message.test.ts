import { describe, expect, it } from 'vitest';
import { blockingFindingsMessage } from './blocking-findings-message.ts';

const of = (...types: string[]) => types.map((type) => ({ type }));

/**
 * What 报送审核 says of the findings that must be dealt with: the total the form's table counts (须处理 N 处), and each
 * sentence naming only what it counts. An outside tester read 扫描发现 1 处密级标志… then 扫描发现 2 处须处理的疑似个人信息或密级标志
 * beside a table saying 须处理 3 处.
 */
describe('the message 报送审核 gives of blocking findings', () => {
  it('gives the total, the markings, and the rest by what they are', () => {
    const m = blockingFindingsMessage(of('classified_marking', 'mobile_phone', 'id_card'));
    expect(m).toMatch(/^扫描发现须处理的内容 3 处。其中 1 处密级标志：.*。另 2 处疑似个人信息：审核将停在这里/);
    expect(m).not.toContain('或密级标志');
  });

  it('names a 敏感词 and an unreadable file as such, not as personal data', () => {
    expect(blockingFindingsMessage(of('mobile_phone', 'sensitive_word', 'unreadable_attachment'))).toMatch(/^扫描发现须处理的内容 3 处，为 1 处疑似个人信息、1 处敏感词、1 处无法读取的附件：审核将停在这里/);
  });

  it('one kind only: the total is that kind', () => {
    expect(blockingFindingsMessage(of('classified_marking', 'classified_marking'))).toMatch(/^扫描发现须处理的内容 2 处，为密级标志：/);
    expect(blockingFindingsMessage(of('email'))).toMatch(/^扫描发现须处理的内容 1 处，为 1 处疑似个人信息：/);
    expect(blockingFindingsMessage([])).toBe('');
  });
});

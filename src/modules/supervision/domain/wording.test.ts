import { describe, expect, it } from 'vitest';
import { findWordingErrors } from './wording.ts';

const rules = [
  { id: 1, wrongPhrase: '县住建局', correctPhrase: '县住房和城乡建设局' },
  { id: 2, wrongPhrase: '王副县长', correctPhrase: '李副县长' },
  { id: 3, wrongPhrase: '住房城乡建设局', correctPhrase: '住房和城乡建设局' },
];

describe('serious wording errors', () => {
  it('finds a wrong leader name in the body with its count and context, and a wrong institution name in the title', () => {
    const found = findWordingErrors('关于县住建局2026年工作的通知', '会议由王副县长主持。\n王 副县长强调……', rules);
    expect(found).toEqual([
      { ruleId: 1, wrongPhrase: '县住建局', correctPhrase: '县住房和城乡建设局', where: 'title', count: 1, context: '关于县住建局2026年工作的通知' },
      { ruleId: 2, wrongPhrase: '王副县长', correctPhrase: '李副县长', where: 'body', count: 2, context: '会议由王副县长主持。王副县长强调……' },
    ]);
  });

  it('does not flag the correct form that contains the wrong phrase, nor text without it', () => {
    expect(findWordingErrors('某县住房和城乡建设局', '李副县长出席。', rules)).toEqual([]);
    expect(findWordingErrors('', '住房城乡建设局和住房和城乡建设局', rules)).toMatchObject([{ ruleId: 3, count: 1 }]);
  });
});

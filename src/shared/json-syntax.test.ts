import { describe, expect, it } from 'vitest';
import { jsonSyntaxProblem } from './json-syntax.ts';

const problemOf = (text: string) => {
  try {
    JSON.parse(text);
  } catch (e) {
    return jsonSyntaxProblem(text, e);
  }
  return null;
};

describe('a JSON syntax problem in Chinese', () => {
  it('names the line and column, or an early end, and never the parser’s English', () => {
    expect(problemOf('{\n  "items": [\n    {"标题": "甲",}\n  ]\n}')).toMatch(/^不是有效的 JSON：第 3 行第 \d+ 列附近有误/);
    expect(problemOf('{"items": [')).toBe('不是有效的 JSON：内容在结尾处中断（缺少右括号或引号）');
    for (const bad of ['{oops', '[1,]', '', '{"a" 1}']) expect(problemOf(bad)!.replace('JSON', '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});

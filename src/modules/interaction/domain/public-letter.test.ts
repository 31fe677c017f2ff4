import { describe, expect, it } from 'vitest';
import { maskWriterName } from './public-letter.ts';

describe('the writer\'s name in published text', () => {
  it.each([
    ['张小明同志：您好！', '张小明', '张**同志：您好！'],
    ['我是张小明，张小明的房子', ' 张小明 ', '我是张**，张**的房子'],
    ['欧阳小明来信', '欧阳小明', '欧**来信'],
    ['赵 小 明来信，赵小明', '赵 小 明', '赵**来信，赵**'],
    ['小明同志：您好！', '张小明', '小明同志：您好！'],
    ['张同志', '张', '张同志'],
    // A name written with spaces or a dot between its characters is the same name.
    ['签名：王 建 国', '王建国', '签名：王**'],
    ['王　建　国（全角空格）', '王建国', '王**（全角空格）'],
    ['来信人王·建国，王建国', '王建国', '来信人王**，王**'],
    ['王 建国、王建 国', '王建国', '王**、王**'],
    ['我是王建国', '王 建 国', '我是王**'],
  ])('writes %s (writer %s) as %s', (text, writer, shown) => expect(maskWriterName(text, writer)).toBe(shown));

  it.each([
    ['other characters between them', '王某建国', '王建国'],
    ['a line break between them', '王\n建国', '王建国'],
    ['a comma between them', '王，建国', '王建国'],
    ['the given name alone', '建国以来', '王建国'],
    ['another order', '建国王', '王建国'],
  ])('leaves the name alone with %s: %s', (_, text, writer) => expect(maskWriterName(text, writer)).toBe(text));
});

import { describe, expect, it } from 'vitest';
import { maskWriterName } from './public-letter.ts';

describe('the writer\'s name in published text', () => {
  it.each([
    ['张小明同志：您好！', '张小明', '张**同志：您好！'],
    ['我是张小明，张小明的房子', ' 张小明 ', '我是张**，张**的房子'],
    ['欧阳小明来信', '欧阳小明', '欧***来信'],
    ['小明同志：您好！', '张小明', '小明同志：您好！'],
    ['张同志', '张', '张同志'],
  ])('writes %s (writer %s) as %s', (text, writer, shown) => expect(maskWriterName(text, writer)).toBe(shown));
});

import { describe, expect, it } from 'vitest';
import { parseWordListText } from './word-list-text.ts';

describe('word lists kept as text files', () => {
  it('reads words, severities, notes and corrections, and skips comments and blank lines', () => {
    const text = '# 错敏词\n中华人民共合国\t阻止\t国名错字\t中华人民共和国\n\n内部掌握\n试点\twarn\n';
    expect(parseWordListText('本局词表', text)).toEqual({
      list: {
        name: '本局词表',
        words: [
          { word: '中华人民共合国', severity: 'block', note: '国名错字', replacement: '中华人民共和国' },
          { word: '内部掌握', severity: 'warn' },
          { word: '试点', severity: 'warn' },
        ],
      },
      errors: [],
    });
  });

  it('reports a line whose severity it cannot read, with its line number', () => {
    const { list, errors } = parseWordListText('x', '甲\t严重\n乙');
    expect(list.words.map((w) => w.word)).toEqual(['乙']);
    expect(errors).toEqual(['第 1 行：严重程度“严重”无法识别（应为 block、warn、阻止 或 提示）']);
  });
});

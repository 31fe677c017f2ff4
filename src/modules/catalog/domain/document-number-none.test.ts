import { describe, expect, it } from 'vitest';
import { isNoneDocumentNumber } from './document-number-none.ts';

describe('a 文号 written as none', () => {
  it('reads dashes, slashes, 无 and 暂无 as none', () => {
    for (const v of ['—', '－', '/', '-', '无', '暂无', '——', '--', '／', ' — ', '— —', '无文号', '暂无文号', '（无）', '(无)', '空', '一', 'N/A', 'n/a', '【无】']) expect(isNoneDocumentNumber(v), v).toBe(true);
  });
  it('leaves a real 文号, an empty one and other punctuation to the schema', () => {
    for (const v of ['', '  ', '？？', '〔〕', '…', '///', '岚建字〔2026〕3号', '无2026号', '-3号']) expect(isNoneDocumentNumber(v), v).toBe(false);
  });
});

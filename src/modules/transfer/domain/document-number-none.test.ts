import { describe, expect, it } from 'vitest';
import { isNoneDocumentNumber, noneDocumentNumberNotice } from './document-number-none.ts';

describe('a 文号 written as none', () => {
  it('reads dashes, slashes, 无 and 暂无 as none', () => {
    for (const v of ['—', '－', '/', '-', '无', '暂无', '——', '--', '／', ' — ', '— —', '无文号']) expect(isNoneDocumentNumber(v), v).toBe(true);
  });
  it('leaves a real 文号, an empty one and other punctuation to the schema', () => {
    for (const v of ['', '  ', '？？', '〔〕', '…', '///', '岚建字〔2026〕3号', '无2026号', '-3号']) expect(isNoneDocumentNumber(v), v).toBe(false);
  });
  it('says which mark it read', () => {
    expect(noneDocumentNumberNotice(' — ')).toBe('文号“—”表示无文号，已按无文号导入');
  });
});

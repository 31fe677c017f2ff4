import { describe, expect, it } from 'vitest';
import { applyMasks, maskDigits } from './mask.ts';

describe('masks', () => {
  it('masks digits between the kept ones and leaves separators', () => {
    expect(maskDigits('138 1234 5678', 3, 4)).toBe('138 **** 5678');
    expect(maskDigits('34152519900307123X', 6, 4)).toBe('341525********123X');
  });

  it('applies suggestions in order and keeps the rest of the text', () => {
    const text = 'a1b22c';
    expect(applyMasks(text, [
      { type: 'sensitive_word', text: '22', start: 3, end: 5, severity: 'warn', suggestion: '二十二' },
      { type: 'sensitive_word', text: '1', start: 1, end: 2, severity: 'warn', suggestion: '*' },
    ])).toBe('a*b二十二c');
  });
});

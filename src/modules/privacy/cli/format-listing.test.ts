import { describe, expect, it } from 'vitest';
import { lineAndColumn } from './format-listing.ts';

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    const text = 'ab\ncd\n\nef';
    expect(lineAndColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn(text, 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn(text, 7)).toEqual({ line: 4, column: 1 });
  });
});

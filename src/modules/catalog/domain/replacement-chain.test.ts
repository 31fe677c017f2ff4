import { describe, expect, it } from 'vitest';
import { MAX_REPLACEMENT_STEPS, replacementChain } from './replacement-chain.ts';

describe('where a repealed policy’s replacement leads', () => {
  it('stops at a replacement in force; goes on past one repealed or lapsed that names a published replacement', () => {
    expect(replacementChain(1, 2, new Map([[2, null]]))).toEqual([2]);
    expect(replacementChain(1, 2, new Map([[2, 3], [3, 4], [4, null]]))).toEqual([2, 3, 4]);
  });

  it('follows only published documents: an unknown first gives nothing, an unknown next ends the line', () => {
    expect(replacementChain(1, 2, new Map())).toEqual([]);
    expect(replacementChain(1, 2, new Map([[2, 3]]))).toEqual([2]);
  });

  it('ends before a document met already (a circle recorded by mistake), the policy itself included', () => {
    expect(replacementChain(1, 2, new Map([[2, 3], [3, 2]]))).toEqual([2, 3]);
    expect(replacementChain(1, 2, new Map([[2, 1], [1, 2]]))).toEqual([2]);
    expect(replacementChain(1, 1, new Map([[1, null]]))).toEqual([]);
    expect(replacementChain(1, 2, new Map([[2, 2]]))).toEqual([2]);
  });

  it('follows at most MAX_REPLACEMENT_STEPS documents', () => {
    const onward = new Map(Array.from({ length: 30 }, (_, i) => [i + 2, i + 3] as [number, number]));
    const chain = replacementChain(1, 2, onward);
    expect(chain).toHaveLength(MAX_REPLACEMENT_STEPS);
    expect(chain[0]).toBe(2);
    expect(replacementChain(1, 2, onward, 3)).toEqual([2, 3, 4]);
  });
});

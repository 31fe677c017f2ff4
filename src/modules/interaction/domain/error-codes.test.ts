import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InteractionErrorCode } from './error-codes.ts';

describe('the mailbox error codes', () => {
  it('are all listed in docs/errors.md, and the list names no code the area lacks', () => {
    const doc = fs.readFileSync(path.resolve('docs/errors.md'), 'utf8');
    const codes = Object.values(InteractionErrorCode);
    for (const code of codes) expect(doc).toContain(`| \`${code}\` |`);
    const listed = [...doc.matchAll(/\| `(ERR_LETTER_[A-Z_]+)` \|/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...codes].sort());
  });
});

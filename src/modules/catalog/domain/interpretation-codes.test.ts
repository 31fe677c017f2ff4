import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InterpretationErrorCode } from './interpretation-codes.ts';

describe('the policy interpretation error codes', () => {
  it('are all listed in docs/errors.md, and the list names no code the catalog lacks', () => {
    const doc = fs.readFileSync(path.resolve('docs/errors.md'), 'utf8');
    const codes = Object.values(InterpretationErrorCode);
    for (const code of codes) expect(doc).toContain(`| \`${code}\` |`);
    const listed = [...doc.matchAll(/\| `(ERR_CATALOG_(?:INTERPRETATION|POLICY_LINK)[A-Z_]*)` \|/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...codes].sort());
  });
});

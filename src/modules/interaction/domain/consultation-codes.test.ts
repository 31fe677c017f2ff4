import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConsultationErrorCode } from './consultation.ts';

describe('the consultation error codes', () => {
  it('are all listed in docs/errors.md, and the list names no code the area lacks', () => {
    const doc = fs.readFileSync(path.resolve('docs/errors.md'), 'utf8');
    const listed = [...doc.matchAll(/\| `(ERR_CONSULTATION_[A-Z_]+)` \|/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.values(ConsultationErrorCode).sort());
  });
});

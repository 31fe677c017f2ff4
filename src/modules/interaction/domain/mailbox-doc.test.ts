import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LETTER_TRANSITIONS, LETTER_VERBS } from './letter-verbs.ts';

describe('docs/workflows/mailbox.md', () => {
  it('states every verb with the states it is allowed in, as the workflow table does', () => {
    const doc = fs.readFileSync(path.resolve('docs/workflows/mailbox.md'), 'utf8');
    const rows = new Map([...doc.matchAll(/^\| `(\w+)` [^|]+\| ([a-z_, ]+) \|/gm)].map((m) => [m[1], m[2].split(', ').map((s) => s.trim())]));
    expect([...rows.keys()].sort()).toEqual([...LETTER_VERBS].sort());
    for (const verb of LETTER_VERBS) expect(rows.get(verb), verb).toEqual([...LETTER_TRANSITIONS[verb].from]);
  });
});

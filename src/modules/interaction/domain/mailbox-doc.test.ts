import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InteractionErrorCode } from './error-codes.ts';
import { LETTER_TRANSITIONS, LETTER_VERBS, letterStateDiagram } from './letter-verbs.ts';

describe('docs/workflows/mailbox.md', () => {
  it('shows the diagram generated from the transition table', () => {
    const doc = fs.readFileSync(path.resolve('docs/workflows/mailbox.md'), 'utf8');
    expect(/```mermaid\n([\s\S]*?)\n```/.exec(doc)?.[1]).toBe(letterStateDiagram());
  });

  it('lists every mailbox error code in docs/errors.md', () => {
    const errors = fs.readFileSync(path.resolve('docs/errors.md'), 'utf8');
    for (const code of Object.values(InteractionErrorCode)) expect(errors, code).toContain(`| \`${code}\` |`);
  });

  it('states every verb with the states it is allowed in, as the workflow table does', () => {
    const doc = fs.readFileSync(path.resolve('docs/workflows/mailbox.md'), 'utf8');
    const rows = new Map([...doc.matchAll(/^\| `(\w+)` [^|]+\| ([a-z_, ]+) \|/gm)].map((m) => [m[1], m[2].split(', ').map((s) => s.trim())]));
    expect([...rows.keys()].sort()).toEqual([...LETTER_VERBS].sort());
    for (const verb of LETTER_VERBS) expect(rows.get(verb), verb).toEqual([...LETTER_TRANSITIONS[verb].from]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProposalErrorCode } from './proposal.ts';
import { PROPOSAL_TRANSITIONS, PROPOSAL_VERBS, proposalStateDiagram } from './proposal-verbs.ts';

const doc = () => fs.readFileSync(path.resolve('docs/workflows/proposals.md'), 'utf8');

describe('docs/workflows/proposals.md', () => {
  it('shows the diagram generated from the transition table', () => {
    expect(/```mermaid\n([\s\S]*?)\n```/.exec(doc())?.[1]).toBe(proposalStateDiagram());
  });

  it('states every verb with the states it is allowed in, as the table does', () => {
    const rows = new Map([...doc().matchAll(/^\| `(\w+)` [^|]+\| ([a-z_, ]+) \|/gm)].map((m) => [m[1], m[2].split(', ').map((s) => s.trim())]));
    expect([...rows.keys()].sort()).toEqual([...PROPOSAL_VERBS].sort());
    for (const verb of PROPOSAL_VERBS) expect(rows.get(verb), verb).toEqual([...PROPOSAL_TRANSITIONS[verb].from]);
  });
});

describe('the 建议提案 error codes', () => {
  it('are all listed in docs/errors.md, and the list names no code the area lacks', () => {
    const errors = fs.readFileSync(path.resolve('docs/errors.md'), 'utf8');
    const listed = [...errors.matchAll(/\| `(ERR_PROPOSAL_[A-Z_]+)` \|/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.values(ProposalErrorCode).sort());
  });
});

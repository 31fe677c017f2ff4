import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_STATES } from './application-states.ts';
import { TRANSITIONS, VERBS } from './application-verbs.ts';
import { RECORD_CORRECTION_STATES, RECORD_CORRECTION_TRANSITIONS, RECORD_CORRECTION_VERBS } from './record-correction.ts';
import { applicationStateDiagram, applicationVerbTable, recordCorrectionStateDiagram, recordCorrectionVerbTable } from './state-diagram.ts';

describe('docs/workflows/application-states.md', () => {
  const doc = fs.readFileSync(path.resolve('docs/workflows/application-states.md'), 'utf8');

  it('shows the diagram generated from the transition table', () => {
    expect(/```mermaid\n([\s\S]*?)\n```/.exec(doc)?.[1]).toBe(applicationStateDiagram());
  });

  it('shows the verb table generated from the transition table', () => {
    expect(doc).toContain(applicationVerbTable());
  });

  it('the diagram has every state and one arrow per state-changing cell of the table', () => {
    const diagram = applicationStateDiagram();
    for (const s of APPLICATION_STATES) expect(diagram).toContain(`    ${s}: ${s}（`);
    const arrows = diagram.split('\n').filter((l) => /^\s+\w+ --> \w+: /.test(l)).length;
    const cells = VERBS.reduce((n, v) => n + (TRANSITIONS[v].to === 'same' ? 0 : TRANSITIONS[v].from.length), 0);
    expect(arrows).toBe(cells);
  });
});

describe('docs/workflows/record-corrections.md', () => {
  const doc = fs.readFileSync(path.resolve('docs/workflows/record-corrections.md'), 'utf8');

  it('shows the diagram and the verb table generated from the transition table', () => {
    expect(/```mermaid\n([\s\S]*?)\n```/.exec(doc)?.[1]).toBe(recordCorrectionStateDiagram());
    expect(doc).toContain(recordCorrectionVerbTable());
  });

  it('the diagram has every state and one arrow per cell of the table', () => {
    const diagram = recordCorrectionStateDiagram();
    for (const s of RECORD_CORRECTION_STATES) expect(diagram).toContain(`    ${s}: ${s}（`);
    const arrows = diagram.split('\n').filter((l) => /^\s+\w+ --> \w+: /.test(l)).length;
    expect(arrows).toBe(RECORD_CORRECTION_VERBS.reduce((n, v) => n + RECORD_CORRECTION_TRANSITIONS[v].from.length, 0));
  });
});

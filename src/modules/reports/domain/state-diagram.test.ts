import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportStateDiagram } from './state-diagram.ts';

describe('the annual report workflow document', () => {
  it('shows the diagram generated from the transition table', () => {
    const doc = fs.readFileSync(path.resolve('docs/workflows/annual-report.md'), 'utf8');
    expect(/```mermaid\n([\s\S]*?)\n```/.exec(doc)?.[1]).toBe(reportStateDiagram());
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewStateDiagram } from './state-diagram.ts';

describe('the review workflow document', () => {
  it('shows the diagram generated from the transition table', () => {
    const doc = fs.readFileSync(path.resolve('docs/workflows/review-states.md'), 'utf8');
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block).toBe(reviewStateDiagram());
  });
});

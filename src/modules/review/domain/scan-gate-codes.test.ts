import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the scan gate’s refusal codes', () => {
  it('are listed in docs/errors.md and explained in the review workflow and the scanner’s docs', () => {
    const errors = fs.readFileSync(path.resolve('docs/errors.md'), 'utf8');
    const workflow = fs.readFileSync(path.resolve('docs/workflows/review-states.md'), 'utf8');
    const scanner = fs.readFileSync(path.resolve('docs/privacy-scanner.md'), 'utf8');
    const source = fs.readFileSync(path.resolve('src/modules/review/domain/review-workflow.ts'), 'utf8');
    for (const code of ['ERR_REVIEW_SECRECY_MARKING', 'ERR_REVIEW_SCAN_BLOCKED']) {
      expect(source).toContain(`'${code}'`);
      expect(errors).toContain(`| \`${code}\` |`);
      expect(workflow).toContain(code);
      expect(scanner).toContain(code);
    }
    // The rule the tester's item went through is gone from the docs: one note no longer waves findings through.
    expect(workflow).not.toContain('unless the reviewer records a justification');
    expect(workflow).not.toContain('no unjustified blocking finding');
  });
});

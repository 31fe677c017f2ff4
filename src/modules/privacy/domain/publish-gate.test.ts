import { describe, expect, it } from 'vitest';
import { publishGate } from './publish-gate.ts';
import type { Finding } from './finding.ts';

const finding = (severity: Finding['severity']): Finding => ({
  type: severity === 'block' ? 'id_card' : 'sensitive_word',
  text: 'x',
  start: 0,
  end: 1,
  severity,
  suggestion: '*',
});

describe('publishGate', () => {
  it('blocks publication while any finding is blocking, and lists those findings', () => {
    const block = finding('block');
    expect(publishGate([finding('warn'), block])).toEqual({ blocked: true, blocking: [block] });
  });

  it('lets a text with warnings only through', () => {
    expect(publishGate([finding('warn')])).toEqual({ blocked: false, blocking: [] });
    expect(publishGate([])).toEqual({ blocked: false, blocking: [] });
  });
});

import { describe, expect, it } from 'vitest';
import type { ReportStatus } from './report-types.ts';
import { targetsOf } from '../../../shared/workflow.ts';
import { REPORT_VERBS, TRANSITIONS, decide, type ReportFacts } from './report-workflow.ts';

const ready: ReportFacts = { actorMay: true, isLatest: true, yearOver: true, failedChecks: [], missingInputs: [], unfinishedSections: [], note: '更正表三数字' };
const STATES: ReportStatus[] = ['draft', 'in_review', 'published'];

describe('annual report workflow: draft → in_review → published, frozen once published', () => {
  it.each(STATES.flatMap((s) => REPORT_VERBS.map((v) => [s, v] as const)))('%s × %s follows the transition table', (state, verb) => {
    const d = decide(state, verb, ready);
    const [next] = targetsOf(TRANSITIONS[verb], state);
    if (next) expect(d).toEqual({ ok: true, next });
    else expect(d.ok ? [] : d.reasons.map((r) => r.code)).toEqual(['ERR_REPORT_STATE']);
  });

  it('a published report cannot be edited, redrafted, returned or published again — only corrected', () => {
    expect(['edit', 'redraft', 'submit', 'return', 'publish'].every((v) => !decide('published', v as never, ready).ok)).toBe(true);
    expect(decide('published', 'correct', ready)).toEqual({ ok: true, next: 'draft' });
  });

  it('lists every reason publishing is refused at once', () => {
    const d = decide('in_review', 'publish', {
      actorMay: false, isLatest: false, yearOver: false, failedChecks: ['跨年度'], missingInputs: ['行政许可', '行政强制'], unfinishedSections: ['六'],
    });
    expect(d.ok ? [] : d.reasons.map((r) => r.code)).toEqual([
      'ERR_AUTH_FORBIDDEN', 'ERR_REPORT_NOT_LATEST', 'ERR_REPORT_YEAR_NOT_OVER', 'ERR_REPORT_CHECK_FAILED', 'ERR_REPORT_INPUT_MISSING', 'ERR_REPORT_INPUT_MISSING',
      'ERR_REPORT_TEXT_UNFINISHED',
    ]);
    expect(d.ok ? '' : d.reasons[0].message).toBe('只有本机关的管理员可以发布');
  });

  it('submitting needs the same finished report; editing a draft does not', () => {
    expect(decide('draft', 'submit', { ...ready, unfinishedSections: ['六'] }).ok).toBe(false);
    expect(decide('draft', 'edit', { ...ready, unfinishedSections: ['六'], failedChecks: ['x'] }).ok).toBe(true);
  });

  it('a correction needs a note', () => {
    const d = decide('published', 'correct', { ...ready, note: '  ' });
    expect(d.ok ? [] : d.reasons.map((r) => r.code)).toEqual(['ERR_REPORT_NOTE_REQUIRED']);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './letters/default-templates.ts';
import { lastDay, noLaterThan, replyDeadline } from './deadline-wording.ts';

describe('deadline wording (the last day is in the period, 条例第三十三条; found by an outside tester)', () => {
  it('names the last day as included, never "前"', () => {
    expect(replyDeadline('2027-01-04')).toBe('答复期限：2027-01-04（含当日）');
    expect(lastDay('2027年1月4日')).toBe('2027年1月4日（含当日）');
    expect(noLaterThan('2027年1月4日')).toBe('最迟于2027年1月4日');
  });

  it('no default letter gives a deadline as "{{…}}前"', () => {
    for (const t of Object.values(DEFAULT_TEMPLATES)) expect(t.body, t.kind).not.toMatch(/\}\}前/);
    expect(DEFAULT_TEMPLATES.acknowledgement.body).toContain('最迟于{{答复期限}}作出答复');
  });
});

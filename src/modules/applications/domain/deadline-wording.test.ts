import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './letters/default-templates.ts';
import { validateTemplate } from './letters/placeholders.ts';
import { deadlinesSaidBefore, deadlineStanding, lastDay, noLaterThan, noLaterThanTheDay, replyDeadline } from './deadline-wording.ts';

describe('deadline wording (the last day is in the period, 条例第三十三条; found by an outside tester)', () => {
  it('names the last day as included, never "前"', () => {
    expect(replyDeadline('2027-01-04')).toBe('答复期限：2027-01-04（含当日）');
    expect(lastDay('2027年1月4日')).toBe('2027年1月4日（含当日）');
    expect(noLaterThan('2027年1月4日')).toBe('最迟于2027年1月4日');
    expect(noLaterThanTheDay('2027年1月4日')).toBe('最迟于2027年1月4日（含当日）');
  });

  it('calls a deadline overdue only after its last day, and due today on it', () => {
    expect(deadlineStanding('2027-01-04', '2027-01-03')).toBeNull();
    expect(deadlineStanding('2027-01-04', '2027-01-04')).toBe('今日到期');
    expect(deadlineStanding('2027-01-04', '2027-01-05')).toBe('已逾期');
  });

  it('no default letter gives a deadline as "{{…}}前"', () => {
    for (const t of Object.values(DEFAULT_TEMPLATES)) {
      expect(t.body, t.kind).not.toMatch(/\}\}\s*(之|以)?前/);
      expect(deadlinesSaidBefore(t.body), t.kind).toEqual([]);
      expect(() => validateTemplate(t.kind, t.title, t.body), t.kind).not.toThrow();
    }
    expect(DEFAULT_TEMPLATES.acknowledgement.body).toContain('最迟于{{答复期限}}作出答复');
  });

  it('finds a deadline placeholder said as "before" it, and only a deadline', () => {
    expect(deadlinesSaidBefore('请于{{补正期限}}前补正，{{ 缴费期限 }} 之前缴费，{{补正期限}}以前。')).toEqual(['补正期限', '缴费期限']);
    expect(deadlinesSaidBefore('最迟于{{补正期限}}补正；{{收到日期}}前收到的；原答复期限（{{原答复期限}}，含当日）内；{{原答复期限}}届满')).toEqual([]);
  });

  it('refuses a template an organ saves that says {{…期限}}前, naming the words to use', () => {
    expect(() => validateTemplate('correction_notice', '补正通知', '请于{{补正期限}}前补正：{{补正事项}}')).toThrow(/“\{\{补正期限\}\}前”会被理解为当日不算.*请写作“最迟于\{\{补正期限\}\}”/);
    expect(() => validateTemplate('correction_notice', '补正通知', '请最迟于{{补正期限}}补正：{{补正事项}}')).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { actionLabel, recordedTitle, targetHref } from './audit-actions.ts';
import { parseAuditFilter } from './audit-filter.ts';

describe('the audit log filter', () => {
  it('reads China calendar days as instants, the end day included', () => {
    const r = parseAuditFilter({ from: '2026-12-07', to: '2026-12-07', action: 'publication.*', type: 'publication', target: '12' });
    expect(r).toEqual({ ok: true, filter: {
      action: { group: 'publication' }, actor: null, target: { type: 'publication', id: '12' }, organId: null,
      fromAt: '2026-12-06T16:00:00.000Z', toAt: '2026-12-07T16:00:00.000Z', beforeId: null,
    } });
  });

  it('takes an organ the reader reads, by its code, and refuses any other', () => {
    const organs = [{ id: 7, code: 'qlx-zjj', name: '县住建局' }, { id: 9, code: 'qlx-czj', name: '县财政局' }];
    const picked = parseAuditFilter({ organ: 'qlx-czj' }, organs);
    expect(picked.ok && picked.filter.organId).toBe(9);
    const other = parseAuditFilter({ organ: 'qlx-jyj' }, organs);
    expect(other.ok ? null : other.errors).toEqual({ organ: '无法识别的机关“qlx-jyj”，请从列表中选择' });
    expect(parseAuditFilter({ organ: 'qlx-czj' }).ok).toBe(false);
  });

  it('refuses bad values, each with its own Chinese message', () => {
    const r = parseAuditFilter({ action: 'drop table;', from: '2026-02-30', to: 'yesterday', target: '5', before: '-1' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.action).toContain('无法识别的操作类型');
    expect(r.errors.from).toBe('起始日期“2026-02-30”不是有效日期，请写成 年-月-日，如 2026-12-01');
    expect(r.errors.to).toContain('截止日期“yesterday”不是有效日期');
    expect(r.errors.type).toBe('按对象编号筛选时，请同时选择对象类型');
    expect(r.errors.before).toBe('翻页位置无效，请从第一页重新查看');
    const reversed = parseAuditFilter({ from: '2026-12-08', to: '2026-12-01' });
    expect(reversed.ok ? null : reversed.errors).toEqual({ to: '截止日期不能早于起始日期' });
  });

  it('reads full-width digits as digits, and refuses a number that is not a whole one in range, an unknown action, group or type', () => {
    const wide = parseAuditFilter({ type: 'publication', target: '４７１０' });
    expect(wide.ok && wide.filter.target).toEqual({ type: 'publication', id: '4710' });
    for (const target of ['abc', '1.5', '99999999999999999999', '0', '-3']) {
      const r = parseAuditFilter({ type: 'publication', target });
      expect(r.ok ? null : r.errors.target).toBe(`对象编号“${target}”无效，请填写信息、用户等的编号（正整数，如 4710）`);
    }
    // Targets kept by a code, not a number (the site's identity, the audit chain) are found by that code.
    expect(parseAuditFilter({ type: 'site_identity', target: 'organ:3' }).ok).toBe(true);
    // A failed sign-in of no such account records the name typed: it can be followed.
    expect(parseAuditFilter({ type: 'user', target: 'ghost' }).ok).toBe(true);
    const action = parseAuditFilter({ action: 'bogus.action' });
    expect(action.ok ? null : action.errors).toEqual({ action: '无法识别的操作类型“bogus.action”，请从列表中选择' });
    const group = parseAuditFilter({ action: 'bogus.*' });
    expect(group.ok ? null : group.errors).toEqual({ action: '无法识别的操作类型“bogus.*”，请从列表中选择' });
    expect(parseAuditFilter({ action: 'api_token.*' }).ok).toBe(true);
    const type = parseAuditFilter({ type: 'bogus' });
    expect(type.ok ? null : type.errors).toEqual({ type: '无法识别的对象类型“bogus”，请从列表中选择' });
  });
});

describe('what an entry is called', () => {
  it('names known actions in Chinese and shows an unknown one by its code', () => {
    expect(actionLabel('user.deactivate')).toBe('停用账号');
    expect(actionLabel('publication.repeal')).toBe('废止');
    expect(actionLabel('something.new')).toBe('something.new');
  });

  it('links a target with a page of its own, and takes the title the entry records', () => {
    expect(targetHref('publication', '12')).toBe('/admin/publications/12');
    expect(targetHref('api_token', '3')).toBeNull();
    expect(targetHref('user', 'zhangsan')).toBeNull();
    expect(recordedTitle(null, { title: ' 关于…的通知 ' })).toBe('关于…的通知');
    expect(recordedTitle({ title: '旧标题' }, null)).toBe('旧标题');
    expect(recordedTitle(null, { name: 'x' })).toBeNull();
  });
});

import { addDays, instantOfChinaTime, isIsoDate } from '../../../shared/iso-date.ts';

/** The filter form's fields as the query string gives them (a GET form, no JavaScript). */
export type AuditFilterQuery = { action?: string; actor?: string; type?: string; target?: string; from?: string; to?: string; before?: string };

/** What the storage filters by: an action (exact) or a group (`publication.*`), the actor, the target, a time range (UTC instants). */
export type AuditFilter = {
  action: { exact: string } | { group: string } | null;
  /** Part of the actor as recorded: a name, an account (张三 / zhangsan) or a system actor (系统：命令行). */
  actor: string | null;
  target: { type: string; id: string | null } | null;
  /** occurred_at ≥ fromAt and < toAt (China calendar days, the end day included). */
  fromAt: string | null;
  toAt: string | null;
  /** Keyset paging: entries older (smaller id) than this one. */
  beforeId: number | null;
};

export type ParsedAuditFilter = { ok: true; filter: AuditFilter } | { ok: false; errors: Record<string, string> };

const CODE = /^[a-z][a-z0-9_]*(\.[a-zA-Z0-9_]+)*$/;

/** Reads the filter form, every bad value with its own Chinese message (the page answers 400, never 500). */
export function parseAuditFilter(q: AuditFilterQuery): ParsedAuditFilter {
  const errors: Record<string, string> = {};
  const s = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const action = s(q.action), actor = s(q.actor), type = s(q.type), target = s(q.target), from = s(q.from), to = s(q.to), before = s(q.before);
  let parsedAction: AuditFilter['action'] = null;
  if (action) {
    const group = action.endsWith('.*') ? action.slice(0, -2) : null;
    if (action.length > 80 || !CODE.test(group ?? action)) errors.action = `无法识别的操作类型“${action.slice(0, 80)}”，请从列表中选择`;
    else parsedAction = group ? { group } : { exact: action };
  }
  if (actor.length > 60) errors.actor = '操作人最多 60 个字';
  if (type && (type.length > 40 || !/^[a-z][a-z_]*$/.test(type))) errors.type = `无法识别的对象类型“${type.slice(0, 40)}”，请从列表中选择`;
  if (target && !type) errors.type = '按对象编号筛选时，请同时选择对象类型';
  if (target.length > 100) errors.target = '对象编号最多 100 个字符';
  for (const [field, v, name] of [['from', from, '起始日期'], ['to', to, '截止日期']] as const) {
    if (v && !isIsoDate(v)) errors[field] = `${name}“${v.slice(0, 20)}”不是有效日期，请写成 年-月-日，如 2026-12-01`;
  }
  if (!errors.from && !errors.to && from && to && from > to) errors.to = '截止日期不能早于起始日期';
  if (before && !/^[1-9]\d{0,14}$/.test(before)) errors.before = '翻页位置无效，请从第一页重新查看';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    filter: {
      action: parsedAction,
      actor: actor || null,
      target: type ? { type, id: target || null } : null,
      fromAt: from ? instantOfChinaTime(from).toISOString() : null,
      toAt: to ? instantOfChinaTime(addDays(to, 1)).toISOString() : null,
      beforeId: before ? Number(before) : null,
    },
  };
}

import { addDays, instantOfChinaTime, isIsoDate } from '../../../shared/iso-date.ts';
import { ACTION_GROUPS, ACTION_LABELS, CODE_KEYED_TYPES, ENTITY_LABELS } from './audit-actions.ts';

/** The filter form's fields as the query string gives them (a GET form, no JavaScript). */
export type AuditFilterQuery = { action?: string; actor?: string; type?: string; target?: string; organ?: string; from?: string; to?: string; before?: string };

/** An organ the reader may pick in 机关: one whose entries they read. */
export type AuditFilterOrgan = { id: number; code: string; name: string };

/** What the storage filters by: an action (exact) or a group (`publication.*`), the actor, the target, a time range (UTC instants). */
export type AuditFilter = {
  action: { exact: string } | { group: string } | null;
  /** Part of the actor as recorded: a name, an account (张三 / zhangsan) or a system actor (系统：命令行). */
  actor: string | null;
  target: { type: string; id: string | null } | null;
  /** Entries recorded against this organ (by id), one of those the reader reads (机关). */
  organId: number | null;
  /** occurred_at ≥ fromAt and < toAt (China calendar days, the end day included). */
  fromAt: string | null;
  toAt: string | null;
  /** Keyset paging: entries older (smaller id) than this one. */
  beforeId: number | null;
};

export type ParsedAuditFilter = { ok: true; filter: AuditFilter } | { ok: false; errors: Record<string, string> };

/** The groups a reader may pick: the form's (ACTION_GROUPS) and each known action's area (`demo.*`, `site_identity.*`). */
const KNOWN_GROUPS = new Set([...ACTION_GROUPS.map((g) => g.code), ...Object.keys(ACTION_LABELS).map((a) => a.split('.')[0]!)]);

/** Full-width digits (０–９, as a Chinese phone's keyboard types them) read as digits. */
const halfWidthDigits = (text: string) => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));

/** A target's number: a whole number of at most 15 digits (what an id can be); a code for the few types kept by one. */
const NUMBER = /^[1-9]\d{0,14}$/;
const TARGET_CODE = /^[A-Za-z0-9][A-Za-z0-9:/._@-]{0,59}$/;

/**
 * Reads the filter form, every bad value with its own Chinese message (the page answers 400, never 500).
 * `organs`: those the reader may pick in 机关 — an organ code among them, anything else refused.
 */
export function parseAuditFilter(q: AuditFilterQuery, organs: readonly AuditFilterOrgan[] = []): ParsedAuditFilter {
  const errors: Record<string, string> = {};
  const s = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const action = s(q.action), actor = s(q.actor), type = s(q.type), target = halfWidthDigits(s(q.target)), from = s(q.from), to = s(q.to), before = s(q.before);
  const organ = s(q.organ);
  const organPicked = organ ? organs.find((o) => o.code === organ) ?? null : null;
  if (organ && !organPicked) errors.organ = `无法识别的机关“${organ.slice(0, 40)}”，请从列表中选择`;
  let parsedAction: AuditFilter['action'] = null;
  if (action) {
    const group = action.endsWith('.*') ? action.slice(0, -2) : null;
    if (group ? !KNOWN_GROUPS.has(group) : !(action in ACTION_LABELS)) errors.action = `无法识别的操作类型“${action.slice(0, 80)}”，请从列表中选择`;
    else parsedAction = group ? { group } : { exact: action };
  }
  if (actor.length > 60) errors.actor = '操作人最多 60 个字';
  if (type && !Object.hasOwn(ENTITY_LABELS, type)) errors.type = `无法识别的对象类型“${type.slice(0, 40)}”，请从列表中选择`;
  if (target && !type) errors.type = '按对象编号筛选时，请同时选择对象类型';
  if (target && !(NUMBER.test(target) || (CODE_KEYED_TYPES.includes(type) && TARGET_CODE.test(target)))) {
    errors.target = `对象编号“${target.slice(0, 30)}”无效，请填写信息、用户等的编号（正整数，如 4710）`;
  }
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
      organId: organPicked ? organPicked.id : null,
      fromAt: from ? instantOfChinaTime(from).toISOString() : null,
      toAt: to ? instantOfChinaTime(addDays(to, 1)).toISOString() : null,
      beforeId: before ? Number(before) : null,
    },
  };
}

import { FINDING_TYPE_LABELS, type FindingType } from '../../privacy/index.ts';
import type { ItemFinding } from '../../review/index.ts';

/**
 * What an import's report says of the privacy and secrecy scan (docs/import-export.md "The privacy
 * and secrecy scan"): per row and field, the kind of finding and a masked excerpt — never the
 * personal data itself, which the report would otherwise carry to wherever it is shown or saved.
 */
export type RowFinding = {
  /** The row's place (第3行, 第2条（第14行）). */
  at: string;
  title: string;
  /** 标题, 正文, 正文链接, 附件：名单.pdf … */
  field: string;
  /** The scanner's type (id_card, mobile_phone, classified_marking, unreadable_attachment …). */
  type: string;
  /** Its Chinese name (身份证号, 密级标志 …). */
  kind: string;
  /** block: stops publishing until masked or accepted (a 密级标志: never); warn: to be confirmed. */
  severity: 'block' | 'warn';
  /** The finding as it may be shown: masked personal data, the marking itself, or why a file could not be read. */
  excerpt: string;
};

/** A row of published history imported as a draft for review instead of published. */
export type HeldBack = { at: string; id: number | null; title: string; code: 'WARN_TRANSFER_HELD_FOR_REVIEW'; message: string };

export const findingKind = (type: string) =>
  type === 'unreadable_attachment' ? '无法读取的附件' : ((FINDING_TYPE_LABELS as Record<string, string>)[type as FindingType] ?? type);

/** A marking is no personal data and is shown as it stands; an unreadable file by why; everything else only masked. */
const excerptOf = (f: ItemFinding) => (f.type === 'classified_marking' ? f.text : f.suggestion);

export function rowFindingsOf(at: string, title: string, findings: readonly ItemFinding[]): RowFinding[] {
  return findings.map((f) => ({ at, title, field: f.source, type: f.type, kind: findingKind(f.type), severity: f.severity === 'block' ? 'block' : 'warn', excerpt: excerptOf(f) }));
}

/** 正文 or 附件“名单.pdf”, as the import's other messages name a field. */
const fieldName = (source: string) => (source.startsWith('附件：') ? `附件“${source.slice(3)}”` : source);

/** The refusal of a row with a 密级标志 (保守国家秘密法): where, and that no mask or note passes it. */
export function markingRefusal(findings: readonly ItemFinding[]): string {
  const where = [...new Set(findings.filter((f) => f.type === 'classified_marking').map((f) => fieldName(f.source)))];
  return `${where.join('、')}含有密级标志：密级标志不能以遮盖处理，也不能由审核人说明理由放行，标有密级的信息不得导入公开平台；须先依法解密，或确认标志有误后删除（保守国家秘密法；隐私与保密扫描）`;
}

/** Why a row of published history is held back: what its scan found (正文：手机号码), or its policies held back. */
export type HoldReasons = { found: string[]; policies: string[] };

/** The held row's reasons as its import record keeps them (field and kind, never the data). */
export const holdList = (h: HoldReasons) => [...h.found, ...h.policies.map((t) => `所解读的政策《${t}》暂缓发布`)];

/** Why a row of published history waits for review, in the report. */
export function heldBackMessage(h: HoldReasons): string {
  const found = h.found.map((w) => (w.startsWith('附件：') ? `附件“${w.slice(3).replace('：', '”：')}` : w));
  const parts = [
    ...(found.length ? [`隐私与保密扫描发现${found.join('；')}（每处须由审核人遮盖或逐处说明可以公开的理由，《政府信息公开条例》第十五条）`] : []),
    ...h.policies.map((t) => `所解读的政策《${t}》暂缓发布，解读随之暂缓（解读不能早于政策发布）`),
  ];
  return `未发布，已作为草稿导入，待填写保密审查表后报送审核：${parts.join('；')}`;
}

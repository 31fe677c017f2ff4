import { addDays, type IsoDate } from '../../../shared/iso-date.ts';
import type { Reason } from '../../../shared/workflow.ts';
import type { WorkingDayCalendar } from '../../calendar/index.ts';
import { subtreeIds } from './catalog-tree.ts';
import { InterpretationErrorCode as E } from './interpretation-codes.ts';

/**
 * Policy interpretation (政策解读): an item of its own kind that explains one or more policy documents,
 * and the rule that a policy needing one gets it within a few working days of its publication
 * (docs/rules/proactive-disclosure.md, "Policy interpretation"). Pure: the caller reads the facts and
 * passes the calendar in force.
 */

export const ITEM_KINDS = ['document', 'interpretation'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_KIND_LABELS: Record<ItemKind, string> = { document: '普通信息', interpretation: '政策解读' };

/** 文字解读; 图解 — an image with the body as its full text alternative; 视频解读 — a link, with the body as its text. */
export const INTERPRETATION_FORMS = ['text', 'graphic', 'video'] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];
export const INTERPRETATION_FORM_LABELS: Record<InterpretationForm, string> = { text: '文字解读', graphic: '图解', video: '视频解读' };

/** Without an organ's own choice, items placed in nodes of these names (or below them) need an interpretation. */
export const DEFAULT_POLICY_NODE_NAMES = ['规范性文件', '政策文件'] as const;
/** This project's default: an interpretation within 3 working days of the policy's publication. */
export const DEFAULT_INTERPRETATION_WORKING_DAYS = 3;
export const MAX_INTERPRETATION_WORKING_DAYS = 20;
/** How many policies one interpretation may explain. */
export const MAX_INTERPRETED_POLICIES = 20;

/**
 * The nodes an organ's rule names: its chosen nodes (null: none chosen yet, so the nodes named
 * 规范性文件 or 政策文件). A chosen node that no longer exists is ignored.
 */
export function policyRootIds(nodes: readonly { id: number; name: string }[], chosen: readonly number[] | null): number[] {
  return chosen === null
    ? nodes.filter((n) => (DEFAULT_POLICY_NODE_NAMES as readonly string[]).includes(n.name.trim())).map((n) => n.id)
    : chosen.filter((id) => nodes.some((n) => n.id === id));
}

/** The nodes whose items need an interpretation: the rule's nodes and every node below them. */
export function policyNodeIds(nodes: readonly { id: number; parentId: number | null; name: string }[], chosen: readonly number[] | null): Set<number> {
  return new Set(policyRootIds(nodes, chosen).flatMap((id) => subtreeIds([...nodes], id)));
}

/** What the rule needs to know about a published item. */
export type PolicyFacts = {
  itemKind: ItemKind;
  status: string;
  validity: string;
  /** How it was published; `system_import` is content brought in from before the platform. */
  publishRoute: string | null;
  publishedOn: IsoDate | null;
  nodeIds: readonly number[];
};

/**
 * Whether an item is a policy that needs an interpretation: an ordinary document (not itself an
 * interpretation), published through the platform (imported content was published before it, and
 * its interpretations, if any, may not have been imported), still in force (a repealed or lapsed
 * document needs no explaining), and placed in one of the organ's policy nodes.
 */
export function needsInterpretation(p: PolicyFacts, policyNodes: ReadonlySet<number>): boolean {
  return p.itemKind === 'document' && p.status === 'published' && p.publishedOn !== null && p.validity === 'valid'
    && p.publishRoute !== 'system_import' && p.nodeIds.some((id) => policyNodes.has(id));
}

export type InterpretationDue =
  | { needed: false }
  | {
    needed: true;
    /** The last day to publish an interpretation: the N-th working day after the policy's publication. */
    dueOn: IsoDate;
    /** The first day one of its interpretations was published (up to today), or null. */
    interpretedOn: IsoDate | null;
    /** Interpreted after the due day, or not interpreted and past it. */
    late: boolean;
    /** Not interpreted and past the due day: the first day it was overdue (the day after `dueOn`); else null. */
    overdueSince: IsoDate | null;
  };

/**
 * "Needs an interpretation / overdue since" for one published item on `today`. The due day is counted
 * on the calendar in force (`calendarInForce`), the publication day not counted: a policy published
 * on a Thursday before a Friday holiday and a weekend is due on the third working day after it.
 */
export function interpretationDue(
  policy: PolicyFacts, policyNodes: ReadonlySet<number>, interpretationsPublishedOn: readonly IsoDate[],
  calendar: Pick<WorkingDayCalendar, 'addWorkingDays'>, today: IsoDate, workingDays: number = DEFAULT_INTERPRETATION_WORKING_DAYS,
): InterpretationDue {
  if (!needsInterpretation(policy, policyNodes)) return { needed: false };
  const dueOn = calendar.addWorkingDays(policy.publishedOn!, workingDays);
  const interpretedOn = [...interpretationsPublishedOn].filter((on) => on <= today).sort()[0] ?? null;
  const overdueSince = interpretedOn === null && today > dueOn ? addDays(dueOn, 1) : null;
  return { needed: true, dueOn, interpretedOn, late: interpretedOn !== null ? interpretedOn > dueOn : today > dueOn, overdueSince };
}

/**
 * The last publication day that makes an uninterpreted policy overdue on `today`: one published on it
 * or before is past its due day (`interpretationDue`'s `overdueSince` is set), one published after it
 * is not. The due day never moves earlier when the publication day moves later, so one day divides
 * them — which lets storage count the overdue policies of a million-item site without reading them.
 */
export function lastOverduePublishedOn(calendar: Pick<WorkingDayCalendar, 'addWorkingDays'>, today: IsoDate, workingDays: number): IsoDate {
  let on = addDays(today, -1);
  while (calendar.addWorkingDays(on, workingDays) >= today) on = addDays(on, -1);
  return on;
}

/** What must be true of an interpretation before it goes to the portal. */
export type InterpretationFacts = {
  itemKind: ItemKind;
  form: InterpretationForm | null;
  /** The body as plain text (the text interpretation, the 图解's full text alternative, the video's text). */
  bodyText: string;
  videoUrl: string | null;
  /** The chosen 图解 image, if it is still an attachment of the item: whether it is a picture, and live (not only in a pending revision). */
  graphic: { isImage: boolean; live: boolean } | null;
  /** The linked policies as they stand now. */
  policies: readonly { status: string }[];
};

/**
 * Every reason an interpretation may not be published yet (none for an ordinary document). Its
 * policy goes first: an interpretation is published with or after the policy, never alone.
 *
 * The one rule of what an interpretation must hold, asked with the same messages and code at every step: at
 * 发布 (`publish`), and at 报送审核, each approval, 修订 and its approval (`review`) — an outside tester's 视频解读
 * with no text passed the whole chain and was refused only at 发布. In review only its policy may still be
 * unpublished: the two go through review together, and the policy is published first.
 */
export function interpretationRefusals(f: InterpretationFacts, at: 'review' | 'publish' = 'publish'): Reason[] {
  if (f.itemKind !== 'interpretation') return [];
  const r: Reason[] = [];
  const reason = (message: string, field: string) => r.push({ code: E.incomplete, message, field });
  if (f.policies.length === 0) reason('政策解读须关联至少一份所解读的政策文件', 'policyIds');
  else if (at === 'publish' && !f.policies.some((p) => p.status === 'published')) reason('所解读的政策文件尚未发布：请先发布政策文件，解读与之同时或随后发布', 'policyIds');
  if (f.form === null) reason('请选择解读形式（文字解读、图解或视频解读）', 'interpretationForm');
  const noText = f.bodyText.trim() === '';
  if (f.form === 'text' && noText) reason('文字解读的正文不能为空', 'bodyHtml');
  if (f.form === 'graphic') {
    if (!f.graphic || !f.graphic.isImage || !f.graphic.live) reason('图解须选择本信息的一张图片附件（JPG、PNG 或 GIF）', 'graphicAttachmentId');
    if (noText) reason('图解须在正文中提供完整的文字版，供无法查看图片的读者阅读', 'bodyHtml');
  }
  if (f.form === 'video') {
    if (!f.videoUrl) reason('视频解读须填写视频链接', 'videoUrl');
    if (noText) reason('视频解读须在正文中提供视频内容的文字说明', 'bodyHtml');
  }
  return r;
}

/** The organs whose policies an organ's interpretation may explain: itself, the organs above it and every organ below it. */
export function relatedOrganIds(organs: readonly { id: number; parentId: number | null }[], organId: number): Set<number> {
  const parent = new Map(organs.map((o) => [o.id, o.parentId]));
  const related = new Set<number>();
  for (let cur: number | null | undefined = organId; cur != null && !related.has(cur); cur = parent.get(cur)) related.add(cur);
  const children = new Map<number, number[]>();
  for (const o of organs) if (o.parentId !== null) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  const stack = [...(children.get(organId) ?? [])];
  while (stack.length) {
    const id = stack.pop()!;
    if (related.has(id)) continue;
    related.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return related;
}

/** An item an interpretation names as its policy, as far as the rule needs it. */
export type LinkTarget = { id: number; organId: number; itemKind: ItemKind; status: string };

/**
 * Why an interpretation (of organ `organId`, `selfId` when it exists) may not name `target` as its
 * policy, or null when it may. A published policy of the organ, an organ above it or one below it may
 * be named; an unpublished one only of the same organ and only by someone who may edit it (so the
 * two go through review together). An unpublished item the person may not see is answered exactly
 * like a missing one.
 */
export function linkRefusal(
  id: number, target: LinkTarget | null,
  ctx: { organId: number; selfId?: number; related: ReadonlySet<number>; mayEditUnpublished: (t: LinkTarget) => boolean },
): string | null {
  const missing = `所解读的政策文件（编号 ${id}）不存在或尚未发布`;
  if (!target) return missing;
  if (target.id === ctx.selfId) return '政策解读不能关联它自己';
  if (target.status !== 'published' && !(target.status !== 'withdrawn' && target.organId === ctx.organId && ctx.mayEditUnpublished(target))) return missing;
  if (target.itemKind === 'interpretation') return `编号 ${id} 是一篇政策解读：请关联它所解读的政策文件`;
  if (!ctx.related.has(target.organId)) return `编号 ${id} 的政策文件不属于本机关或上下级机关，不能关联`;
  return null;
}

/** A title to start from for an interpretation of `policyTitle`: 《…》政策解读 as the demo and most sites write it. */
export function interpretationTitleFor(policyTitle: string): string {
  const issued = /^关于印发(《.+》)的通知$/.exec(policyTitle.trim());
  if (issued) return `${issued[1]}政策解读`;
  const t = policyTitle.trim();
  return t.startsWith('《') && t.endsWith('》') ? `${t}政策解读` : `《${t}》政策解读`;
}

/**
 * The code a 效力 given to a 政策解读 is refused with, whichever way it comes: the review's 标记废止 and 标记已修改
 * (review-workflow.ts), and the item form, the API, a revision and the content import (`interpretationValidityRefusals`).
 * One code, because it is one rule (docs/errors.md).
 */
export const INTERPRETATION_NO_VALIDITY = 'ERR_REVIEW_INTERPRETATION_NO_VALIDITY';

const VALIDITY_WORDS: Record<string, string> = { amended: '已修改', repealed: '已废止', expired: '已失效' };

/**
 * Why a 政策解读 may not carry this 效力 (none for an ordinary document, nor for an interpretation that is 有效 with no
 * 有效期至). An interpretation has no 效力 of its own: it explains a document and follows it — when that document is
 * repealed, amended or lapses, it is marked on that document, and the interpretation's page says so of the document
 * (docs/workflows/review-states.md). So its 有效性 is 有效 and it has no 有效期至 (from which the lapse job would make it
 * 已失效). Marked 已废止 on its own, the portal said of an interpretation 本文件已废止 (found by an outside tester). The
 * same holds when an item already 已废止 becomes a 政策解读: the message says to keep it an ordinary document if it is one.
 */
export function interpretationValidityRefusals(input: { itemKind: ItemKind; validity: string; validThroughOn?: string | null }): Reason[] {
  if (input.itemKind !== 'interpretation') return [];
  const r: Reason[] = [];
  if (input.validity !== 'valid') {
    r.push({
      code: INTERPRETATION_NO_VALIDITY, field: 'validity',
      message: `这是政策解读，本身没有效力，有效性只能为“有效”（现为“${VALIDITY_WORDS[input.validity] ?? input.validity}”）：所解读的文件废止、修改或失效时，在该文件上标记，解读页面随之注明；解读内容有误或不再适用的，请修订或撤回本解读。如本信息是文件本身而非解读，信息类别应为“普通信息”`,
    });
  }
  if (input.validThroughOn) {
    r.push({
      code: INTERPRETATION_NO_VALIDITY, field: 'validThroughOn',
      message: `这是政策解读，本身没有有效期，有效期至应留空（现为 ${input.validThroughOn}）：所解读的文件规定了有效期的，在该文件上填写，到期失效后解读页面随之注明`,
    });
  }
  return r;
}

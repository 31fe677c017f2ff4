import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf, type IsoDate } from '../../../shared/iso-date.ts';
import type { Reason } from '../../../shared/workflow.ts';
import { z } from '../../../shared/zod.ts';
import { calendarInForce } from '../../calendar/index.ts';
import { actorUserId, type Actor } from '../../identity/index.ts';
import {
  DEFAULT_INTERPRETATION_WORKING_DAYS, interpretationDue, interpretationRefusals, lastOverduePublishedOn, linkRefusal, MAX_INTERPRETATION_WORKING_DAYS, policyNodeIds,
  relatedOrganIds, type InterpretationFacts, type LinkTarget,
} from '../domain/interpretation.ts';
import { InterpretationErrorCode as E } from '../domain/interpretation-codes.ts';
import type { Organ } from '../domain/organ.ts';
import type { PublicationInput } from '../domain/publication-input.ts';
import type { Publication } from '../domain/publication.ts';
import type { Executor } from '../storage/executor.ts';
import {
  clearGraphicAttachment, countUninterpretedPolicies, graphicAttachmentOf, interpretationSettingsOf, linksOf, linkTargets, nodesOfOrgans, policyCandidates,
  replaceInterpretedPolicies, storeInterpretationSetting, uninterpretedPoliciesPage, type LinkedItem,
} from '../storage/interpretations-repository.ts';
import { listOrgans } from '../storage/organs-repository.ts';
import { audit } from './audit-helper.ts';
import { mayDraftItem, requireRoleOnOrgan } from './authorize.ts';

/**
 * Policy interpretation (政策解读) as the catalog keeps it: who may name which policy, what an
 * interpretation needs before it is published, each organ's setting of which policies need one, and
 * the published policies still waiting for theirs (docs/rules/proactive-disclosure.md).
 */

/** Per organ: its policy nodes (with what is below them), the working days it allows, and whether it chose them itself. */
export type OrganPolicyRule = { policyNodes: Set<number>; workingDays: number; chosenNodeIds: number[] | null };

/** The policy rule of each of these organs: their own setting, or the nodes named 规范性文件 / 政策文件 and 3 working days. */
export async function policyRulesOf(db: Executor, organIds: readonly number[]): Promise<Map<number, OrganPolicyRule>> {
  const [settings, nodes] = await Promise.all([interpretationSettingsOf(db, organIds), nodesOfOrgans(db, organIds)]);
  return new Map(organIds.map((id) => {
    const own = settings.get(id) ?? null;
    return [id, {
      policyNodes: policyNodeIds(nodes.filter((n) => n.organId === id), own?.nodeIds ?? null),
      workingDays: own?.workingDays ?? DEFAULT_INTERPRETATION_WORKING_DAYS,
      chosenNodeIds: own?.nodeIds ?? null,
    }];
  }));
}

/**
 * Refuses (400, every reason, field `policyIds`) the policies an interpretation may not name, and a
 * 图解 picture that is not an image attachment of the item. Called in the saving transaction.
 */
export async function checkInterpretation(trx: Executor, actor: Actor, organId: number, input: PublicationInput, selfId?: number): Promise<void> {
  if (input.itemKind !== 'interpretation') return;
  const targets = new Map((await linkTargets(trx, input.policyIds)).map((t) => [t.id, t]));
  const related = relatedOrganIds(await listOrgans(trx), organId);
  // Whether the person may edit an unpublished policy, asked only of the same organ's unpublished ones.
  const mayEdit = new Set<number>();
  for (const t of targets.values()) {
    if (t.status !== 'published' && t.organId === organId && await mayDraftItem(trx, actor, t.organId, t.submittingUnitId)) mayEdit.add(t.id);
  }
  const reasons: Reason[] = [];
  for (const id of input.policyIds) {
    const message = linkRefusal(id, targets.get(id) ?? null, { organId, selfId, related, mayEditUnpublished: (t: LinkTarget) => mayEdit.has(t.id) });
    if (message) reasons.push({ code: E.policyLink, message, field: 'policyIds' });
  }
  if (input.interpretationForm === 'graphic' && input.graphicAttachmentId !== null) {
    const picture = selfId === undefined ? null : await graphicAttachmentOf(trx, selfId, input.graphicAttachmentId);
    if (!picture || !picture.mime_type.startsWith('image/')) {
      reasons.push({ code: E.graphic, message: '图解图片须是本信息的一张图片附件（JPG、PNG 或 GIF）：请先上传图片，再选择', field: 'graphicAttachmentId' });
    }
  }
  if (reasons.length) throw DomainError.fromReasons(reasons);
}

/** The interpretation columns of an item as entered: a document keeps none of them. */
export function interpretationColumns(input: PublicationInput) {
  const form = input.itemKind === 'interpretation' ? input.interpretationForm ?? null : null;
  return {
    item_kind: input.itemKind,
    interpretation_form: form,
    video_url: form === 'video' ? input.videoUrl || null : null,
    graphic_attachment_id: form === 'graphic' ? input.graphicAttachmentId : null,
  };
}

/** Writes the policies an interpretation names (clears them for a document), in the caller's transaction. */
export async function saveInterpretedPolicies(trx: Executor, publicationId: number, input: PublicationInput, at: string): Promise<void> {
  await replaceInterpretedPolicies(trx, publicationId, input.itemKind === 'interpretation' ? input.policyIds : [], at);
}

const stripTags = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ');

/**
 * What `interpretationRefusals` asks of an item: as it stands, or as a pending revision (`revised`) would make it —
 * whose 图解 picture may be one the revision adds (live once it is approved), never one it removes. Null for a document.
 */
export async function interpretationFactsOf(trx: Executor, p: Publication, revised?: PublicationInput | null): Promise<InterpretationFacts | null> {
  const c = revised
    ? { itemKind: revised.itemKind, form: revised.interpretationForm ?? null, bodyHtml: revised.bodyHtml, videoUrl: revised.videoUrl || null, graphicId: revised.graphicAttachmentId, policyIds: revised.policyIds }
    : { itemKind: p.itemKind, form: p.interpretationForm, bodyHtml: p.bodyHtml, videoUrl: p.videoUrl, graphicId: p.graphicAttachmentId, policyIds: p.policyIds };
  if (c.itemKind !== 'interpretation') return null;
  const [policies, picture] = await Promise.all([
    linkTargets(trx, c.policyIds),
    c.form === 'graphic' && c.graphicId ? graphicAttachmentOf(trx, p.id, c.graphicId) : Promise.resolve(undefined),
  ]);
  return {
    itemKind: c.itemKind, form: c.form, bodyText: stripTags(c.bodyHtml), videoUrl: c.videoUrl,
    graphic: picture ? { isImage: picture.mime_type.startsWith('image/'), live: picture.revision_state !== (revised ? 'pending_remove' : 'pending_add') } : null,
    policies,
  };
}

/** Every reason an interpretation may not be published yet, from the item as it stands (none for a document). */
export async function interpretationPublishRefusals(trx: Executor, p: Publication): Promise<Reason[]> {
  const facts = await interpretationFactsOf(trx, p);
  return facts ? interpretationRefusals(facts) : [];
}

/** Refuses (409, every reason) to publish an incomplete interpretation: the catalog never shows one. */
export async function requireInterpretationComplete(trx: Executor, p: Publication): Promise<void> {
  const reasons = await interpretationPublishRefusals(trx, p);
  if (reasons.length) throw new DomainError(E.incomplete, `政策解读还不能发布：${reasons.map((r) => r.message).join('；')}`, { httpStatus: 409, reasons });
}

/**
 * An item's links: the policies it explains and the interpretations of it — the published ones, and
 * the unpublished ones of `unpublishedOf` (the organs whose drafts the reader works on; none for the public).
 */
export function interpretationLinks(db: Executor, publicationId: number, unpublishedOf: readonly number[] = []): Promise<{ policies: LinkedItem[]; interpretations: LinkedItem[] }> {
  return linksOf(db, publicationId, unpublishedOf);
}

/** A 图解 picture removed from its item is no longer its picture. */
export const forgetGraphic = clearGraphicAttachment;

/** A published policy waiting for its interpretation, with its due day. */
export type AwaitingInterpretation = {
  id: number; organId: number; title: string; documentNumber: string | null; publishedOn: IsoDate;
  /** The organ's limit in working days, and the last day of it. */
  workingDays: number; dueOn: IsoDate; overdueSince: IsoDate | null;
};

/** The policies an organ's rule covers, grouped by its working days (organs of one group are counted together). */
async function rulesByWorkingDays(deps: AppDeps, organIds: readonly number[]) {
  const rules = await policyRulesOf(deps.db, organIds);
  const groups = new Map<number, { organIds: number[]; nodeIds: number[] }>();
  for (const [organId, rule] of rules) {
    if (rule.policyNodes.size === 0) continue;
    const g = groups.get(rule.workingDays) ?? { organIds: [], nodeIds: [] };
    g.organIds.push(organId);
    g.nodeIds.push(...rule.policyNodes);
    groups.set(rule.workingDays, g);
  }
  return { rules, groups };
}

/**
 * A page of the published policies of these organs that need an interpretation and have no published
 * one, oldest first (so the overdue ones, longest overdue at the top, come before those still within
 * their days), each with its due day on the calendar in force and, when past it, the day it became
 * overdue; with how many there are in all. Read a page at a time: a large site has thousands.
 */
export async function policiesAwaitingInterpretation(
  deps: AppDeps, organIds: readonly number[], window: { offset: number; limit: number } = { offset: 0, limit: 100 },
): Promise<{ items: AwaitingInterpretation[]; total: number }> {
  const { rules, groups } = await rulesByWorkingDays(deps, organIds);
  const allNodes = [...groups.values()].flatMap((g) => g.nodeIds);
  const [rows, counts] = await Promise.all([
    uninterpretedPoliciesPage(deps.db, organIds, allNodes, window.offset, window.limit),
    countUninterpretedPolicies(deps.db, organIds, allNodes),
  ]);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (rows.length === 0) return { items: [], total };
  const calendar = await calendarInForce(deps.db);
  const today = chinaDateOf(deps.clock.now());
  const items: AwaitingInterpretation[] = [];
  for (const r of rows) {
    const rule = rules.get(r.organId)!;
    const due = interpretationDue(r, rule.policyNodes, [], calendar, today, rule.workingDays);
    if (due.needed) {
      items.push({
        id: r.id, organId: r.organId, title: r.title, documentNumber: r.documentNumber, publishedOn: r.publishedOn,
        workingDays: rule.workingDays, dueOn: due.dueOn, overdueSince: due.overdueSince,
      });
    }
  }
  return { items, total };
}

/**
 * For 待办 and 工作台: per organ, how many policies are past their due day without a published
 * interpretation, and its limit (organs with none are left out). Counted in the database up to the
 * last publication day that is overdue today (`lastOverduePublishedOn`), never read one by one.
 */
export async function countOverdueInterpretations(deps: AppDeps, organIds: readonly number[]): Promise<Map<number, { overdue: number; workingDays: number }>> {
  const { groups } = await rulesByWorkingDays(deps, organIds);
  const counts = new Map<number, { overdue: number; workingDays: number }>();
  if (groups.size === 0) return counts;
  const calendar = await calendarInForce(deps.db);
  const today = chinaDateOf(deps.clock.now());
  for (const [workingDays, g] of groups) {
    const overdue = await countUninterpretedPolicies(deps.db, g.organIds, g.nodeIds, lastOverduePublishedOn(calendar, today, workingDays));
    for (const [organId, n] of overdue) if (n > 0) counts.set(organId, { overdue: n, workingDays });
  }
  return counts;
}

/**
 * The policies an interpretation of `organ` could name, for the editor's list: published ones in the
 * policy nodes of the organ and the organs above and below it, and the organ's own unpublished ones
 * when the person drafts for it (the save checks each one again). The newest `limit` of them, after
 * the ones of `named` (the policies the form already names, e.g. from 撰写解读 on an old policy) that
 * could be named, so that those are shown ticked with their titles and never only as numbers.
 */
export async function policyCandidatesFor(db: Executor, organ: Organ, mayDraftOwn: boolean, named: readonly number[] = [], limit = 30) {
  const related = [...relatedOrganIds(await listOrgans(db), organ.id)];
  const rules = await policyRulesOf(db, related);
  const nodes = [...rules.values()].flatMap((r) => [...r.policyNodes]);
  return policyCandidates(db, nodes, mayDraftOwn ? [organ.id] : [], limit, { ids: named, organIds: related });
}

const settingSchema = z.object({
  nodeIds: z
    .preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number({ message: '栏目应为栏目编号' }).int().positive()))
    .transform((v) => [...new Set(v)]),
  workingDays: z.coerce
    .number({ message: '期限应为工作日数' })
    .int({ message: '期限应为整数个工作日' })
    .min(1, { message: `期限应在 1–${MAX_INTERPRETATION_WORKING_DAYS} 个工作日之间` })
    .max(MAX_INTERPRETATION_WORKING_DAYS, { message: `期限应在 1–${MAX_INTERPRETATION_WORKING_DAYS} 个工作日之间` }),
});

/** Saves which of the organ's nodes hold policies that need an interpretation, and within how many working days (its administrator). */
export async function saveInterpretationSetting(deps: AppDeps, actor: Actor, organId: number, raw: unknown): Promise<void> {
  const input = settingSchema.parse(raw);
  await deps.db.transaction().execute(async (trx) => {
    await requireRoleOnOrgan(trx, actor, organId, 'organ_admin');
    const own = await nodesOfOrgans(trx, [organId]);
    if (input.nodeIds.some((id) => !own.some((n) => n.id === id))) {
      throw new DomainError('ERR_CATALOG_NODE_NOT_FOUND', '所选栏目不存在或不属于本机关', { field: 'nodeIds' });
    }
    const before = (await interpretationSettingsOf(trx, [organId])).get(organId) ?? null;
    const at = deps.clock.now().toISOString();
    await storeInterpretationSetting(trx, { organId, nodeIds: input.nodeIds, workingDays: input.workingDays, at, by: actorUserId(actor) });
    await audit(trx, deps, actor, at, {
      action: 'interpretation_setting.save', entityType: 'organ', entityId: organId, organId,
      before: before ? { nodeIds: before.nodeIds, workingDays: before.workingDays } : null, after: input,
    });
  });
}

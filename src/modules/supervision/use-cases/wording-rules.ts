import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { z } from '../../../shared/zod.ts';
import { appendCatalogAudit, findOrganByCode, organChain, type Organ } from '../../catalog/index.ts';
import { actorUserId, mayKeepSupervision, mayWorkOn, type Actor, type Principal } from '../../identity/index.ts';
import { deleteWordingRule, findWordingRule, insertWordingRule, listWordingRules, type WordingRule } from '../storage/inspection-repository.ts';

export type { WordingRule } from '../storage/inspection-repository.ts';

export const wordingRuleSchema = z.object({
  wrongPhrase: z.string({ message: '请填写错误表述' }).trim().min(1, '请填写错误表述').max(100, '错误表述不能超过 100 个字'),
  correctPhrase: z.string({ message: '请填写正确表述' }).trim().min(1, '请填写正确表述').max(100, '正确表述不能超过 100 个字'),
  note: z.string().trim().max(200, '说明不能超过 200 个字').optional().default(''),
});

/** Why someone without a role on the organ itself (a unit's staff) may not open its wording list. */
const WORDING_LIST_REFUSED = '严重表述错误清单只有本机关的工作人员可以查看，由政务公开办公室或机关管理员维护；下属单位的工作人员如需了解，请联系本机关政务公开办公室';

/** Whether the person holds a role on an organ below this one (an internal unit of it). */
async function onUnitOf(deps: AppDeps, p: Principal, organId: number): Promise<boolean> {
  for (const r of p.roles) {
    if (r.organId !== organId && (await organChain(deps.db, r.organId)).includes(organId)) return true;
  }
  return false;
}

async function organFor(deps: AppDeps, actor: Actor, code: string, write: boolean): Promise<Organ> {
  const organ = await findOrganByCode(deps.db, code);
  if (!organ) throw new DomainError('ERR_SUPERVISION_ORGAN_NOT_FOUND', `机关代码“${code}”不存在`, { httpStatus: 404 });
  if (actor.kind === 'user') {
    // Who reads the list of serious wording errors: the organ's staff (mayWorkOn); who keeps it: the
    // disclosure office and the administrator. A unit's staff work on their organ's catalog and see its
    // supervision page, but hold no role on the organ: the list is there, they may not open it (403);
    // to anyone else another organ's list answers as if it were not there.
    const chain = await organChain(deps.db, organ.id);
    if (!mayWorkOn(actor.principal, chain)) {
      if (await onUnitOf(deps, actor.principal, organ.id)) throw new DomainError('ERR_AUTH_FORBIDDEN', WORDING_LIST_REFUSED, { httpStatus: 403 });
      throw new DomainError('ERR_SUPERVISION_ORGAN_NOT_FOUND', `机关代码“${code}”不存在`, { httpStatus: 404 });
    }
    if (write && !mayKeepSupervision(actor.principal, chain)) {
      throw new DomainError('ERR_AUTH_FORBIDDEN', '只有政务公开办公室或机关管理员可以维护严重表述错误清单', { httpStatus: 403 });
    }
  }
  return organ;
}

/** The organ's own rules and those of the governments above it, which the inspection also applies. */
export async function wordingRulesOf(deps: AppDeps, actor: Actor, code: string): Promise<{ organ: Organ; own: WordingRule[]; inherited: WordingRule[] }> {
  const organ = await organFor(deps, actor, code, false);
  const all = await listWordingRules(deps.db, await organChain(deps.db, organ.id));
  return { organ, own: all.filter((r) => r.organId === organ.id), inherited: all.filter((r) => r.organId !== organ.id) };
}

/** Adds a wrong phrase and its correct form to an organ's list (docs/rules/website-inspection.md). */
export async function addWordingRule(deps: AppDeps, actor: Actor, code: string, raw: unknown): Promise<WordingRule> {
  const input = wordingRuleSchema.parse(raw);
  const organ = await organFor(deps, actor, code, true);
  if (input.wrongPhrase === input.correctPhrase) throw new DomainError('ERR_SUPERVISION_WORDING_SAME', '错误表述和正确表述不能相同', { field: 'correctPhrase' });
  return deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now().toISOString();
    const id = await insertWordingRule(trx, { organId: organ.id, wrongPhrase: input.wrongPhrase, correctPhrase: input.correctPhrase, note: input.note, createdBy: actorUserId(actor), createdAt: at });
    if (id === null) throw new DomainError('ERR_SUPERVISION_WORDING_DUPLICATE', `清单中已有错误表述“${input.wrongPhrase}”`, { field: 'wrongPhrase', httpStatus: 409 });
    await appendCatalogAudit(trx, deps, actor, at, { action: 'supervision.wording_rule_added', entityType: 'wording_rule', entityId: id, organId: organ.id, before: null, after: input });
    return (await findWordingRule(trx, id))!;
  });
}

export async function removeWordingRule(deps: AppDeps, actor: Actor, code: string, id: number): Promise<void> {
  const organ = await organFor(deps, actor, code, true);
  await deps.db.transaction().execute(async (trx) => {
    const rule = await findWordingRule(trx, id);
    if (!rule || rule.organId !== organ.id) throw new DomainError('ERR_SUPERVISION_WORDING_NOT_FOUND', '清单中没有这一条', { httpStatus: 404 });
    await deleteWordingRule(trx, id);
    await appendCatalogAudit(trx, deps, actor, deps.clock.now().toISOString(), { action: 'supervision.wording_rule_removed', entityType: 'wording_rule', entityId: id, organId: organ.id, before: rule, after: null });
  });
}

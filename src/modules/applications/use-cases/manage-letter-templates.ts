import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { actorUserId, type Actor } from '../../identity/index.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { isTemplateKind, TEMPLATE_KINDS, type TemplateKind } from '../domain/letters/letter-kinds.ts';
import { validateTemplate } from '../domain/letters/placeholders.ts';
import { deleteTemplate, templateFor, upsertTemplate, type OrganTemplate } from '../storage/templates-repository.ts';
import { auditApplication, requireCaseStaff, requireOfficeHead } from './case-access.ts';

function kindOf(raw: string): TemplateKind {
  if (!isTemplateKind(raw)) throw new DomainError(E.templateInvalid, `文书类型“${raw}”不存在`, { httpStatus: 404 });
  return raw;
}

export async function listLetterTemplates(deps: AppDeps, actor: Actor, organId: number): Promise<OrganTemplate[]> {
  await requireCaseStaff(deps.db, actor, organId);
  return Promise.all(TEMPLATE_KINDS.map((k) => templateFor(deps.db, organId, k)));
}

/** An organ's own wording of a letter; placeholders are checked, the legal parts are added by the builder anyway. */
export async function saveLetterTemplate(deps: AppDeps, actor: Actor, organId: number, rawKind: string, raw: { title?: unknown; body?: unknown }): Promise<void> {
  const kind = kindOf(rawKind);
  const title = typeof raw.title === 'string' ? raw.title.trim() : '';
  const body = typeof raw.body === 'string' ? raw.body.replace(/\r\n/g, '\n').trim() : '';
  validateTemplate(kind, title, body);
  await deps.db.transaction().execute(async (trx) => {
    await requireOfficeHead(trx, actor, organId);
    const before = await templateFor(trx, organId, kind);
    const at = deps.clock.now().toISOString();
    await upsertTemplate(trx, organId, kind, title, body, actorUserId(actor), at);
    await auditApplication(trx, deps, actor, at, { action: 'letter_template.save', entityType: 'letter_template', entityId: organId, organId, before: { kind, title: before.title, body: before.body }, after: { kind, title, body } });
  });
}

/** Back to the built-in wording. */
export async function resetLetterTemplate(deps: AppDeps, actor: Actor, organId: number, rawKind: string): Promise<void> {
  const kind = kindOf(rawKind);
  await deps.db.transaction().execute(async (trx) => {
    await requireOfficeHead(trx, actor, organId);
    const at = deps.clock.now().toISOString();
    await deleteTemplate(trx, organId, kind);
    await auditApplication(trx, deps, actor, at, { action: 'letter_template.reset', entityType: 'letter_template', entityId: organId, organId, after: { kind } });
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { asString, fieldErrorsOf } from '../../../platform/views/admin-helpers.ts';
import { topFlash } from '../../../platform/views/flash.tsx';
import { DomainError } from '../../../shared/domain-error.ts';
import { findPublication, titleChanges, type StaffContext } from '../../catalog/index.ts';
import { actorOf } from '../../identity/index.ts';
import { loadForm } from '../storage/review-repository.ts';
import { checkReviewForm, clearReviewForm, fillReviewForm } from '../use-cases/fill-review-form.ts';
import { performReviewVerb } from '../use-cases/perform-review-verb.ts';
import { retitleRevisionAttachments } from '../use-cases/revision-attachments.ts';
import { saveDraft } from '../use-cases/draft-edits.ts';
import { typedAttachmentTitles } from './item-attachment-title-routes.ts';
import type { Body } from './item-form-fields.ts';
import type { RenderItemForm } from './item-form-render.tsx';
import { typedReviewForm, type PublicationFormValues } from './publication-form-page.tsx';

/**
 * What saving the item's form did: saved (a revision, or the text; its 保密审查表 written, or removed when
 * emptied), or refused — with whether its 保密审查表 was written before the refusal.
 */
type ItemFormOutcome = { saved: true; amended: boolean; tableSaved: boolean; tableCleared: boolean } | { saved: false; error: unknown; tableSaved: boolean };

/** An emptied 保密审查表 saved: the stored one is removed (clearReviewForm), and the item needs it again. */
export const TABLE_CLEARED = '保密审查表已清空，报送审核前须重新填写';

/** 保存 of the item's form, shared by its 保存 (item-edit-routes.ts) and 保存并报送审核 (item-submit-routes.ts). */
export function itemFormSaver(deps: AppDeps, renderPublicationForm: RenderItemForm) {
  const { db } = deps;
  /**
   * Saves what the item's form sent: its text (a draft's or returned item's, or a published item's
   * revision, 修订) and the 保密审查表 whose fields belong to it while it can be filled. The table is
   * checked first, so a wrong one refuses both before either is written; a revision's table is
   * written before the revision, whose gate needs its 密级. Returns what was saved.
   */
  async function saveItemForm(request: FastifyRequest, id: number, body: Body): Promise<ItemFormOutcome> {
    const actor = actorOf(request, 'web');
    const current = await findPublication(db, id);
    const stored = current ? await loadForm(db, id) : null;
    const typed = typedReviewForm(body);
    // The table is on the page (and so sent) only while it can be filled: a draft's or returned item's, or a published item's that has none.
    const fillable = !!current && (['draft', 'returned'].includes(current.status) || (current.status === 'published' && !stored));
    const saysSomething = !!typed && (typed.secrecyLevel !== '' || typed.involvesPersonalInfo || typed.avoidanceNote.trim() !== '');
    const changed = !!typed && (!stored || stored.secrecyLevel !== typed.secrecyLevel || stored.involvesPersonalInfo !== typed.involvesPersonalInfo || stored.avoidanceNote !== typed.avoidanceNote.trim());
    const table = fillable && saysSomething && changed ? body : null;
    // Every field emptied takes back a stored table (a draft's or returned item's: a published item's is
    // locked once it has one, and then not on the page): the item needs it filled again before 报送审核.
    const clearing = fillable && !!typed && !saysSomething && !!stored;
    const expectedVersion = Number(asString(body.expectedVersion)) || undefined;
    let tableSaved = false;
    try {
      if (table) checkReviewForm(table);
      // The 附件名称 boxes are the form's too (item-attachment-title-routes.ts): checked first, stored with the text.
      const titles = typedAttachmentTitles(body);
      if (titles.size) await titleChanges(db, id, titles);
      if (current?.status === 'published') {
        if (table) tableSaved = (await fillReviewForm(deps, actor, id, table), true);
        await performReviewVerb(deps, actor, id, 'amend', { amended: body, changeNote: asString(body.changeNote), expectedVersion });
        if (titles.size) await retitleRevisionAttachments(deps, actor, id, titles);
        return { saved: true, amended: true, tableSaved, tableCleared: false };
      }
      // The text and 附件名称 saved, then scanned again once: a returned draft's findings describe what it holds now.
      await saveDraft(deps, actor, id, body, expectedVersion, { formedOnDefault: asString(body.formedOnDefault) }, titles);
      if (table) tableSaved = (await fillReviewForm(deps, actor, id, table), true);
      const tableCleared = clearing && await clearReviewForm(deps, actor, id);
      return { saved: true, amended: false, tableSaved, tableCleared };
    } catch (error) {
      return { saved: false, error, tableSaved };
    }
  }
  /** The item's form refused: the page again with everything typed, and why (a 保密审查表 already written is said to be). */
  const refusedItemForm = (request: FastifyRequest, reply: FastifyReply, scope: StaffContext, id: number, body: Body, e: unknown, tableSaved: boolean) => {
    const told = tableSaved ? { ...scope, flash: topFlash('保密审查表已保存；修订还没有保存（仍在下面的表单中）') } : scope;
    // Saved by someone else meanwhile: the work typed here is in the form this page sends back.
    if (e instanceof DomainError && e.code === 'ERR_CATALOG_VERSION_CONFLICT') {
      return renderPublicationForm(request, reply, told, id, '', body as PublicationFormValues, { _form: '该信息已被他人修改，您的修改还没有保存（仍在下面的表单中）' }, 409, true);
    }
    return renderPublicationForm(request, reply, told, id, '', body as PublicationFormValues, fieldErrorsOf(e), 400);
  };
  return { saveItemForm, refusedItemForm };
}

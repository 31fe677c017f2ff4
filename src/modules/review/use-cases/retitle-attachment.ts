import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { checkAttachmentTitle, findPublication, listAttachments, type Attachment } from '../../catalog/index.ts';
import type { Actor } from '../../identity/index.ts';
import { retitleDraftAttachments } from './draft-attachments.ts';
import { retitleRevisionAttachments } from './revision-attachments.ts';

export type Retitled = {
  attachment: Attachment;
  /** A published item's change waiting for its revision's approval: `{ title }` (null: taken away); null when none waits. */
  titleWithRevision: { title: string | null } | null;
  changed: boolean;
};

/**
 * One attachment's 附件名称 changed by the API, under the back office's rules (ADR 0034): a draft's (draft,
 * returned; its writers) at once; a published item's with its pending revision (`pending_title`), public once
 * the revision is approved — refused without one (ERR_REVIEW_NO_REVISION); an item in review, neither
 * (ERR_CATALOG_LOCKED_IN_REVIEW). The title is checked first, its refusal naming the field `title`.
 */
export async function retitleAttachment(deps: AppDeps, actor: Actor, publicationId: number, attachmentId: number, raw: unknown): Promise<Retitled> {
  const title = checkAttachmentTitle(raw, 'title');
  const p = await findPublication(deps.db, publicationId);
  if (!p) throw new DomainError('ERR_CATALOG_PUBLICATION_NOT_FOUND', '信息不存在', { httpStatus: 404 });
  const titles = new Map<number, unknown>([[attachmentId, title ?? '']]);
  const changed = p.status === 'published'
    ? await retitleRevisionAttachments(deps, actor, publicationId, titles)
    : await retitleDraftAttachments(deps, actor, publicationId, titles); // a returned draft's scan follows its titles
  const a = (await listAttachments(deps.db, publicationId, 'all')).find((x) => x.id === attachmentId)!;
  const { pendingTitle, ...attachment } = a;
  return { attachment, titleWithRevision: pendingTitle === undefined ? null : { title: pendingTitle || null }, changed: changed > 0 };
}

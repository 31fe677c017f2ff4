import type { AppDeps } from '../../../platform/app-deps.ts';
import { addAttachment, findAttachment, removeAttachment, setAttachmentTitles } from '../../catalog/index.ts';
import type { Actor } from '../../identity/index.ts';
import { rescanItem } from './scan-publication.ts';

/**
 * A draft's or returned item's attachments, changed by its drafter (the catalog's rules), with the item's
 * scan following them: a returned item kept the scan of the round that returned it until resubmitted, so a
 * file uploaded, deleted or retitled after the return was not among the findings its page showed. Each
 * change scans it again (rescanItem, as a pending revision's files do); a draft never scanned is left alone.
 */
export async function addDraftAttachment(deps: AppDeps, actor: Actor, publicationId: number, file: { fileName: string; bytes: Buffer; title?: unknown }): Promise<number> {
  const id = await addAttachment(deps, actor, publicationId, file);
  await rescanItem(deps, publicationId);
  return id;
}

/** Deletes a draft's attachment; returns how many the item has left. */
export async function removeDraftAttachment(deps: AppDeps, actor: Actor, attachmentId: number): Promise<number> {
  const row = await findAttachment(deps.db, attachmentId);
  const left = await removeAttachment(deps, actor, attachmentId);
  if (row) await rescanItem(deps, row.publication_id);
  return left;
}

/** Stores a draft's 附件名称 (setAttachmentTitles); returns how many changed. */
export async function retitleDraftAttachments(deps: AppDeps, actor: Actor, publicationId: number, titles: Map<number, unknown>): Promise<number> {
  const changed = await setAttachmentTitles(deps, actor, publicationId, titles);
  if (changed > 0) await rescanItem(deps, publicationId);
  return changed;
}

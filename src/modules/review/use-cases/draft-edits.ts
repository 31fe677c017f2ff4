import type { AppDeps } from '../../../platform/app-deps.ts';
import { setAttachmentTitles, updatePublication, type Publication } from '../../catalog/index.ts';
import type { Actor } from '../../identity/index.ts';
import { rescanItem } from './scan-publication.ts';

type SaveOptions = Parameters<typeof updatePublication>[5];

/**
 * Saves a draft's or returned item's text (the catalog's updatePublication: its rules, its version check)
 * and the 附件名称 typed with it, then scans it again once (rescanItem). A returned item kept the scan of the
 * round that returned it until resubmitted: its page listed findings in text the drafter had deleted, and none
 * in text newly typed. A draft never scanned is not scanned here (rescanItem leaves it alone).
 */
export async function saveDraft(
  deps: AppDeps, actor: Actor, publicationId: number, raw: unknown, expectedVersion?: number, options?: SaveOptions, titles: Map<number, unknown> = new Map(),
): Promise<Publication> {
  const saved = await updatePublication(deps, actor, publicationId, raw, expectedVersion, options);
  if (titles.size) await setAttachmentTitles(deps, actor, publicationId, titles);
  await rescanItem(deps, publicationId);
  return saved;
}

/**
 * What follows a change the catalog's API made to an item outside review (its metadata saved, a file
 * uploaded): the item's scan, for the catalog cannot call the review area (catalogApi's `afterItemChanged`,
 * wired in src/main). rescanItem decides whether there is a scan to follow.
 */
export const followItemChange = (deps: AppDeps) => (publicationId: number): Promise<void> => rescanItem(deps, publicationId);

import type { Db } from '../../../platform/db/connect.ts';
import { revisionWaitsOn } from '../domain/review-workflow.ts';
import { pendingRevisionsOf } from '../storage/review-inbox.ts';
import type { InboxRow } from './inbox-page.tsx';

/**
 * 待办's rows for the pending revisions (修订) of published items: each waits on the organ's publisher who wrote none of
 * it (`revisionWaitsOn`, as approve_amendment allows) and stands among everything under review. `shows` keeps the
 * rows this person's queue shows (a unit's staff see their unit's items), `rolesOn` gives their roles where the item is,
 * `chainOf` an organ's review chain (read once a page by the caller, which needs it for the queue too).
 */
export async function revisionInboxRows(db: Db, organIds: number[], chainOf: (organId: number) => Promise<{ publisherRole: string }>, person: { userId: number; rolesOn: (organId: number) => ReadonlySet<string> }, shows: (organId: number, submittingUnitId: number | null) => boolean): Promise<InboxRow[]> {
  const rows: InboxRow[] = [];
  for (const r of await pendingRevisionsOf(db, organIds)) {
    if (!shows(r.organ_id, r.submitting_unit_id)) continue;
    const { publisherRole } = await chainOf(r.organ_id);
    rows.push({
      id: r.id, title: r.title, organName: r.organ_name, status: 'published', stageName: '修订待审核', submittedAt: r.proposed_at,
      findingsCount: r.findingsCount, blockingCount: r.blockingCount,
      mine: revisionWaitsOn({ userId: person.userId, roles: person.rolesOn(r.submitting_unit_id ?? r.organ_id) }, { authorIds: r.authorIds, publisherRole }),
      dueOn: null, late: false,
    });
  }
  return rows;
}

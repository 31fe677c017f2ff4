import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps } from '../../../../test/support/factories.ts';
import { parseAuditFilter } from '../domain/audit-filter.ts';
import { appendAuditEvent, auditEventsFor } from './audit-repository.ts';
import { listAuditEntries } from './audit-reading.ts';

/**
 * One target's history (auditEventsFor) read its entries by sequence while the audit list reads them by when they
 * happened (occurred_at, migration 081): an entry appended after another but dated before it (the demo data's
 * history, each step at its own day's clock) came last in the one and first in the other. Both now read by time,
 * ties by sequence: the history oldest first, the list — the same entries — newest first.
 */
describeEachDialect('one target’s audit history in time order', (db) => {
  it('reads a target’s entries by when they happened, ties by sequence: the list’s order, oldest first', async () => {
    const deps = buildDeps(db());
    const append = (occurredAt: string, action: string, entityId = '4710') => deps.db.transaction().execute((trx) => appendAuditEvent(trx, deps.dialect, {
      occurredAt, actorUserId: null, actorLabel: '张三（zhangsan）', action, entityType: 'publication', entityId, organId: 1, before: null, after: null,
    }));
    await append('2026-03-05T02:00:00.000Z', 'publication.update');
    await append('2026-03-01T02:00:00.000Z', 'publication.create'); // appended later, happened first
    await append('2026-03-05T02:00:00.000Z', 'publication.submit'); // the same instant as the update: after it by sequence
    await append('2026-03-02T02:00:00.000Z', 'publication.create', '4711'); // another target

    const history = await auditEventsFor(deps.db, 'publication', '4710');
    expect(history.map((e) => e.action)).toEqual(['publication.create', 'publication.update', 'publication.submit']);

    const parsed = parseAuditFilter({ type: 'publication', target: '4710' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const listed = (await listAuditEntries(deps.db, parsed.filter, { all: true }, 50)).entries;
    expect(listed.map((e) => e.id)).toEqual(history.map((e) => e.id).reverse());
  });
});

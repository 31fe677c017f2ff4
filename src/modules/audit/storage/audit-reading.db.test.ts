import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';
import { parseAuditFilter, type AuditFilterQuery } from '../domain/audit-filter.ts';
import { appendAuditEvent } from './audit-repository.ts';
import { auditTargetNames, findAuditEntry, listAuditEntries, targetKey, type AuditReadScope } from './audit-reading.ts';

describeEachDialect('reading the audit log', (db) => {
  /** A log of its own per test: the entries it appends, read back without the entries written before them. */
  async function log(entries: { at: string; action: string; actor?: string; type?: string; id?: string; organId?: number | null; after?: unknown }[]) {
    const deps = buildDeps(db());
    const start = (await deps.db.selectFrom('audit_events').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst())?.id ?? 0;
    for (const e of entries) {
      await deps.db.transaction().execute((trx) => appendAuditEvent(trx, deps.dialect, {
        occurredAt: e.at, actorUserId: null, actorLabel: e.actor ?? '张三（zhangsan）', action: e.action,
        entityType: e.type ?? 'publication', entityId: e.id ?? '1', organId: e.organId === undefined ? 1 : e.organId, before: null, after: e.after ?? null,
      }));
    }
    const read = async (q: AuditFilterQuery = {}, scope: AuditReadScope = { all: true }, limit = 50) => {
      const parsed = parseAuditFilter(q);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const page = await listAuditEntries(deps.db, parsed.filter, scope, limit);
      const entries = page.entries.filter((e) => e.id > start);
      return { ...page, entries, actions: entries.map((e) => e.action) };
    };
    return { deps, read };
  }

  it('lists newest first and pages back by entry number, the last page saying there is no more', async () => {
    const { read } = await log([1, 2, 3, 4, 5].map((n) => ({ at: `2026-12-0${n}T02:00:00.000Z`, action: `publication.step${n}` })));
    const first = await read({}, { all: true }, 2);
    expect(first.actions).toEqual(['publication.step5', 'publication.step4']);
    expect(first.more).toBe(true);
    const second = await read({ before: String(first.entries[1].id) }, { all: true }, 2);
    expect(second.actions).toEqual(['publication.step3', 'publication.step2']);
    const third = await read({ before: String(second.entries[1].id) }, { all: true }, 2);
    expect(third.actions).toEqual(['publication.step1']);
    expect(third.more).toBe(false);
  });

  it('filters by an action, by a group of actions (an underscore in the group taken literally) and by the actor', async () => {
    const at = '2026-12-01T02:00:00.000Z';
    const { read } = await log([
      { at, action: 'api_token.revoke' }, { at, action: 'apixtoken.revoke' }, { at, action: 'api_token.create', actor: '李四（lisi）' },
      { at, action: 'user.deactivate', actor: '100%（pct）' },
    ]);
    expect((await read({ action: 'api_token.revoke' })).actions).toEqual(['api_token.revoke']);
    expect((await read({ action: 'api_token.*' })).actions).toEqual(['api_token.create', 'api_token.revoke']);
    expect((await read({ actor: 'lisi' })).actions).toEqual(['api_token.create']);
    expect((await read({ actor: '100%' })).actions).toEqual(['user.deactivate']);
  });

  it('filters by the target and by China calendar days, the end day included', async () => {
    const { read } = await log([
      { at: '2026-12-06T15:59:00.000Z', action: 'publication.a', id: '7' }, // 2026-12-06 23:59 in China
      { at: '2026-12-06T16:00:00.000Z', action: 'publication.b', id: '7' }, // 2026-12-07 00:00 in China
      { at: '2026-12-07T15:59:59.000Z', action: 'publication.c', id: '8' }, // 2026-12-07 23:59 in China
      { at: '2026-12-07T16:00:00.000Z', action: 'publication.d', id: '7', type: 'user' },
    ]);
    expect((await read({ from: '2026-12-07', to: '2026-12-07' })).actions).toEqual(['publication.c', 'publication.b']);
    expect((await read({ to: '2026-12-06' })).actions).toEqual(['publication.a']);
    expect((await read({ type: 'publication', target: '7' })).actions).toEqual(['publication.b', 'publication.a']);
    expect((await read({ type: 'user' })).actions).toEqual(['publication.d']);
  });

  it('shows an organ’s reader only the entries recorded against their organs, and no entry of no organ', async () => {
    const at = '2026-12-01T02:00:00.000Z';
    const { deps, read } = await log([
      { at, action: 'publication.ours', organId: 41 }, { at, action: 'publication.theirs', organId: 42 }, { at, action: 'user.deactivate', organId: null },
    ]);
    expect((await read({}, { all: false, organIds: [41] })).actions).toEqual(['publication.ours']);
    expect((await read({}, { all: false, organIds: [] })).actions).toEqual([]);
    expect((await read({}, { all: true })).actions).toEqual(['user.deactivate', 'publication.theirs', 'publication.ours']);
    const theirs = (await read()).entries.find((e) => e.action === 'publication.theirs')!;
    expect(await findAuditEntry(deps.db, theirs.id, { all: false, organIds: [41] })).toBeNull();
    expect((await findAuditEntry(deps.db, theirs.id, { all: false, organIds: [42] }))?.action).toBe('publication.theirs');
  });

  it('names the page’s targets as they are called now, one query a kind; a target since deleted not at all', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const item = await createPublished(deps, organ.id, [await createNode(deps, organ.id)]);
    const staff = await createStaff(deps, organ.code, 'editor');
    const entry = (type: string, id: string) => ({ id: 1, occurredAt: '', actorUserId: null, actorLabel: '', action: 'x', entityType: type, entityId: id, organId: null, before: null, after: null, prevHash: '', hash: '' });
    const names = await auditTargetNames(deps.db, [entry('publication', String(item.id)), entry('publication', String(item.id)), entry('user', String(staff.id)), entry('publication', '999999999'), entry('audit', 'chain')]);
    expect(names.get(targetKey('publication', String(item.id)))).toBe(item.title);
    expect(names.get(targetKey('user', String(staff.id)))).toMatch(new RegExp(`^张某\\d+（${staff.username}）$`));
    expect(names.has(targetKey('publication', '999999999'))).toBe(false);
    expect(names.size).toBe(2);
  });

  it('lists by when each entry happened, newest first, ties by sequence — backdated entries below later ones — and pages by that order', async () => {
    // The demo data writes today's entry first, then its history backdated (each step at its own day's clock):
    // by sequence, 2025-06-01 and 2025-06-02 stood above 2025-06-09. Days of their own, kept apart by the filter.
    const { read } = await log([
      { at: '2025-06-09T02:00:00.000Z', action: 'demo.today_first' },
      { at: '2025-06-01T02:00:00.000Z', action: 'demo.back_1' },
      { at: '2025-06-02T02:00:00.000Z', action: 'demo.back_2' },
      { at: '2025-06-09T02:00:00.000Z', action: 'demo.today_second' },
    ]);
    const days = { from: '2025-06-01', to: '2025-06-09' };
    expect((await read(days)).actions).toEqual(['demo.today_second', 'demo.today_first', 'demo.back_2', 'demo.back_1']);
    // One a page: a tie crosses the page's end, and no entry is skipped or shown twice.
    const seen: string[] = [];
    let page = await read(days, { all: true }, 1);
    for (;;) {
      seen.push(...page.actions);
      if (!page.more) break;
      page = await read({ ...days, before: String(page.entries[0].id) }, { all: true }, 1);
    }
    expect(seen).toEqual(['demo.today_second', 'demo.today_first', 'demo.back_2', 'demo.back_1']);
  });

  it('refuses a page position that is no entry the reader may see, instead of guessing where it was', async () => {
    const { deps, read } = await log([{ at: '2025-07-01T02:00:00.000Z', action: 'publication.theirs', organId: 42 }]);
    const theirs = (await read()).entries.find((e) => e.action === 'publication.theirs')!;
    const filter = (before: string) => { const p = parseAuditFilter({ before }); if (!p.ok) throw new Error('bad'); return p.filter; };
    expect(await listAuditEntries(deps.db, filter('999999999'), { all: true }, 50)).toEqual({ entries: [], more: false, lostPosition: true });
    expect(await listAuditEntries(deps.db, filter(String(theirs.id)), { all: false, organIds: [41] }, 50)).toEqual({ entries: [], more: false, lostPosition: true });
    expect((await listAuditEntries(deps.db, filter(String(theirs.id)), { all: false, organIds: [42] }, 50)).lostPosition).toBe(false);
  });
});

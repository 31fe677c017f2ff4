import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished, createStaff, TEST_AUDIT_KEY } from '../../../../test/support/factories.ts';
import { useAuditKey } from '../storage/audit-key.ts';
import { loadAuditChain } from '../storage/audit-repository.ts';
import { auditKeyFitsLog, recordLostAuditKey } from './lost-audit-key.ts';
import { verifyAuditLog } from './verify-audit-log.ts';

// ADR 0032: the audit key is kept apart from the backups; this is what happens when it is lost for good.
describeEachDialect('a lost audit key', (db) => {
  async function world() {
    const deps = buildDeps(db());
    await deps.db.deleteFrom('audit_events').execute();
    await deps.db.deleteFrom('audit_head').execute();
    const organ = await createOrgan(deps);
    await createStaff(deps, organ.code, 'editor');
    await createPublished(deps, organ.id, [await createNode(deps, organ.id)]);
    const before = await loadAuditChain(deps.db);
    expect(await auditKeyFitsLog(deps.db)).toBe(true);
    return { deps, organ, before };
  }
  const otherKey = () => Buffer.from('a-new-key-because-the-old-one-is-gone-0123456789');

  it('with another key the log fails everywhere; recorded lost, it goes on under the new key and says what it cannot check', async () => {
    const { deps, organ, before } = await world();
    useAuditKey(otherKey(), deps.dataDir);
    expect(await auditKeyFitsLog(deps.db)).toBe(false);
    const failed = await verifyAuditLog(deps.db);
    expect(failed.breaks.filter((b) => b.problem.includes('内容与其哈希不符'))).toHaveLength(before.length);

    const recorded = await recordLostAuditKey(deps.db, deps.dialect, '2026-12-07T08:00:00.000Z', '测试');
    expect(recorded).toEqual({ entries: before.length, lastId: before[before.length - 1].id, lastHash: before[before.length - 1].hash });
    expect(await auditKeyFitsLog(deps.db)).toBe(true);
    await createStaff(deps, organ.code, 'disclosure_office');
    const r = await verifyAuditLog(deps.db);
    expect(r.breaks).toEqual([]);
    expect(r.keyLost).toMatchObject({ entries: before.length, lastId: before[before.length - 1].id, at: '2026-12-07T08:00:00.000Z' });
    expect(r.entries).toBe(before.length + 2);

    // Recording it again with the key that now fits is refused: that key is not lost.
    await expect(recordLostAuditKey(deps.db, deps.dialect, '2026-12-07T09:00:00.000Z', '测试')).rejects.toMatchObject({ code: 'ERR_AUDIT_KEY_NOT_LOST' });
    useAuditKey(TEST_AUDIT_KEY, deps.dataDir);
  });

  it('still finds entries from before the loss deleted, and everything after it checked with the new key', async () => {
    const { deps, organ, before } = await world();
    useAuditKey(otherKey(), deps.dataDir);
    await recordLostAuditKey(deps.db, deps.dialect, '2026-12-07T08:00:00.000Z', '测试');
    await createStaff(deps, organ.code, 'disclosure_office');
    const chain = await loadAuditChain(deps.db);

    // An entry written after the loss, changed: its hash no longer matches the new key.
    const lastOne = chain[chain.length - 1];
    await deps.db.updateTable('audit_events').set({ actor_label: '改写' }).where('id', '=', lastOne.id).execute();
    expect((await verifyAuditLog(deps.db)).breaks.map((b) => b.problem).join('\n')).toContain(`第 ${lastOne.id} 条记录的内容与其哈希不符`);
    await deps.db.updateTable('audit_events').set({ actor_label: lastOne.actorLabel }).where('id', '=', lastOne.id).execute();

    // The first entry from before, deleted and the next one's link mended: the number recorded at the loss no longer matches.
    await deps.db.deleteFrom('audit_events').where('id', '=', before[0].id).execute();
    await deps.db.updateTable('audit_events').set({ prev_hash: before[0].prevHash }).where('id', '=', before[1].id).execute();
    expect((await verifyAuditLog(deps.db)).breaks.map((b) => b.problem).join('\n')).toContain(`密钥丢失前的审计日志应有 ${before.length} 条`);
    useAuditKey(TEST_AUDIT_KEY, deps.dataDir);
  });
});

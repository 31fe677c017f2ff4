import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';
import { auditHash, GENESIS_HASH } from '../domain/audit-hash.ts';
import { loadOrCreateAuditKey } from '../storage/audit-key.ts';
import { keyAuditChain, loadAuditChain, loadAuditHead } from '../storage/audit-repository.ts';
import { verifyAuditLog } from './verify-audit-log.ts';

// Issue 10: with database write access, a short script rewrote the audit log and `audit verify` passed.
describeEachDialect('the audit chain against someone who can write the database', (db) => {
  async function world() {
    const deps = buildDeps(db());
    // Each test starts from an empty log, as a fresh installation would.
    await deps.db.deleteFrom('audit_events').execute();
    await deps.db.deleteFrom('audit_head').execute();
    await deps.db.deleteFrom('audit_chain').execute();
    await deps.db.insertInto('audit_chain').values({ id: 1, scheme: 'hmac-sha256', rekeyed_at: null }).execute();
    const organ = await createOrgan(deps);
    await createStaff(deps, organ.code, 'editor');
    await createPublished(deps, organ.id, [await createNode(deps, organ.id)]);
    expect((await verifyAuditLog(deps.db)).breaks).toEqual([]);
    return deps;
  }
  const problems = async (deps: ReturnType<typeof buildDeps>, expectHeads?: string[]) =>
    (await verifyAuditLog(deps.db, { expectHeads })).breaks.map((b) => b.problem).join('\n');

  /** What an attacker's script does: recompute every hash from `fromId` on with plain SHA-256 and fix the head. */
  async function recomputeWithSha256(deps: ReturnType<typeof buildDeps>) {
    let prev = GENESIS_HASH;
    const chain = await loadAuditChain(deps.db);
    for (const e of chain) {
      const hash = auditHash(prev, e, null);
      await deps.db.updateTable('audit_events').set({ prev_hash: prev, hash }).where('id', '=', e.id).execute();
      prev = hash;
    }
    const last = chain[chain.length - 1];
    await deps.db.updateTable('audit_head').set({ last_id: last.id, last_hash: prev, entries: chain.length }).execute();
  }

  it('detects the last entry deleted and the head moved back to match', async () => {
    const deps = await world();
    const chain = await loadAuditChain(deps.db);
    const [last, previous] = [chain[chain.length - 1], chain[chain.length - 2]];
    await deps.db.deleteFrom('audit_events').where('id', '=', last.id).execute();
    await deps.db.updateTable('audit_head').set({ last_id: previous.id, last_hash: previous.hash, entries: chain.length - 1 }).execute();
    expect(await problems(deps)).toContain('链头记录的密钥签名不符');
  });

  it('detects every entry and the head deleted', async () => {
    const deps = await world();
    await deps.db.deleteFrom('audit_events').execute();
    await deps.db.deleteFrom('audit_head').execute();
    await deps.db.deleteFrom('audit_chain').execute();
    expect(await problems(deps)).toContain('审计日志为空，但数据库中已有用户等数据');
  });

  it('detects an entry forged and the whole chain recomputed with plain SHA-256', async () => {
    const deps = await world();
    const chain = await loadAuditChain(deps.db);
    await deps.db.updateTable('audit_events').set({ actor_label: '另一个人' }).where('id', '=', chain[1].id).execute();
    await recomputeWithSha256(deps);
    expect(await problems(deps)).toMatch(/第 \d+ 条记录的内容与其哈希不符/);
    // Deleting the marker of how the chain is hashed does not help: without it the key is required.
    await deps.db.deleteFrom('audit_chain').execute();
    expect(await problems(deps)).toMatch(/第 \d+ 条记录的内容与其哈希不符/);
  });

  it('never re-keys a rewritten chain that claims to predate the key, once the data directory records a keyed chain', async () => {
    const deps = await world();
    await keyAuditChain(deps.db, deps.dialect, '2026-03-10T02:00:00.000Z'); // start-up: records the marker
    const chain = await loadAuditChain(deps.db);
    await deps.db.updateTable('audit_events').set({ actor_label: '另一个人' }).where('id', '=', chain[1].id).execute();
    await recomputeWithSha256(deps);
    await deps.db.updateTable('audit_chain').set({ scheme: 'sha256' }).execute();
    expect(await problems(deps)).toMatch(/第 \d+ 条记录的内容与其哈希不符/);
    await createOrgan(deps); // the next change must not launder it
    expect(await keyAuditChain(deps.db, deps.dialect, '2026-03-10T02:00:00.000Z')).toBe(false);
    expect(await problems(deps)).toMatch(/第 \d+ 条记录的内容与其哈希不符/);
    expect((await loadAuditChain(deps.db)).some((e) => e.action === 'audit.rekey')).toBe(false);
  });

  it('checks head hashes recorded elsewhere: a head printed earlier must still be in the chain', async () => {
    const deps = await world();
    const printed = (await verifyAuditLog(deps.db)).head!.hash;
    const organ = await createOrgan(deps);
    expect(await problems(deps, [printed])).toBe('');
    expect(organ.id).toBeGreaterThan(0);
    // Deleting everything and replaying a new history cannot bring the printed head back.
    await deps.db.deleteFrom('audit_events').execute();
    await deps.db.deleteFrom('audit_head').execute();
    await createOrgan(deps);
    expect(await problems(deps, [printed])).toContain(`另行记录的链头哈希 ${printed} 不在当前审计日志中`);
  });

  it('keeps a chain written before the key verifying: it is re-keyed once, its old head stays checkable', async () => {
    const deps = await world();
    // The chain as an older release wrote it: plain SHA-256, no sealed head, not yet re-keyed.
    await recomputeWithSha256(deps);
    await deps.db.updateTable('audit_head').set({ mac: null }).execute();
    await deps.db.updateTable('audit_chain').set({ scheme: 'sha256' }).execute();
    const legacyHead = (await loadAuditHead(deps.db))!.last_hash;
    expect(await verifyAuditLog(deps.db, { expectHeads: [legacyHead] })).toMatchObject({ breaks: [], scheme: 'sha256' });
    expect(await keyAuditChain(deps.db, deps.dialect, '2026-03-10T02:00:00.000Z')).toBe(true);
    expect(await keyAuditChain(deps.db, deps.dialect, '2026-03-10T02:00:00.000Z')).toBe(false);
    const after = await verifyAuditLog(deps.db, { expectHeads: [legacyHead] });
    expect(after).toMatchObject({ breaks: [], scheme: 'hmac-sha256' });
    const marker = (await loadAuditChain(deps.db)).find((e) => e.action === 'audit.rekey')!;
    expect(marker.after).toMatchObject({ legacyHeadHash: legacyHead, legacyBreaks: [] });
  });

  it('keeps breaks of the old chain visible after re-keying', async () => {
    const deps = await world();
    await recomputeWithSha256(deps);
    await deps.db.updateTable('audit_chain').set({ scheme: 'sha256' }).execute();
    const chain = await loadAuditChain(deps.db);
    await deps.db.updateTable('audit_events').set({ action: 'publication.delete' }).where('id', '=', chain[2].id).execute();
    await createOrgan(deps); // the next change re-keys the chain first
    expect(await problems(deps)).toContain(`启用密钥前的旧链已断裂（见第`);
  });
});

it('creates the key file once, readable by its owner only, and reuses it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-key-'));
  try {
    const first = loadOrCreateAuditKey(dir, null);
    expect(first.created).toBe(true);
    expect(fs.statSync(path.join(dir, 'audit.key')).mode & 0o777).toBe(0o600);
    const again = loadOrCreateAuditKey(dir, null);
    expect(again).toMatchObject({ created: false });
    expect(again.key.equals(first.key)).toBe(true);
    expect(loadOrCreateAuditKey(dir, 'x'.repeat(40)).source).toBe('GONGKAI_AUDIT_KEY');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

import { createHash, createHmac } from 'node:crypto';

export type AuditRecord = {
  occurredAt: string;
  actorUserId: number | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  organId: number | null;
  before: unknown;
  after: unknown;
};

export const GENESIS_HASH = '0'.repeat(64);

/** How entries are hashed: plain SHA-256 (before issue 10), or HMAC-SHA-256 with a key kept outside the database. */
export type HashScheme = 'sha256' | 'hmac-sha256';

/**
 * Each entry's hash covers the previous hash and every field, so editing or deleting any entry breaks
 * the chain. With a key (HMAC) nobody without the key can recompute the chain after a change.
 * `key` null = the plain SHA-256 of chains written before the key.
 */
export function auditHash(prevHash: string, r: AuditRecord, key: Uint8Array | null): string {
  const canonical = JSON.stringify([
    prevHash, r.occurredAt, r.actorUserId, r.actorLabel, r.action, r.entityType, r.entityId, r.organId,
    r.before === undefined ? null : r.before, r.after === undefined ? null : r.after,
  ]);
  return (key ? createHmac('sha256', key) : createHash('sha256')).update(canonical).digest('hex');
}

export type AuditHead = { last_id: number; last_hash: string; entries: number; mac: string | null };

/** The keyed seal of the head, so the head cannot be moved back after entries are deleted from the end. */
export function headMac(head: Pick<AuditHead, 'last_id' | 'last_hash' | 'entries'>, key: Uint8Array): string {
  return createHmac('sha256', key).update(JSON.stringify(['audit-head', head.last_id, head.last_hash, head.entries])).digest('hex');
}

export type ChainBreak = { id: number; problem: string };

export type VerifyOptions = {
  /** The key for a keyed chain; null verifies a chain not yet keyed (plain SHA-256). */
  key: Uint8Array | null;
  /** Head hashes recorded elsewhere earlier (printed by `audit verify`, the daily log line): each must still be in the chain. */
  expectHeads?: string[];
  /** The database holds data whose creation was audited (users): an empty chain then means it was deleted. */
  expectEntries?: boolean;
};

/**
 * Walks the chain in id order and reports every entry whose links or contents do not match, a head
 * that does not match or is not sealed with the key, recorded heads that are no longer in the chain,
 * and breaks found in the old chain when it was re-keyed (kept in its `audit.rekey` entry).
 */
export function verifyChain(
  entries: ({ id: number; prevHash: string; hash: string } & AuditRecord)[],
  head: AuditHead | null | undefined,
  opts: VerifyOptions,
): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  let expectedPrev = GENESIS_HASH;
  // Entries written under a key since recorded lost (ADR 0032) can no longer be checked: only their
  // links, and their number and last hash against what the keyed `audit.key_lost` entry recorded.
  const lost = keyLostIn(entries);
  if (lost) {
    const before = entries.slice(0, lost.index);
    const last = before[before.length - 1];
    if (before.length !== lost.recorded.entries || (last?.hash ?? GENESIS_HASH) !== lost.recorded.lastHash) {
      breaks.push({ id: lost.entry.id, problem: `密钥丢失前的审计日志应有 ${lost.recorded.entries} 条，实有 ${before.length} 条或末条不符（第 ${lost.entry.id} 条记录所记载的已被删除或改动）` });
    }
  }
  for (const [i, e] of entries.entries()) {
    if (e.prevHash !== expectedPrev) breaks.push({ id: e.id, problem: `第 ${e.id} 条记录的前序哈希与上一条不符（记录被删除或插入）` });
    if ((!lost || i >= lost.index) && auditHash(e.prevHash, e, opts.key) !== e.hash) breaks.push({ id: e.id, problem: `第 ${e.id} 条记录的内容与其哈希不符（记录被改动或哈希被重新计算）` });
    expectedPrev = e.hash;
    if (e.action === 'audit.rekey') {
      const legacy = (e.after as { legacyBreaks?: ChainBreak[] } | null)?.legacyBreaks ?? [];
      for (const b of legacy) breaks.push({ id: b.id, problem: `启用密钥前的旧链已断裂（见第 ${e.id} 条记录）：${b.problem}` });
    }
  }
  const lastEntry = entries[entries.length - 1];
  if (head !== undefined) {
    if (head === null && entries.length > 0) breaks.push({ id: lastEntry.id, problem: '缺少审计日志链头记录（链头被删除）' });
    if (head && (head.entries !== entries.length || !lastEntry || head.last_hash !== lastEntry.hash)) {
      breaks.push({ id: head.last_id, problem: `审计日志应有 ${head.entries} 条、末条为第 ${head.last_id} 条，实有 ${entries.length} 条（末尾记录被删除或链头被改动）` });
    }
    if (head && opts.key && head.mac !== headMac(head, opts.key)) {
      breaks.push({ id: head.last_id, problem: '链头记录的密钥签名不符（链头被改动）' });
    }
  }
  if (opts.expectEntries && entries.length === 0) breaks.push({ id: 0, problem: '审计日志为空，但数据库中已有用户等数据（记录被全部删除）' });
  // A head printed before the chain was keyed is kept in the re-key entry.
  const hashes = new Set(entries.flatMap((e) => [e.hash, ...(e.action === 'audit.rekey' ? [(e.after as { legacyHeadHash?: string } | null)?.legacyHeadHash ?? ''] : [])]));
  for (const h of opts.expectHeads ?? []) {
    if (!hashes.has(h.toLowerCase())) breaks.push({ id: 0, problem: `另行记录的链头哈希 ${h} 不在当前审计日志中（日志被删除或改写）` });
  }
  return breaks;
}

/** What an `audit.key_lost` entry records: the chain as it stood when the old key was declared lost. */
export type KeyLostRecord = { entries: number; lastId: number | null; lastHash: string };

export const KEY_LOST_ACTION = 'audit.key_lost';

/** The last `audit.key_lost` entry, its place and what it recorded; null when the key was never lost. */
export function keyLostIn<E extends { id: number; action: string; after: unknown; occurredAt: string }>(entries: E[]): { index: number; entry: E; recorded: KeyLostRecord } | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].action !== KEY_LOST_ACTION) continue;
    const a = (entries[i].after ?? {}) as Partial<KeyLostRecord>;
    return { index: i, entry: entries[i], recorded: { entries: Number(a.entries ?? -1), lastId: a.lastId ?? null, lastHash: String(a.lastHash ?? '') } };
  }
  return null;
}

import { createHash } from 'node:crypto';

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

/** Each entry's hash covers the previous hash and every field, so editing or deleting any entry breaks the chain. */
export function auditHash(prevHash: string, r: AuditRecord): string {
  const canonical = JSON.stringify([
    prevHash, r.occurredAt, r.actorUserId, r.actorLabel, r.action, r.entityType, r.entityId, r.organId,
    r.before === undefined ? null : r.before, r.after === undefined ? null : r.after,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type ChainBreak = { id: number; problem: string };

/**
 * Walks the chain in id order and reports every entry whose links or contents do not match, and —
 * given the recorded head — entries missing from the end.
 */
export function verifyChain(
  entries: ({ id: number; prevHash: string; hash: string } & AuditRecord)[],
  head?: { last_id: number; last_hash: string; entries: number } | null,
): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  let expectedPrev = GENESIS_HASH;
  for (const e of entries) {
    if (e.prevHash !== expectedPrev) breaks.push({ id: e.id, problem: `第 ${e.id} 条记录的前序哈希与上一条不符（记录被删除或插入）` });
    if (auditHash(e.prevHash, e) !== e.hash) breaks.push({ id: e.id, problem: `第 ${e.id} 条记录的内容与其哈希不符（记录被改动）` });
    expectedPrev = e.hash;
  }
  if (head !== undefined) {
    const lastEntry = entries[entries.length - 1];
    if (head === null && entries.length > 0) breaks.push({ id: lastEntry.id, problem: '缺少审计日志链头记录（链头被删除）' });
    if (head && (head.entries !== entries.length || !lastEntry || head.last_hash !== lastEntry.hash)) {
      breaks.push({ id: head.last_id, problem: `审计日志应有 ${head.entries} 条、末条为第 ${head.last_id} 条，实有 ${entries.length} 条（末尾记录被删除或链头被改动）` });
    }
  }
  return breaks;
}

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

/** Walks the chain in id order and reports every entry whose links or contents do not match. */
export function verifyChain(entries: ({ id: number; prevHash: string; hash: string } & AuditRecord)[]): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  let expectedPrev = GENESIS_HASH;
  for (const e of entries) {
    if (e.prevHash !== expectedPrev) breaks.push({ id: e.id, problem: `第 ${e.id} 条记录的前序哈希与上一条不符（记录被删除或插入）` });
    if (auditHash(e.prevHash, e) !== e.hash) breaks.push({ id: e.id, problem: `第 ${e.id} 条记录的内容与其哈希不符（记录被改动）` });
    expectedPrev = e.hash;
  }
  return breaks;
}

import type { Logger } from 'pino';
import type { Db } from '../../../platform/db/connect.ts';
import { keyLostIn, verifyChain, type ChainBreak, type HashScheme } from '../domain/audit-hash.ts';
import { auditKey, chainKeyedMarker } from '../storage/audit-key.ts';
import { hasAuditedData, loadAuditChain, loadAuditHead, loadAuditScheme } from '../storage/audit-repository.ts';

export type AuditVerification = {
  breaks: ChainBreak[];
  entries: number;
  scheme: HashScheme;
  head: { lastId: number; hash: string; entries: number } | null;
  /**
   * When an earlier key was recorded lost (`audit new-key --old-key-lost`, ADR 0032): the entries
   * written under it, which can no longer be checked beyond their links and number, and the entry
   * that recorded the loss.
   */
  keyLost: { entries: number; lastId: number | null; recordedIn: number; at: string } | null;
};

/**
 * Checks the whole audit log with the key (docs/security.md): every link and entry, the sealed head,
 * and head hashes recorded elsewhere earlier (`expectHeads`), which must still be in the chain.
 */
export async function verifyAuditLog(db: Db, opts: { expectHeads?: string[] } = {}): Promise<AuditVerification> {
  // A database not yet migrated to keyed chains is verified as before (plain SHA-256).
  const stored: HashScheme = await loadAuditScheme(db).catch(() => 'sha256' as const);
  // Once the data directory records a keyed chain, the key is required whatever the database claims.
  const scheme: HashScheme = chainKeyedMarker().present ? 'hmac-sha256' : stored;
  const entries = await loadAuditChain(db);
  const head = await loadAuditHead(db);
  const breaks = verifyChain(entries, head, {
    key: scheme === 'hmac-sha256' ? auditKey() : null,
    expectHeads: opts.expectHeads,
    expectEntries: await hasAuditedData(db),
  });
  const lost = keyLostIn(entries);
  return {
    breaks, entries: entries.length, scheme, head: head ? { lastId: head.last_id, hash: head.last_hash, entries: head.entries } : null,
    keyLost: lost ? { entries: lost.recorded.entries, lastId: lost.recorded.lastId, recordedIn: lost.entry.id, at: lost.entry.occurredAt } : null,
  };
}

/** Writes the head to the log (daily, and at start-up), so a copy of it exists outside the database. */
export async function logAuditHead(db: Db, logger: Logger, at: Date): Promise<void> {
  const head = await loadAuditHead(db);
  if (!head) return;
  logger.info({ auditHead: { lastId: head.last_id, hash: head.last_hash, entries: head.entries, at: at.toISOString() } },
    `审计日志链头（请另行留存，核对时用 audit verify --expect-head ${head.last_hash}）`);
}

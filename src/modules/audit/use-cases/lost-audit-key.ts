import type { Db } from '../../../platform/db/connect.ts';
import type { DialectName } from '../../../platform/db/dialect.ts';
import { headMac, type KeyLostRecord } from '../domain/audit-hash.ts';
import { auditKey } from '../storage/audit-key.ts';
import { loadAuditHead } from '../storage/audit-repository.ts';
import { appendKeyLostEntry } from '../storage/lost-key-repository.ts';

/**
 * Whether the key in use is the one the log was sealed with: the head's seal (HMAC of the head with
 * the key) recomputes. null when there is no sealed head yet (an empty log, or one not yet keyed).
 * A false answer means the key is another one — or the head was altered; `audit verify` tells which.
 */
export async function auditKeyFitsLog(db: Db): Promise<boolean | null> {
  const head = await loadAuditHead(db).catch(() => null);
  if (!head?.mac) return null;
  return head.mac === headMac(head, auditKey());
}

/**
 * Records that the key the log was written with is lost, so the log goes on under the key now in use
 * (ADR 0032). The entries written before cannot be checked any more; the `audit.key_lost` entry,
 * keyed with the new key, records how many there were and the last one's hash, so `audit verify`
 * still finds any later deletion of them, checks everything after with the new key, and says plainly
 * which entries it could not check. Refused (ERR_AUDIT_KEY_NOT_LOST) when the key in use still fits the log.
 */
export async function recordLostAuditKey(db: Db, dialect: DialectName, at: string, note: string): Promise<KeyLostRecord> {
  return appendKeyLostEntry(db, dialect, at, note);
}

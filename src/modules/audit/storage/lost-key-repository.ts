import { sql } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import type { DialectName } from '../../../platform/db/dialect.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { GENESIS_HASH, headMac, KEY_LOST_ACTION, type KeyLostRecord } from '../domain/audit-hash.ts';
import { auditKey } from './audit-key.ts';
import { appendAuditEvent, loadAuditHead } from './audit-repository.ts';

/**
 * Appends the `audit.key_lost` entry under the key in use, recording the chain as it stands (its
 * number of entries and the last one's hash), in one transaction with the chain's writers held off.
 * Refused when the key in use still fits the sealed head: that key is not lost.
 */
export async function appendKeyLostEntry(db: Db, dialect: DialectName, at: string, note: string): Promise<KeyLostRecord> {
  return db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(73010001)`.execute(trx);
    const head = await loadAuditHead(trx);
    if (head?.mac && head.mac === headMac(head, auditKey())) {
      throw new DomainError('ERR_AUDIT_KEY_NOT_LOST', '当前的审计日志密钥与审计日志相符，并未丢失，不做记录；请先运行 audit verify 核对', { httpStatus: 409 });
    }
    const last = await trx.selectFrom('audit_events').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    const count = await trx.selectFrom('audit_events').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    const recorded: KeyLostRecord = { entries: Number(count.n), lastId: last?.id ?? null, lastHash: last?.hash ?? GENESIS_HASH };
    await appendAuditEvent(trx, dialect, {
      occurredAt: at, actorUserId: null, actorLabel: '命令行：审计日志密钥丢失', action: KEY_LOST_ACTION, entityType: 'audit', entityId: 'chain', organId: null,
      before: null, after: { ...recorded, note },
    });
    return recorded;
  });
}

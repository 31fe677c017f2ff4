export { appendAuditEvent, loadAuditChain, loadAuditHead, auditEventsFor } from './storage/audit-repository.ts';
export { verifyChain, auditHash, GENESIS_HASH, type AuditRecord, type ChainBreak } from './domain/audit-hash.ts';

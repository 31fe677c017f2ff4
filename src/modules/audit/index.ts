export { appendAuditEvent, loadAuditChain, loadAuditHead, auditEventsFor, keyAuditChain } from './storage/audit-repository.ts';
export { verifyChain, auditHash, headMac, GENESIS_HASH, type AuditRecord, type ChainBreak, type HashScheme } from './domain/audit-hash.ts';
export { useAuditKey, auditKey, instanceKey, loadOrCreateAuditKey, AUDIT_KEY_FILE, AUDIT_KEYED_MARKER, makeReplacementAuditKeyFile } from './storage/audit-key.ts';
export { verifyAuditLog, logAuditHead, type AuditVerification } from './use-cases/verify-audit-log.ts';
export { auditKeyFitsLog, recordLostAuditKey } from './use-cases/lost-audit-key.ts';
export { auditRoutes, type AuditReader } from './web/audit-routes.tsx';

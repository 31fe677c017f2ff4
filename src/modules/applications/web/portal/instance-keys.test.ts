import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useAuditKey } from '../../../audit/index.ts';
import { formGuard } from './form-guard.ts';
import { statusSessions } from './status-session.ts';

/**
 * Several instances behind nginx (docs/deployment.md) take turns: a form served by one is posted to
 * another, a status page sealed by one is opened through another. Each process builds its own guard
 * and sessions, as each instance does; they must agree because they share the audit key.
 */
describe('what one instance signs, another instance accepts', () => {
  const at = new Date('2026-03-10T02:00:00Z');
  const later = new Date(at.getTime() + 60_000);

  it('a public form token', () => {
    useAuditKey(randomBytes(32));
    const [one, other] = [formGuard({ minFillSeconds: 5 }), formGuard({ minFillSeconds: 5 })];
    expect(() => other.check({ formToken: one.issue(at) }, later)).not.toThrow();
  });

  it('a status page cookie', () => {
    useAuditKey(randomBytes(32));
    const [one, other] = [statusSessions(), statusSessions()];
    const { id, sealed } = one.open({ trackingNo: 'YSQ-2026-000001', queryCode: 'ABCD2345' }, at);
    expect(other.read(id, sealed, later)).toEqual({ trackingNo: 'YSQ-2026-000001', queryCode: 'ABCD2345' });
  });

  it('but not under another installation\'s key', () => {
    useAuditKey(randomBytes(32));
    const token = formGuard({ minFillSeconds: 5 }).issue(at);
    useAuditKey(randomBytes(32));
    expect(() => formGuard({ minFillSeconds: 5 }).check({ formToken: token }, later)).toThrow(expect.objectContaining({ code: 'ERR_APPLICATION_FORM_EXPIRED' }));
  });
});

import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff, TEST_AUDIT_KEY } from '../../../../test/support/factories.ts';
import { useAuditKey } from '../storage/audit-key.ts';
import { recordLostAuditKey } from '../use-cases/lost-audit-key.ts';
import { loadAuditHead } from '../storage/audit-repository.ts';

describeEachDialect('the audit head in the back office', (db) => {
  it('shows the system administrator the current head to record elsewhere, and checks the chain on demand', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const sysadmin = await createStaff(deps, organ.code, 'system_admin');
    const { cookies } = await loginAs(app, sysadmin.username, sysadmin.password);
    const page = await app.inject({ url: '/admin/audit', cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<code id="audit-head-hash">${(await loadAuditHead(deps.db))!.last_hash}</code>`);
    const checked = await app.inject({ url: '/admin/audit?verify=1', cookies });
    expect(checked.body).toContain('校验通过');
    await app.close();
  });

  it('says which entries a lost key left unchecked (ADR 0032)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const sysadmin = await createStaff(deps, organ.code, 'system_admin');
    try {
      useAuditKey(Buffer.from('the-new-key-after-the-old-one-was-lost-0123456789'), deps.dataDir);
      await recordLostAuditKey(deps.db, deps.dialect, '2026-12-07T08:00:00.000Z', '测试');
      const { cookies } = await loginAs(app, sysadmin.username, sysadmin.password);
      const checked = await app.inject({ url: '/admin/audit?verify=1', cookies });
      expect(checked.body).toContain('校验通过');
      expect(checked.body).toMatch(/原审计日志密钥已于 2026-12-07T08:00:00.000Z 记录为丢失（第 \d+ 条记录）；此前的 \d+ 条记录无法再校验其内容/);
    } finally {
      useAuditKey(TEST_AUDIT_KEY, deps.dataDir);
      await app.close();
    }
  });

  it('is the system administrator’s only', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const admin = await createStaff(deps, organ.code, 'organ_admin');
    const { cookies } = await loginAs(app, admin.username, admin.password);
    expect((await app.inject({ url: '/admin/audit', cookies })).statusCode).toBe(403);
    await app.close();
  });
});

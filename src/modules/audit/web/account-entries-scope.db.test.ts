import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createActor, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { resetPassword, setUserActive, setUserRole } from '../../identity/index.ts';
import { resetUserTwoStep } from '../../identity/use-cases/manage-user.ts';
import { appendAuditEvent, auditEventsFor } from '../storage/audit-repository.ts';

/**
 * An organ's administrator saw a staff member's creation in /admin/audit but not the account's 停用,
 * 重新启用, 重置两步验证 or role changes: those entries recorded no organ (an outside tester). Every
 * entry that changes an account now records the account's organ, and an entry written before — whose
 * organ the hash chain forbids filling in — is read through the account it is about.
 */
describeEachDialect('an organ’s readers see the changes to its staff accounts', (db) => {
  it('records the account’s organ on every change, reads older entries through the account, and keeps other organs’ accounts out', async () => {
    const { app, deps } = await buildTestApp(db());
    const ours = await createOrgan(deps);
    const theirs = await createOrgan(deps);
    const sysadmin = await createActor(deps, ours.code, 'system_admin');
    const admin = await createStaff(deps, ours.code, 'organ_admin');
    const staff = await createStaff(deps, ours.code, 'editor');
    const outsider = await createStaff(deps, theirs.code, 'editor');

    // An entry as written before this change: no organ. Its hash covers the organ, so it stays as it is.
    await deps.db.transaction().execute((trx) => appendAuditEvent(trx, deps.dialect, {
      occurredAt: '2026-03-01T02:00:00.000Z', actorUserId: null, actorLabel: '系统：命令行', action: 'user.reset_password', entityType: 'user',
      entityId: String(staff.id), organId: null, before: null, after: { username: staff.username },
    }));
    await setUserActive(deps, sysadmin.actor, staff.id, false);
    await setUserActive(deps, sysadmin.actor, staff.id, true);
    await deps.db.updateTable('users').set({ totp_secret: 'v1:lost:phone', totp_enabled_at: '2026-03-10T02:00:00.000Z', totp_last_step: 1 }).where('id', '=', staff.id).execute();
    await resetUserTwoStep(deps, sysadmin.actor, staff.id);
    await resetPassword(deps, sysadmin.actor, staff.id, 'another-password-1');
    await setUserRole(deps, sysadmin.actor, staff.id, ours.code, 'unit_head', true);
    await setUserRole(deps, sysadmin.actor, staff.id, ours.code, 'unit_head', false);
    await setUserActive(deps, sysadmin.actor, outsider.id, false);

    const entries = await auditEventsFor(deps.db, 'user', String(staff.id));
    const changes = entries.filter((e) => e.occurred_at !== '2026-03-01T02:00:00.000Z' && e.action !== 'user.create');
    expect(changes.map((e) => [e.action, e.organ_id])).toEqual([
      ['user.deactivate', ours.id], ['user.activate', ours.id], ['auth.2fa_reset', ours.id], ['user.reset_password', ours.id],
      ['user.grant_role', ours.id], ['user.revoke_role', ours.id],
    ]);
    const old = entries.find((e) => e.occurred_at === '2026-03-01T02:00:00.000Z')!;
    const outsiders = (await auditEventsFor(deps.db, 'user', String(outsider.id))).find((e) => e.action === 'user.deactivate')!;
    expect(outsiders.organ_id).toBe(theirs.id);

    const { cookies } = await loginAs(app, admin.username, admin.password);
    const page = await app.inject({ url: `/admin/audit?type=user&target=${staff.id}`, cookies });
    expect(page.statusCode).toBe(200);
    for (const label of ['停用账号', '重新启用账号', '重置两步验证', '重置密码', '授予角色', '收回角色', '新建用户']) {
      expect([label, page.body.includes(`<td data-label="操作">${label}</td>`)]).toEqual([label, true]);
    }
    expect(page.body).toContain(`href="/admin/audit/${old.id}"`);
    expect((await app.inject({ url: `/admin/audit/${old.id}`, cookies })).statusCode).toBe(200);
    // Another organ's account: neither listed nor shown.
    expect((await app.inject({ url: `/admin/audit/${outsiders.id}`, cookies })).statusCode).toBe(404);
    const theirsPage = await app.inject({ url: `/admin/audit?type=user&target=${outsider.id}`, cookies });
    expect(theirsPage.body).not.toContain('<td data-label="操作">停用账号</td>');
    // Sign-ins stay the system administrator's.
    expect((await app.inject({ url: '/admin/audit', cookies })).body).not.toContain('<td data-label="操作">登录</td>');
    await app.close();
  });

  it('records an account of several organs against the nearest organ that keeps them all', async () => {
    const deps = buildDeps(db());
    const county = await createOrgan(deps);
    const bureau = await createOrgan(deps, { parentCode: county.code });
    const office = await createOrgan(deps, { parentCode: county.code });
    const sysadmin = await createActor(deps, county.code, 'system_admin');
    const staff = await createStaff(deps, bureau.code, 'editor');
    await setUserActive(deps, sysadmin.actor, staff.id, false);
    await setUserRole(deps, sysadmin.actor, staff.id, office.code, 'editor', true);
    await setUserActive(deps, sysadmin.actor, staff.id, true);
    const recorded = (await auditEventsFor(deps.db, 'user', String(staff.id))).map((e) => [e.action, e.organ_id]);
    // A role change is recorded against the organ of the role granted or revoked.
    expect(recorded).toEqual([['user.create', bureau.id], ['user.deactivate', bureau.id], ['user.grant_role', office.id], ['user.activate', county.id]]);
  });
});

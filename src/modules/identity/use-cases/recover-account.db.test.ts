import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { totpCodeAt } from '../domain/two-step.ts';
import { logIn, resetTwoStepByUsername, sessionFor, setPasswordByUsername, systemActor } from '../index.ts';
import { beginTwoStep, confirmTwoStep, twoStepStatus } from './two-step.ts';

// The sole administrator lost the phone and the recovery codes, or the password: someone with a shell
// on the server recovers the account by username (docs/security.md), as the 重置两步验证 and 重置密码 of
// the user page would, named in the audit log as the command line.
describeEachDialect('recovering an account from the command line', (db) => {
  const cli = systemActor('命令行');
  const lastAudit = async (deps: ReturnType<typeof buildDeps>, action: string) =>
    deps.db.selectFrom('audit_events').select(['actor_user_id', 'actor_label', 'entity_id', 'after_json']).where('action', '=', action).orderBy('id', 'desc').executeTakeFirst();

  it('reset-2fa clears the secret and the recovery codes, ends the sessions and audits it; the person signs in with the password', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const admin = await createStaff(deps, organ.code, 'system_admin');
    const who = { userId: admin.id, username: admin.username };
    const { secret } = await beginTwoStep(deps, who);
    await confirmTwoStep(deps, who, totpCodeAt(secret, deps.clock.now()), null);
    const { token, stage } = await logIn(deps, admin.username, admin.password);
    expect(stage).toBe('second_factor');

    const r = await resetTwoStepByUsername(deps, cli, admin.username);
    expect(r).toMatchObject({ userId: admin.id, username: admin.username, hadTwoStep: true, active: true });
    expect(await sessionFor(deps, token)).toBeNull();
    expect(await twoStepStatus(deps, who)).toMatchObject({ enabled: false, recoveryCodesLeft: 0, pending: null });
    const codes = await deps.db.selectFrom('recovery_codes').select('id').where('user_id', '=', admin.id).execute();
    expect(codes).toEqual([]);
    const audit = await lastAudit(deps, 'auth.2fa_reset');
    expect(audit).toMatchObject({ actor_user_id: null, actor_label: '系统：命令行', entity_id: String(admin.id) });
    expect(JSON.parse(audit!.after_json!)).toEqual({ username: admin.username });
    expect((await logIn(deps, admin.username, admin.password)).stage).toBe('full');
    // A second run says there was nothing to clear, and changes and records nothing (as 重新启用 of an active account).
    const { token: again } = await logIn(deps, admin.username, admin.password);
    expect((await resetTwoStepByUsername(deps, cli, admin.username)).hadTwoStep).toBe(false);
    expect(await deps.db.selectFrom('audit_events').select('id').where('action', '=', 'auth.2fa_reset').execute()).toHaveLength(1);
    expect(await sessionFor(deps, again)).not.toBeNull();
  });

  it('set-password applies the form rule, unlocks a locked account, ends the sessions and audits it', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const admin = await createStaff(deps, organ.code, 'system_admin');
    const { token } = await logIn(deps, admin.username, admin.password);
    for (let i = 0; i < 5; i++) await logIn(deps, admin.username, 'wrong-password').catch(() => null);
    await expect(logIn(deps, admin.username, admin.password)).rejects.toMatchObject({ code: 'ERR_IDENTITY_LOCKED' });

    await expect(setPasswordByUsername(deps, cli, admin.username, 'short')).rejects.toMatchObject({ code: 'ERR_IDENTITY_PASSWORD_WEAK', message: '密码至少需要 8 个字符' });
    await expect(setPasswordByUsername(deps, cli, admin.username, 'x'.repeat(201))).rejects.toMatchObject({ code: 'ERR_IDENTITY_PASSWORD_WEAK' });
    const r = await setPasswordByUsername(deps, cli, admin.username, 'a-new-password-1');
    expect(r).toMatchObject({ userId: admin.id, username: admin.username, wasLocked: true, active: true });
    expect(await sessionFor(deps, token)).toBeNull();
    await expect(logIn(deps, admin.username, admin.password)).rejects.toMatchObject({ code: 'ERR_IDENTITY_LOGIN_FAILED' });
    expect((await logIn(deps, admin.username, 'a-new-password-1')).stage).toBe('full');
    expect(await lastAudit(deps, 'user.reset_password')).toMatchObject({ actor_user_id: null, actor_label: '系统：命令行', entity_id: String(admin.id) });
  });

  it('names an unknown username in Chinese with a stable code and changes nothing', async () => {
    const deps = buildDeps(db());
    const resets = () => deps.db.selectFrom('audit_events').select('id').where('action', 'in', ['auth.2fa_reset', 'user.reset_password']).execute();
    const before = await resets();
    for (const attempt of [resetTwoStepByUsername(deps, cli, 'nobody'), setPasswordByUsername(deps, cli, 'nobody', 'a-new-password-1')]) {
      await expect(attempt).rejects.toMatchObject({ code: 'ERR_IDENTITY_USER_NOT_FOUND', message: '没有用户名为“nobody”的用户' });
    }
    expect(await resets()).toEqual(before);
  });
});

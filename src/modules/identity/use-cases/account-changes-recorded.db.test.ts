import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createActor, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { loadAuditHead } from '../../audit/index.ts';
import { logIn, resetPassword, sessionFor, setUserRole } from '../index.ts';
import { resetUserTwoStep } from './manage-user.ts';

/**
 * Makes the database refuse every new audit entry until the returned function is called: an account change
 * whose entry cannot be written must not be made either (one transaction, as 停用 and 启用 are).
 */
async function refuseAuditEntries(deps: AppDeps): Promise<() => Promise<void>> {
  if (deps.dialect === 'sqlite') {
    await sql.raw(`create trigger refuse_audit before insert on audit_events begin select raise(abort, 'audit refused'); end`).execute(deps.db);
    return async () => { await sql.raw('drop trigger refuse_audit').execute(deps.db); };
  }
  await sql.raw(`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`).execute(deps.db);
  await sql.raw('create trigger refuse_audit before insert on audit_events for each row execute function refuse_audit()').execute(deps.db);
  return async () => {
    await sql.raw('drop trigger refuse_audit on audit_events').execute(deps.db);
    await sql.raw('drop function refuse_audit()').execute(deps.db);
  };
}

describeEachDialect('account changes and their audit entries', (db) => {
  it('重置密码 whose entry cannot be written changes nothing: the old password and the sessions stay', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const admin = await createActor(deps, organ.code, 'organ_admin');
    const staff = await createStaff(deps, organ.code, 'editor');
    const { token } = await logIn(deps, staff.username, staff.password);
    const allow = await refuseAuditEntries(deps);
    try {
      await expect(resetPassword(deps, admin.actor, staff.id, 'a-new-password-1')).rejects.toThrow();
    } finally {
      await allow();
    }
    expect(await sessionFor(deps, token)).not.toBeNull();
    expect((await logIn(deps, staff.username, staff.password)).token).toBeTruthy();
  });

  it('重置两步验证 whose entry cannot be written changes nothing: two-step sign-in and the sessions stay', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const admin = await createActor(deps, organ.code, 'organ_admin');
    const staff = await createStaff(deps, organ.code, 'editor');
    const { token } = await logIn(deps, staff.username, staff.password);
    const at = '2026-03-10T02:00:00.000Z';
    await deps.db.updateTable('users').set({ totp_secret: 'v1:lost:phone', totp_enabled_at: at, totp_last_step: 1 }).where('id', '=', staff.id).execute();
    const allow = await refuseAuditEntries(deps);
    try {
      await expect(resetUserTwoStep(deps, admin.actor, staff.id)).rejects.toThrow();
    } finally {
      await allow();
    }
    expect((await deps.db.selectFrom('users').select('totp_enabled_at').where('id', '=', staff.id).executeTakeFirstOrThrow()).totp_enabled_at).toBe(at);
    expect(await sessionFor(deps, token)).not.toBeNull();
  });

  it('重置两步验证 of an account without two-step sign-in answers 409 and changes and records nothing; its sessions stay', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const admin = await createActor(deps, organ.code, 'organ_admin');
    const staff = await createStaff(deps, organ.code, 'editor');
    const name = (await deps.db.selectFrom('users').select('display_name').where('id', '=', staff.id).executeTakeFirstOrThrow()).display_name;
    const { token } = await logIn(deps, staff.username, staff.password);
    const entries = async () => (await loadAuditHead(deps.db))!.entries;
    const before = await entries();
    await expect(resetUserTwoStep(deps, admin.actor, staff.id))
      .rejects.toMatchObject({ code: 'ERR_IDENTITY_2FA_NOT_ENABLED', httpStatus: 409, message: `“${name}”未启用两步验证，无需重置` });
    expect(await entries()).toBe(before);
    expect(await sessionFor(deps, token)).not.toBeNull();

    // A set-up begun and not confirmed (a secret pending, no code entered yet) is no two-step sign-in either.
    await deps.db.updateTable('users').set({ totp_pending_secret: 'v1:begun:only' }).where('id', '=', staff.id).execute();
    await expect(resetUserTwoStep(deps, admin.actor, staff.id)).rejects.toMatchObject({ code: 'ERR_IDENTITY_2FA_NOT_ENABLED', httpStatus: 409 });
    expect(await entries()).toBe(before);
    expect((await deps.db.selectFrom('users').select('totp_pending_secret').where('id', '=', staff.id).executeTakeFirstOrThrow()).totp_pending_secret).toBe('v1:begun:only');

    // Set up, it is reset once and recorded once; the second answers as the first above.
    await deps.db.updateTable('users').set({ totp_secret: 'v1:lost:phone', totp_enabled_at: '2026-03-10T02:00:00.000Z', totp_last_step: 1 }).where('id', '=', staff.id).execute();
    await resetUserTwoStep(deps, admin.actor, staff.id);
    expect(await entries()).toBe(before + 1);
    await expect(resetUserTwoStep(deps, admin.actor, staff.id)).rejects.toMatchObject({ code: 'ERR_IDENTITY_2FA_NOT_ENABLED', httpStatus: 409 });
    expect(await entries()).toBe(before + 1);
  });

  it('授予 a role already held, or 收回 one not held, answers 409 and records nothing; a real change is recorded once', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const admin = await createActor(deps, organ.code, 'organ_admin');
    const staff = await createStaff(deps, organ.code, 'editor');
    const entries = async () => (await loadAuditHead(deps.db))!.entries;
    const before = await entries();
    await expect(setUserRole(deps, admin.actor, staff.id, organ.code, 'editor', true))
      .rejects.toMatchObject({ code: 'ERR_IDENTITY_ROLE_ALREADY_HELD', httpStatus: 409, message: expect.stringContaining('已有') });
    await expect(setUserRole(deps, admin.actor, staff.id, organ.code, 'unit_head', false))
      .rejects.toMatchObject({ code: 'ERR_IDENTITY_ROLE_NOT_HELD', httpStatus: 409, message: expect.stringContaining('没有') });
    expect(await entries()).toBe(before);

    await setUserRole(deps, admin.actor, staff.id, organ.code, 'unit_head', true);
    expect(await entries()).toBe(before + 1);
    await setUserRole(deps, admin.actor, staff.id, organ.code, 'unit_head', false);
    expect(await entries()).toBe(before + 2);
    const roles = await deps.db.selectFrom('user_roles').select('role').where('user_id', '=', staff.id).execute();
    expect(roles.map((r) => r.role)).toEqual(['editor']);
  });
});

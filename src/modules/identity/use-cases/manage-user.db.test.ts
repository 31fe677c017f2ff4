import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createActor, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { logIn, resetPassword, sessionFor, setUserActive, setUserRole } from '../index.ts';

describeEachDialect('managing staff accounts', (db) => {
  it('deactivating ends every session at once and refuses the next login', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const admin = await createActor(deps, organ.code, 'organ_admin');
    const staff = await createStaff(deps, organ.code, 'editor');
    const { token } = await logIn(deps, staff.username, staff.password);
    await setUserActive(deps, admin.actor, staff.id, false);
    expect(await sessionFor(deps, token)).toBeNull();
    await expect(logIn(deps, staff.username, staff.password)).rejects.toMatchObject({ code: 'ERR_IDENTITY_LOGIN_FAILED' });
    await setUserActive(deps, admin.actor, staff.id, true);
    await resetPassword(deps, admin.actor, staff.id, 'a-new-password-1');
    await expect(logIn(deps, staff.username, staff.password)).rejects.toMatchObject({ code: 'ERR_IDENTITY_LOGIN_FAILED' });
    expect((await logIn(deps, staff.username, 'a-new-password-1')).token).toBeTruthy();
  });

  it('lets an organ admin grant and revoke roles on its organ only, never the last role', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const other = await createOrgan(deps);
    const admin = await createActor(deps, organ.code, 'organ_admin');
    const staff = await createStaff(deps, organ.code, 'editor');
    await setUserRole(deps, admin.actor, staff.id, organ.code, 'unit_head', true);
    await setUserRole(deps, admin.actor, staff.id, organ.code, 'editor', false);
    await expect(setUserRole(deps, admin.actor, staff.id, organ.code, 'unit_head', false)).rejects.toMatchObject({ code: 'ERR_IDENTITY_LAST_ROLE' });
    await expect(setUserRole(deps, admin.actor, staff.id, other.code, 'editor', true)).rejects.toMatchObject({ httpStatus: 403 });
    const outsider = await createStaff(deps, other.code, 'editor');
    await expect(setUserActive(deps, admin.actor, outsider.id, false)).rejects.toMatchObject({ httpStatus: 403 });
    await expect(setUserActive(deps, admin.actor, admin.id, false)).rejects.toMatchObject({ code: 'ERR_IDENTITY_SELF_DEACTIVATE' });
  });
});

import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { isDomainError } from '../../../shared/domain-error.ts';
import { logIn } from './authenticate.ts';

// Issue 10: 19 parallel wrong passwords left the failure counter at 1, so the lockout never came.
describeEachDialect('login lockout under concurrency', (db) => {
  const failuresOf = async (deps: ReturnType<typeof buildDeps>, id: number) =>
    (await deps.db.selectFrom('users').select(['failed_logins', 'locked_until']).where('id', '=', id).executeTakeFirstOrThrow());

  it('counts every one of 19 parallel wrong passwords and locks the account', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const staff = await createStaff(deps, organ.code, 'editor');
    const codes = await Promise.all(Array.from({ length: 19 }, () => logIn(deps, staff.username, 'wrong-password').then(
      () => 'ok', (e) => (isDomainError(e) ? e.code : String(e)),
    )));
    const wrong = codes.filter((c) => c === 'ERR_IDENTITY_LOGIN_FAILED').length;
    expect(codes.every((c) => c === 'ERR_IDENTITY_LOGIN_FAILED' || c === 'ERR_IDENTITY_LOCKED')).toBe(true);
    const row = await failuresOf(deps, staff.id);
    // Every password that was checked and wrong is counted: none lost to the race.
    expect(row.failed_logins).toBe(wrong);
    expect(row.locked_until).not.toBeNull();
    await expect(logIn(deps, staff.username, staff.password)).rejects.toMatchObject({ code: 'ERR_IDENTITY_LOCKED', httpStatus: 423 });
  });

  it('locks after five wrong passwords in a row and starts counting afresh once the lock has run out', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const staff = await createStaff(deps, organ.code, 'editor');
    for (let i = 0; i < 4; i++) await expect(logIn(deps, staff.username, 'wrong-password')).rejects.toMatchObject({ code: 'ERR_IDENTITY_LOGIN_FAILED' });
    expect((await failuresOf(deps, staff.id)).locked_until).toBeNull();
    await expect(logIn(deps, staff.username, 'wrong-password')).rejects.toMatchObject({ code: 'ERR_IDENTITY_LOGIN_FAILED' });
    await expect(logIn(deps, staff.username, staff.password)).rejects.toMatchObject({ code: 'ERR_IDENTITY_LOCKED' });
    deps.clock.set(new Date(deps.clock.now().getTime() + 16 * 60_000).toISOString());
    await expect(logIn(deps, staff.username, 'wrong-password')).rejects.toMatchObject({ code: 'ERR_IDENTITY_LOGIN_FAILED' });
    expect((await failuresOf(deps, staff.id)).failed_logins).toBe(1);
    await logIn(deps, staff.username, staff.password);
    expect(await failuresOf(deps, staff.id)).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('answers 19 parallel wrong passwords at the login form with 401 or 423, and the account is then locked', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const staff = await createStaff(deps, organ.code, 'editor');
    const form = await app.inject({ method: 'GET', url: '/admin/login' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1];
    const cookie = form.cookies.find((c) => c.name === 'gk_login_csrf')!.value;
    const statuses = await Promise.all(Array.from({ length: 19 }, () => app.inject({
      method: 'POST', url: '/admin/login', cookies: { gk_login_csrf: cookie }, payload: { _csrf: csrf, username: staff.username, password: 'wrong-password', next: '/admin' },
    }).then((r) => r.statusCode)));
    expect(statuses.filter((s) => s !== 401 && s !== 423)).toEqual([]);
    await expect(loginAs(app, staff.username, staff.password)).rejects.toThrow('login failed: 423');
    await app.close();
  });

  it('does as much password hashing for an unknown username as for a real one (no timing oracle)', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const staff = await createStaff(deps, organ.code, 'editor');
    await logIn(deps, 'warm-up', 'wrong-password').catch(() => null);
    // CPU time of the process (argon2 runs on libuv's threads), not wall time: a real account costs
    // one argon2 verification per try; an unknown name cost next to nothing before issue 10.
    const cpuOf = async (username: string) => {
      const before = process.cpuUsage();
      for (let i = 0; i < 4; i++) await logIn(deps, username, 'wrong-password').catch(() => null);
      const used = process.cpuUsage(before);
      return used.user + used.system;
    };
    const real = await cpuOf(staff.username);
    await deps.db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', staff.id).execute();
    const unknown = await cpuOf('nobody-here');
    expect(unknown).toBeGreaterThan(real * 0.3);
  });
});

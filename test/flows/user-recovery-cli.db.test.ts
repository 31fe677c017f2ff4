import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/db.ts';
import { captureIo, freshCliEnvironment } from '../support/cli.ts';
import { main } from '../../src/main/cli.ts';
import { openDatabase } from '../../src/platform/db/connect.ts';

// The only administrator lost the phone and the recovery codes, then forgot the password: the operator
// with a shell on the server gets them back in (docs/security.md, "Locked out").
for (const dialect of DIALECTS) {
  describe(`./bin/gongkai user reset-2fa / set-password / reactivate on ${dialect}`, () => {
    const saved = { ...process.env };
    let drop: (() => Promise<void>) | undefined;
    const withDb = async <T>(fn: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> => {
      const handle = openDatabase({ databaseUrl: process.env.DATABASE_URL ?? null, dataDir: process.env.GONGKAI_DATA_DIR! });
      try {
        return await fn(handle.db);
      } finally {
        await handle.destroy();
      }
    };
    const run = async (argv: string[], stdin?: string) => {
      const c = captureIo();
      const code = await main(argv, { ...c.io, readSecret: async () => stdin ?? '' });
      return { code, out: c.out.join('\n'), err: c.err.join('\n') };
    };

    beforeAll(async () => {
      drop = (await freshCliEnvironment(dialect, 'user-recovery-cli')).drop;
      expect((await run(['organ', 'add', '--code', 'qlx', '--name', '青岚县人民政府', '--kind', 'government', '--credit-code', '11330000002482125X'])).code).toBe(0);
      expect((await run(['user', 'add', '--username', 'admin', '--password', 'first-password-1', '--name', '管理员', '--organ', 'qlx', '--role', 'system_admin'])).code).toBe(0);
    }, 60_000);
    afterAll(async () => {
      process.env = saved;
      await drop?.();
    });

    it('reset-2fa clears the secret and the recovery codes, ends the sessions, says so and is audited as the command line', async () => {
      const id = await withDb(async (db) => {
        const u = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
        const at = '2026-03-10T02:00:00.000Z';
        await db.updateTable('users').set({ totp_secret: 'v1:lost:phone', totp_enabled_at: at, totp_last_step: 1 }).where('id', '=', u.id).execute();
        await db.insertInto('recovery_codes').values({ user_id: u.id, code_hash: 'f'.repeat(64), created_at: at, used_at: null }).execute();
        await db.insertInto('sessions').values({ id: 's'.repeat(64), user_id: u.id, csrf_token: 'c', created_at: at, expires_at: '2099-01-01T00:00:00.000Z', stage: 'second_factor', last_seen_at: at }).execute();
        return u.id;
      });
      const r = await run(['user', 'reset-2fa', '--username', 'admin']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain('已重置用户 admin 的两步验证');
      expect(r.out).toContain('验证器密钥和恢复码已清除');
      await withDb(async (db) => {
        expect(await db.selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ totp_secret: null, totp_enabled_at: null });
        expect(await db.selectFrom('recovery_codes').select('id').where('user_id', '=', id).execute()).toEqual([]);
        expect(await db.selectFrom('sessions').select('id').where('user_id', '=', id).execute()).toEqual([]);
        const audit = await db.selectFrom('audit_events').select(['actor_user_id', 'actor_label', 'entity_id']).where('action', '=', 'auth.2fa_reset').executeTakeFirstOrThrow();
        expect(audit).toEqual({ actor_user_id: null, actor_label: '系统：命令行', entity_id: String(id) });
      });
      expect((await run(['audit', 'verify'])).code).toBe(0);

      // Run again: nothing to reset, so nothing is changed or recorded (as reactivate of an active account).
      const again = await run(['user', 'reset-2fa', '--username', 'admin']);
      expect(again.code).toBe(0);
      expect(again.out).toBe('用户 admin 未启用两步验证，无需重置；未做任何更改。');
      await withDb(async (db) => {
        expect(await db.selectFrom('audit_events').select('id').where('action', '=', 'auth.2fa_reset').execute()).toHaveLength(1);
      });
    });

    it('user add and token create are audited with the one actor of the command line, 系统：命令行, as organ add is', async () => {
      const t = await run(['token', 'create', '--user', 'admin', '--name', '数据交换']);
      expect(t.code).toBe(0);
      await withDb(async (db) => {
        for (const action of ['organ.create', 'user.create', 'api_token.create']) {
          const audit = await db.selectFrom('audit_events').select(['action', 'actor_user_id', 'actor_label']).where('action', '=', action).executeTakeFirstOrThrow();
          expect(audit).toEqual({ action, actor_user_id: null, actor_label: '系统：命令行' });
        }
      });
    });

    it('an unknown username: a Chinese error with its code, exit 1', async () => {
      for (const argv of [['user', 'reset-2fa', '--username', 'nobody'], ['user', 'set-password', '--username', 'nobody', '--password', 'long-enough-1'], ['user', 'reactivate', '--username', 'nobody']]) {
        const r = await run(argv);
        expect(r.code).toBe(1);
        expect(r.err).toContain('错误（ERR_IDENTITY_USER_NOT_FOUND）：没有用户名为“nobody”的用户');
        // Most often the command was given another database than the server's: it says which it used.
        expect(r.err).toContain('所用数据：');
      }
    });

    it('set-password takes the password from standard input, applies the form rule, clears a lock and is audited', async () => {
      await withDb((db) => db.updateTable('users').set({ failed_logins: 5, locked_until: '2099-01-01T00:00:00.000Z' }).where('username', '=', 'admin').execute());
      let r = await run(['user', 'set-password', '--username', 'admin', '--password-stdin'], 'short');
      expect(r.code).toBe(1);
      expect(r.err).toContain('错误（ERR_IDENTITY_PASSWORD_WEAK）：密码至少需要 8 个字符');
      r = await run(['user', 'set-password', '--username', 'admin', '--password-stdin'], 'second-password-2');
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain('已为用户 admin 设置新密码并解除锁定');
      await withDb(async (db) => {
        const u = await db.selectFrom('users').select(['id', 'password_hash', 'failed_logins', 'locked_until']).where('username', '=', 'admin').executeTakeFirstOrThrow();
        expect(await verify(u.password_hash, 'second-password-2')).toBe(true);
        expect(u).toMatchObject({ failed_logins: 0, locked_until: null });
        const audit = await db.selectFrom('audit_events').select(['actor_label', 'entity_id']).where('action', '=', 'user.reset_password').executeTakeFirstOrThrow();
        expect(audit).toEqual({ actor_label: '系统：命令行', entity_id: String(u.id) });
      });
      // On the command line it works too, with a reminder that the shell keeps it in its history.
      r = await run(['user', 'set-password', '--username', 'admin', '--password', 'third-password-3']);
      expect(r.code).toBe(0);
      expect(r.out).toContain('已为用户 admin 设置新密码');
      expect(r.err).toContain('--password-stdin');
    });

    it('reactivate brings a deactivated account back, says what it does not restore, is audited, and an active one is left as it is', async () => {
      const id = await withDb(async (db) => {
        const u = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
        await db.updateTable('users').set({ is_active: 0 }).where('id', '=', u.id).execute();
        return u.id;
      });
      let r = await run(['user', 'reactivate', '--username', 'admin']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain('已重新启用用户 admin');
      expect(r.out).toContain('API 令牌');
      await withDb(async (db) => {
        expect(await db.selectFrom('users').select('is_active').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ is_active: 1 });
        const audit = await db.selectFrom('audit_events').select(['actor_user_id', 'actor_label', 'entity_id']).where('action', '=', 'user.activate').execute();
        expect(audit).toEqual([{ actor_user_id: null, actor_label: '系统：命令行', entity_id: String(id) }]);
      });
      // Already active: nothing changed, nothing audited, and it says so (exit 0: the account is as asked).
      r = await run(['user', 'reactivate', '--username', 'admin']);
      expect(r.code).toBe(0);
      expect(r.out).toContain('用户 admin 未停用，无需重新启用');
      await withDb(async (db) => {
        expect(await db.selectFrom('audit_events').select('id').where('action', '=', 'user.activate').execute()).toHaveLength(1);
      });
      expect((await run(['audit', 'verify'])).code).toBe(0);
    });
  });
}

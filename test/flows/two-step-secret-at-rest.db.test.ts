import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { describeEachDialect } from '../support/db.ts';
import { buildTestApp, loginAs } from '../support/app.ts';
import { createOrgan, createStaff } from '../support/factories.ts';
import { totpCodeAt } from '../../src/modules/identity/domain/two-step.ts';
import { sha256 } from '../../src/modules/identity/domain/secrets.ts';
import { sealPlainTwoStepSecrets } from '../../src/modules/identity/index.ts';
import { passSecondStep } from '../../src/modules/identity/use-cases/two-step.ts';
import { createSecretBox } from '../../src/platform/secrets/secret-box.ts';

type Clock = { now(): Date; set(at: string | Date): void };

/**
 * ADR 0025: a staff member's TOTP secret is kept sealed (AES-256-GCM, the user id bound in), so a
 * database dump or backup without the key does not give the second factor away.
 */
describeEachDialect('two-step secrets at rest', (db) => {
  let app: FastifyInstance;
  let clock: Clock;
  let organ: { id: number; code: string };
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  const advance = (seconds: number) => clock.set(new Date(clock.now().getTime() + seconds * 1000));
  beforeEach(async () => {
    built = await buildTestApp(db(), '2026-12-03T01:00:00Z');
    app = built.app;
    clock = built.deps.clock as unknown as Clock;
    built.deps.sessionClock = clock;
    organ = await createOrgan(built.deps);
  });
  afterEach(async () => app.close());
  const deps = () => built.deps;

  const rawRow = (userId: number) => db().db.selectFrom('users').select(['totp_secret', 'totp_pending_secret', 'totp_enabled_at']).where('id', '=', userId).executeTakeFirstOrThrow();
  const setRow = (userId: number, values: { totp_secret?: string | null; totp_pending_secret?: string | null; totp_enabled_at?: string | null; totp_last_step?: number | null }) =>
    db().db.updateTable('users').set(values).where('id', '=', userId).execute();

  async function password(username: string, pw = 'correct-horse-1') {
    const form = await app.inject({ method: 'GET', url: '/admin/login' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1];
    const cookie = form.cookies.find((c) => c.name === 'gk_login_csrf')!.value;
    const res = await app.inject({ method: 'POST', url: '/admin/login', cookies: { gk_login_csrf: cookie }, payload: { _csrf: csrf, username, password: pw, next: '/admin' } });
    return { res, session: res.cookies.find((c) => c.name === 'gk_session')?.value };
  }
  async function code(session: string, value: string) {
    const page = await app.inject({ method: 'GET', url: '/admin/login/two-step', cookies: { gk_session: session } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1];
    return app.inject({ method: 'POST', url: '/admin/login/two-step', cookies: { gk_session: session }, payload: { _csrf: csrf, code: value, next: '/admin' } });
  }
  /** Sets two-step up through the account page; checks the raw row between the two steps. */
  async function enable(userId: number, s: { cookies: Record<string, string>; csrf: string }) {
    await app.inject({ method: 'POST', url: '/admin/account/two-step/start', cookies: s.cookies, payload: { _csrf: s.csrf } });
    const page = await app.inject({ method: 'GET', url: '/admin/account/two-step', cookies: s.cookies });
    const secret = /密钥 <code>([A-Z2-7 ]+)<\/code>/.exec(page.body)![1]!.replace(/ /g, '');
    const pending = await rawRow(userId);
    expect(pending.totp_pending_secret).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(pending.totp_pending_secret).not.toContain(secret);
    const done = await app.inject({ method: 'POST', url: '/admin/account/two-step/confirm', cookies: s.cookies, payload: { _csrf: s.csrf, code: totpCodeAt(secret, clock.now()) } });
    expect(done.statusCode).toBe(200);
    const codes = [...done.body.matchAll(/<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})<\/code><\/li>/g)].map((m) => m[1]!);
    return { secret, codes };
  }
  async function enabledStaff() {
    const u = await createStaff(deps(), organ.code, 'editor');
    const { secret, codes } = await enable(u.id, await loginAs(app, u.username, 'correct-horse-1'));
    advance(30);
    return { ...u, secret, codes };
  }

  it('never stores the secret as the authenticator has it, and signs in with it as before', async () => {
    const u = await enabledStaff();
    const row = await rawRow(u.id);
    expect(row.totp_secret).toMatch(/^v1:[0-9a-f]{8}:[A-Za-z0-9+/]+=*$/);
    expect(row.totp_secret).not.toContain(u.secret);
    expect(row.totp_pending_secret).toBeNull();
    const { session } = await password(u.username);
    expect((await code(session!, totpCodeAt(u.secret, clock.now()))).statusCode).toBe(303);
  });

  it("a sealed secret copied onto another user's row does not open there", async () => {
    const a = await enabledStaff();
    const b = await enabledStaff();
    advance(30);
    await setRow(b.id, { totp_secret: (await rawRow(a.id)).totp_secret, totp_last_step: null });
    const { session } = await password(b.username);
    const res = await code(session!, totpCodeAt(a.secret, clock.now()));
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('无法核对验证码');
    expect((await app.inject({ method: 'GET', url: '/admin', cookies: { gk_session: session! } })).statusCode).toBe(303);
  });

  it('seals plain secrets written before the upgrade at start-up (twice at once is harmless), and on next use', async () => {
    const atStart = await createStaff(deps(), organ.code, 'editor');
    const onUse = await createStaff(deps(), organ.code, 'editor');
    const plain = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const plainPending = 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF';
    await setRow(atStart.id, { totp_secret: plain, totp_pending_secret: plainPending, totp_enabled_at: '2026-12-01T00:00:00Z' });
    const runs = await Promise.all([sealPlainTwoStepSecrets(deps()), sealPlainTwoStepSecrets(deps())]);
    expect(runs[0]!.sealed + runs[1]!.sealed).toBe(2);
    expect((await sealPlainTwoStepSecrets(deps())).sealed).toBe(0);
    const row = await rawRow(atStart.id);
    expect(row.totp_secret).toMatch(/^v1:/);
    expect(row.totp_pending_secret).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toMatch(new RegExp(`${plain}|${plainPending}`));
    const s1 = await password(atStart.username);
    expect((await code(s1.session!, totpCodeAt(plain, clock.now()))).statusCode).toBe(303);

    // A row an older instance wrote after the start-up step: still accepted, and sealed when used.
    await setRow(onUse.id, { totp_secret: plain, totp_enabled_at: '2026-12-01T00:00:00Z' });
    advance(30);
    const s2 = await password(onUse.username);
    expect((await code(s2.session!, totpCodeAt(plain, clock.now()))).statusCode).toBe(303);
    expect((await rawRow(onUse.id)).totp_secret).toMatch(/^v1:/);
  });

  it('with another key: a clear refusal and a warning, a recovery code still works, and the admin can reset it', async () => {
    const u = await enabledStaff();
    const admin = await createStaff(deps(), organ.code, 'organ_admin');
    const adminSession = await loginAs(app, admin.username, 'correct-horse-1');
    // The server now runs with a different key (GONGKAI_SECRET_KEY changed, secret.key lost).
    const warnings: { msg: string; userId?: number }[] = [];
    built.deps.secretBox = createSecretBox(randomBytes(32));
    built.deps.logger = pino({ level: 'warn' }, { write: (line: string) => { warnings.push(JSON.parse(line)); } });

    // Every stored secret of this database (earlier tests' too) is now sealed under another key.
    const stored = await db().db.selectFrom('users').select(['totp_secret', 'totp_pending_secret']).execute();
    const values = stored.flatMap((r) => [r.totp_secret, r.totp_pending_secret]).filter((v) => v !== null).length;
    expect(await sealPlainTwoStepSecrets(deps())).toEqual({ sealed: 0, unreadable: values });
    expect(warnings.at(-1)!.msg).toContain('GONGKAI_SECRET_KEY');

    const { res, session } = await password(u.username);
    expect(res.headers.location).toMatch(/^\/admin\/login\/two-step/);
    const refused = await code(session!, totpCodeAt(u.secret, clock.now()));
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('无法核对验证码');
    expect(refused.body).toContain('恢复码');
    await expect(passSecondStep(deps(), sha256(session!), totpCodeAt(u.secret, clock.now()))).rejects.toMatchObject({ code: 'ERR_IDENTITY_2FA_SECRET_UNREADABLE' });
    expect(warnings.some((w) => w.userId === u.id && /secret\.key/.test(w.msg))).toBe(true);
    const audited = await db().db.selectFrom('audit_events').select('action').where('action', '=', 'auth.2fa_secret_unreadable').where('entity_id', '=', String(u.id)).execute();
    expect(audited.length).toBeGreaterThanOrEqual(2);
    // The refusals are not wrong codes: the sign-in is still open for a recovery code.
    expect((await code(session!, u.codes[0]!)).statusCode).toBe(303);

    const reset = await app.inject({ method: 'POST', url: `/admin/users/${u.id}/two-step/reset`, cookies: adminSession.cookies, payload: { _csrf: adminSession.csrf, confirm: '1' } });
    expect(reset.statusCode).toBe(303);
    expect(await rawRow(u.id)).toEqual({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null });
    expect((await password(u.username)).res.headers.location).toBe('/admin');
  });
});

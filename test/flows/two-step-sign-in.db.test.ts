import { afterEach, beforeEach, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDialect } from '../support/db.ts';
import { buildTestApp, loginAs } from '../support/app.ts';
import { createOrgan, createStaff } from '../support/factories.ts';
import { totpCodeAt } from '../../src/modules/identity/domain/two-step.ts';

type Clock = { now(): Date; set(at: string | Date): void };

describeEachDialect('staff sign-in: two-step verification, lockout, idle sessions, password change', (db) => {
  let app: FastifyInstance;
  let clock: Clock;
  let organ: { id: number; code: string };
  const advance = (seconds: number) => clock.set(new Date(clock.now().getTime() + seconds * 1000));

  // A fresh app per test: the login form's per-address rate limit (20 a minute) is the app's own.
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    built = await buildTestApp(db(), '2026-12-03T01:00:00Z');
    app = built.app;
    clock = built.deps.clock as unknown as Clock;
    // Sessions run on wall time; here the test's clock stands in for it (one clock for codes and sessions).
    built.deps.sessionClock = clock;
    organ = await createOrgan(built.deps);
  });
  afterEach(async () => app.close());
  const deps = () => built.deps;

  /** Password step through the form; answers the session cookie and where the login sent us. */
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
  async function enable(s: { cookies: Record<string, string>; csrf: string }) {
    await app.inject({ method: 'POST', url: '/admin/account/two-step/start', cookies: s.cookies, payload: { _csrf: s.csrf } });
    const page = await app.inject({ method: 'GET', url: '/admin/account/two-step', cookies: s.cookies });
    expect(page.body).toContain('src="data:image/png;base64,');
    const secret = /密钥 <code>([A-Z2-7 ]+)<\/code>/.exec(page.body)![1]!.replace(/ /g, '');
    const wrong = await app.inject({ method: 'POST', url: '/admin/account/two-step/confirm', cookies: s.cookies, payload: { _csrf: s.csrf, code: '000000' === totpCodeAt(secret, clock.now()) ? '111111' : '000000' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('验证码不正确');
    const done = await app.inject({ method: 'POST', url: '/admin/account/two-step/confirm', cookies: s.cookies, payload: { _csrf: s.csrf, code: totpCodeAt(secret, clock.now()) } });
    expect(done.statusCode).toBe(200);
    const codes = [...done.body.matchAll(/<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})<\/code><\/li>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    return { secret, codes };
  }

  it('asks for the authenticator code after the password, accepts each code once, and a recovery code once', async () => {
    const u = await createStaff(deps(), organ.code, 'editor');
    const s = await loginAs(app, u.username, 'correct-horse-1');
    const { secret, codes } = await enable(s);

    advance(30);
    const step1 = await password(u.username);
    expect(step1.res.headers.location).toBe('/admin/login/two-step?next=%2Fadmin');
    // Waiting for the code, the session reaches nothing.
    const early = await app.inject({ method: 'GET', url: '/admin/publications', cookies: { gk_session: step1.session! } });
    expect(early.statusCode).toBe(303);
    expect(early.headers.location).toMatch(/^\/admin\/login\/two-step/);
    const bad = await code(step1.session!, '12345');
    expect(bad.statusCode).toBe(400);
    const current = totpCodeAt(secret, clock.now());
    const good = await code(step1.session!, current);
    expect(good.statusCode).toBe(303);
    expect(good.headers.location).toBe('/admin');
    expect((await app.inject({ method: 'GET', url: '/admin', cookies: { gk_session: step1.session! } })).statusCode).toBe(200);

    // The same code, seen over a shoulder, does not open a second sign-in.
    const step2 = await password(u.username);
    expect((await code(step2.session!, current)).statusCode).toBe(400);
    const viaRecovery = await code(step2.session!, codes[0]!.toLowerCase().replace('-', ' '));
    expect(viaRecovery.statusCode).toBe(303);
    const step3 = await password(u.username);
    expect((await code(step3.session!, codes[0]!)).statusCode).toBe(400);
  });

  it('ends a sign-in after five wrong codes', async () => {
    const u = await createStaff(deps(), organ.code, 'editor');
    await enable(await loginAs(app, u.username, 'correct-horse-1'));
    const { session } = await password(u.username);
    for (let i = 0; i < 4; i++) expect((await code(session!, '000001')).statusCode).toBe(400);
    const last = await code(session!, '000001');
    expect(last.statusCode).toBe(401);
    expect(last.body).toContain('请重新输入用户名和密码');
    expect((await app.inject({ method: 'GET', url: '/admin/login/two-step', cookies: { gk_session: session! } })).headers.location).toBe('/admin/login');
  });

  it('an outsider guessing passwords locks an account without two-step, but not one with it', async () => {
    const plain = await createStaff(deps(), organ.code, 'editor');
    const guarded = await createStaff(deps(), organ.code, 'editor');
    const { secret } = await enable(await loginAs(app, guarded.username, 'correct-horse-1'));
    for (const u of [plain, guarded]) for (let i = 0; i < 5; i++) expect((await password(u.username, 'wrong-guess-1')).res.statusCode).toBe(401);
    expect((await password(plain.username)).res.statusCode).toBe(423);
    advance(30);
    const owner = await password(guarded.username);
    expect(owner.res.headers.location).toMatch(/^\/admin\/login\/two-step/);
    expect((await code(owner.session!, totpCodeAt(secret, clock.now()))).statusCode).toBe(303);
    const audit = await db().db.selectFrom('audit_events').select('action').where('action', 'in', ['auth.login_failed', 'auth.login', 'auth.2fa_enable']).execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['auth.login_failed', 'auth.login', 'auth.2fa_enable']));
  });

  it('an organ that requires it makes its reviewers set it up before anything else, and keeps it on', async () => {
    const other = await createOrgan(deps());
    const admin = await createStaff(deps(), other.code, 'organ_admin');
    const reviewer = await createStaff(deps(), other.code, 'unit_head');
    const editor = await createStaff(deps(), other.code, 'editor');
    const a = await loginAs(app, admin.username, 'correct-horse-1');
    const set = await app.inject({ method: 'POST', url: '/admin/users/two-step-policy', cookies: a.cookies, payload: { _csrf: a.csrf, organCode: other.code, required: '1' } });
    expect(set.statusCode).toBe(303);
    // An admin of another organ cannot set it here.
    const stranger = await loginAs(app, (await createStaff(deps(), organ.code, 'organ_admin')).username, 'correct-horse-1');
    expect((await app.inject({ method: 'POST', url: '/admin/users/two-step-policy', cookies: stranger.cookies, payload: { _csrf: stranger.csrf, organCode: other.code, required: '0' } })).statusCode).toBe(403);

    expect((await password(editor.username)).res.headers.location).toBe('/admin');
    const r = await password(reviewer.username);
    expect(r.res.headers.location).toBe('/admin/account/two-step');
    const blocked = await app.inject({ method: 'GET', url: '/admin/review', cookies: { gk_session: r.session! } });
    expect(blocked.headers.location).toBe('/admin/account/two-step');
    const setup = await app.inject({ method: 'GET', url: '/admin/account/two-step', cookies: { gk_session: r.session! } });
    expect(setup.statusCode).toBe(200);
    expect(setup.body).toContain('您所在机关要求管理员和审核人员使用两步验证');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(setup.body)![1]!;
    const { secret } = await enable({ cookies: { gk_session: r.session! }, csrf });
    expect((await app.inject({ method: 'GET', url: '/admin/review', cookies: { gk_session: r.session! } })).statusCode).toBe(200);
    advance(30);
    const off = await app.inject({ method: 'POST', url: '/admin/account/two-step/disable', cookies: { gk_session: r.session! }, payload: { _csrf: csrf, code: totpCodeAt(secret, clock.now()) } });
    expect(off.statusCode).toBe(409);
    expect(off.body).toContain('不能关闭');

    // Lost phone: the organ admin resets it; the reviewer's sessions end.
    const reviewerId = (await db().db.selectFrom('users').select('id').where('username', '=', reviewer.username).executeTakeFirstOrThrow()).id;
    expect((await app.inject({ method: 'POST', url: `/admin/users/${reviewerId}/two-step/reset`, cookies: a.cookies, payload: { _csrf: a.csrf, confirm: '1' } })).statusCode).toBe(303);
    expect((await app.inject({ method: 'GET', url: '/admin', cookies: { gk_session: r.session! } })).headers.location).toMatch(/^\/admin\/login/);
    expect((await password(reviewer.username)).res.headers.location).toBe('/admin/account/two-step');
  });

  it('ends a session after 30 idle minutes, and other sessions when the password changes', async () => {
    const u = await createStaff(deps(), organ.code, 'editor');
    const s1 = await loginAs(app, u.username, 'correct-horse-1');
    const s2 = await loginAs(app, u.username, 'correct-horse-1');
    advance(29 * 60);
    expect((await app.inject({ method: 'GET', url: '/admin', cookies: s1.cookies })).statusCode).toBe(200);
    advance(29 * 60);
    expect((await app.inject({ method: 'GET', url: '/admin', cookies: s1.cookies })).statusCode).toBe(200); // seen 29 minutes ago
    expect((await app.inject({ method: 'GET', url: '/admin', cookies: s2.cookies })).headers.location).toMatch(/^\/admin\/login/); // idle 58 minutes

    const s3 = await loginAs(app, u.username, 'correct-horse-1');
    const wrong = await app.inject({ method: 'POST', url: '/admin/account/password', cookies: s1.cookies, payload: { _csrf: s1.csrf, current: 'nope-nope-1', password: 'battery-staple-2' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('当前密码不正确');
    const ok = await app.inject({ method: 'POST', url: '/admin/account/password', cookies: s1.cookies, payload: { _csrf: s1.csrf, current: 'correct-horse-1', password: 'battery-staple-2' } });
    expect(ok.statusCode).toBe(303);
    expect((await app.inject({ method: 'GET', url: '/admin', cookies: s1.cookies })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/admin', cookies: s3.cookies })).headers.location).toMatch(/^\/admin\/login/);
    expect((await password(u.username, 'battery-staple-2')).res.headers.location).toBe('/admin');
  });
});

import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createOrgan } from '../../../../../test/support/factories.ts';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import type { Organ } from '../../../catalog/index.ts';
import { insertSubmission, isUniqueViolation } from '../../storage/submissions-repository.ts';
import { applicantInput } from '../../testing/application-factories.ts';
import { submitOnlineApplication } from '../../use-cases/submit-online-application.ts';
import { trackingNoOf } from '../../../../../test/support/tracking-no.ts';

/**
 * The public application form is idempotent (docs/workflows/public-forms.md): one form token makes
 * at most one case, however many copies of the post arrive and in whatever order; the receipt is a
 * page reached by a redirect; only accepted submissions count towards the hourly limit.
 */
describeEachDialect('the public application form', (db) => {
  let app: FastifyInstance;
  let deps: AppDeps & { clock: { set(at: string): void } };
  let organ: Organ;

  beforeAll(async () => {
    const built = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    app = built.app;
    deps = built.deps;
    organ = await createOrgan(deps);
  });
  afterAll(async () => app?.close());

  const at = (iso: string) => deps.clock.set(iso);
  const formToken = async () => {
    const res = await app.inject({ url: `/organs/${organ.code}/apply` });
    return /name="formToken" value="([^"]+)"/.exec(res.body)![1];
  };
  const apply = (payload: Record<string, string>, remoteAddress = '10.0.0.1') =>
    app.inject({ method: 'POST', url: `/organs/${organ.code}/apply`, payload, remoteAddress });
  const count = async () => Number((await deps.db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).where('organ_id', '=', organ.id).executeTakeFirstOrThrow()).n);
  /** Follows the 303 of an accepted post as a browser does, with the cookies it set. */
  const receiptOf = async (res: LightMyRequestResponse) => {
    expect(res.statusCode).toBe(303);
    const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
    const page = await app.inject({ url: String(res.headers.location), cookies });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    return {
      location: String(res.headers.location),
      cookies,
      trackingNo: trackingNoOf(page.body),
      queryCode: /id="query-code">([^<]+)</.exec(page.body)?.[1],
    };
  };

  it('two forms served in the same millisecond carry different tokens', async () => {
    at('2026-03-10T02:00:00Z');
    expect(await formToken()).not.toBe(await formToken());
  });

  it('concurrent posts of one form token make exactly one case, and every answer leads to its receipt', async () => {
    at('2026-03-10T02:00:00Z');
    const before = await count();
    const token = await formToken();
    at('2026-03-10T02:01:00Z');
    const payload = { formToken: token, website: '', ...applicantInput() };
    const answers = await Promise.all(Array.from({ length: 6 }, () => apply(payload)));
    expect(await count()).toBe(before + 1);
    const receipts = await Promise.all(answers.map(receiptOf));
    expect(new Set(receipts.map((r) => r.trackingNo)).size).toBe(1);
    expect(new Set(receipts.map((r) => r.queryCode)).size).toBe(1);
    const { trackingNo, queryCode } = receipts[0];
    expect(trackingNo).toMatch(new RegExp(`^${organ.code.toUpperCase()}-2026-\\d{5}$`));
    // The status query answers 303 to its own page, which opens with the cookie it sets.
    const posted = await app.inject({ method: 'POST', url: '/applications/status', payload: { trackingNo, queryCode }, remoteAddress: '10.0.0.2' });
    const status = await app.inject({ url: String(posted.headers.location), cookies: Object.fromEntries(posted.cookies.map((c) => [c.name, c.value])) });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('已提交，等待工作人员与您确认');
  });

  it('the database itself refuses a second case for a recorded token', async () => {
    const first = await deps.db.selectFrom('application_submissions').selectAll().executeTakeFirstOrThrow();
    const other = await submitOnlineApplication(deps, organ.code, applicantInput());
    const otherId = (await deps.db.selectFrom('applications').select('id').where('tracking_no', '=', other.trackingNo).executeTakeFirstOrThrow()).id;
    const again = insertSubmission(deps.db, { tokenHash: first.token_hash, applicationId: otherId, sealedReceipt: 'x', createdAt: '2026-03-10T02:02:00Z' });
    await expect(again).rejects.toSatisfy(isUniqueViolation);
  });

  it('a refresh of the receipt or a re-sent post repeats nothing', async () => {
    at('2026-03-10T03:00:00Z');
    const token = await formToken();
    at('2026-03-10T03:01:00Z');
    const payload = { formToken: token, website: '', ...applicantInput() };
    const first = await receiptOf(await apply(payload));
    const before = await count();
    const again = await receiptOf(await apply(payload));
    expect(again).toMatchObject({ trackingNo: first.trackingNo, queryCode: first.queryCode });
    const refreshed = await app.inject({ url: first.location, cookies: first.cookies });
    expect(trackingNoOf(refreshed.body)).toBe(first.trackingNo);
    expect(await count()).toBe(before);
    // Without the browser's cookie the receipt page shows no query code, only where to look.
    const stranger = await app.inject({ url: first.location });
    expect(stranger.statusCode).toBe(200);
    expect(stranger.body).not.toContain('id="query-code"');
    expect(stranger.body).toContain('/applications/status');
  });

  it('a citizen correcting typos many times is never locked out, and keeps what was typed', async () => {
    at('2026-03-10T04:00:00Z');
    const token = await formToken();
    at('2026-03-10T04:01:00Z');
    for (let i = 0; i < 40; i++) {
      const res = await apply({ formToken: token, website: '', ...applicantInput({ contactPhone: `abc${i}` }) }, '10.0.5.1');
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('联系电话应为11位手机号码');
      expect(res.body).toContain(`value="abc${i}"`);
    }
    const fixed = await apply({ formToken: token, website: '', ...applicantInput() }, '10.0.5.1');
    expect((await receiptOf(fixed)).trackingNo).toBeTruthy();
  });

  it('counts only accepted applications per address and hour, keeps the form on the refusal and says when to try again', async () => {
    at('2026-03-10T05:00:00Z');
    const tokens = await Promise.all(Array.from({ length: 11 }, () => formToken()));
    at('2026-03-10T05:01:00Z');
    for (let i = 0; i < 10; i++) {
      const invalid = await apply({ formToken: tokens[i], website: '', ...applicantInput({ subject: '短' }) }, '10.0.6.1');
      expect(invalid.statusCode).toBe(400);
      expect((await apply({ formToken: tokens[i], website: '', ...applicantInput() }, '10.0.6.1')).statusCode).toBe(303);
    }
    const before = await count();
    const refused = await apply({ formToken: tokens[10], website: '', ...applicantInput({ subject: '请公开2025年保障性住房分配名单' }) }, '10.0.6.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('请于2026年3月10日14:01后再提交');
    expect(refused.body).toContain('请公开2025年保障性住房分配名单');
    expect(refused.body).toContain('name="formToken"');
    expect(await count()).toBe(before);
    // Another address is not affected; an hour after the first acceptance the same address may apply again.
    expect((await apply({ formToken: tokens[10], website: '', ...applicantInput() }, '10.0.6.2')).statusCode).toBe(303);
    at('2026-03-10T06:01:00Z');
    const later = await formToken();
    at('2026-03-10T06:02:00Z');
    expect((await apply({ formToken: later, website: '', ...applicantInput() }, '10.0.6.1')).statusCode).toBe(303);
  });
  it('simultaneous posts of different forms from one address cannot pass the limit together', async () => {
    at('2026-03-10T07:00:00Z');
    const tokens = await Promise.all(Array.from({ length: 12 }, () => formToken()));
    at('2026-03-10T07:01:00Z');
    const before = await count();
    const codes = (await Promise.all(tokens.map((t) => apply({ formToken: t, website: '', ...applicantInput() }, '10.0.7.1')))).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 303)).toHaveLength(10);
    expect(codes.filter((c) => c === 429)).toHaveLength(2);
    expect(await count()).toBe(before + 10);
  });

  it('repeats of one accepted form take one place of the allowance', async () => {
    at('2026-03-10T08:00:00Z');
    const tokens = await Promise.all(Array.from({ length: 11 }, () => formToken()));
    at('2026-03-10T08:01:00Z');
    const first = { formToken: tokens[0], website: '', ...applicantInput() };
    await Promise.all(Array.from({ length: 5 }, () => apply(first, '10.0.8.1')));
    for (let i = 1; i < 10; i++) expect((await apply({ formToken: tokens[i], website: '', ...applicantInput() }, '10.0.8.1')).statusCode).toBe(303);
    expect((await apply({ formToken: tokens[10], website: '', ...applicantInput() }, '10.0.8.1')).statusCode).toBe(429);
  });
  it('the status query counts every attempt (it guards the query codes) but keeps the tracking number and says when to try again', async () => {
    at('2026-03-10T09:00:00Z');
    const query = () => app.inject({ method: 'POST', url: '/applications/status', payload: { trackingNo: 'QHX-2026-00001', queryCode: 'WRONG123' }, remoteAddress: '10.0.9.1' });
    for (let i = 0; i < 30; i++) expect((await query()).statusCode).toBe(404);
    const refused = await query();
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('value="QHX-2026-00001"');
    expect(refused.body).toContain('请于2026年3月10日17:10后再查询');
    at('2026-03-10T09:10:00Z');
    expect((await query()).statusCode).toBe(404);
  });
  it('the receipt is shown again for an hour only, and a form older than its 12 hours is not answered with it', async () => {
    at('2026-03-11T02:00:00Z');
    const token = await formToken();
    at('2026-03-11T02:01:00Z');
    const payload = { formToken: token, website: '', ...applicantInput() };
    const sent = await apply(payload, '10.0.10.1');
    const first = await receiptOf(sent);
    at('2026-03-11T03:02:00Z');
    const late = await app.inject({ url: first.location, cookies: first.cookies });
    expect(late.body).not.toContain('id="query-code"');
    expect(late.body).toContain('提交后1小时内显示');
    const before = await count();
    at('2026-03-11T14:02:00Z');
    const stale = await apply(payload, '10.0.10.1');
    expect(stale.statusCode).toBe(400);
    expect(stale.body).toContain('表单已过期');
    expect(stale.body).not.toContain(first.queryCode!);
    expect(await count()).toBe(before);
  });
});

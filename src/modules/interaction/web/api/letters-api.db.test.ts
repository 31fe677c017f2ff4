import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createActor, createOrgan, createStaff } from '../../../../../test/support/factories.ts';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { createApiToken } from '../../../identity/index.ts';
import type { Organ } from '../../../catalog/index.ts';
import { updateLetterSettings } from '../../index.ts';

describeEachDialect('the letters API', (db) => {
  let app: FastifyInstance;
  let deps: AppDeps;
  let organ: Organ;
  let other: Organ;
  let token: string;
  let outsider: string;

  beforeAll(async () => {
    const built = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    app = built.app;
    deps = built.deps;
    organ = await createOrgan(deps);
    other = await createOrgan(deps);
    const clerk = await createStaff(deps, organ.code, 'editor');
    const stranger = await createStaff(deps, other.code, 'editor');
    token = await createApiToken(deps, clerk.username, 'test');
    outsider = await createApiToken(deps, stranger.username, 'test');
  });
  afterAll(async () => app?.close());

  const body = { type: 'suggest', subject: '增设公交站', content: '建议在城东增设公交站点。', writerName: '李四', contact: 'lisi@example.com', publishConsent: true };
  const write = (key: string, payload: Record<string, unknown> = body) =>
    app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/letters`, headers: { 'idempotency-key': key }, payload });

  it('makes one letter of repeated and simultaneous posts with one Idempotency-Key', async () => {
    const [a, b, c] = await Promise.all([write('key-aaaa-0001'), write('key-aaaa-0001'), write('key-aaaa-0001')]);
    expect([a, b, c].map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set([a, b, c].map((r) => r.json().trackingNo)).size).toBe(1);
    const n = await deps.db.selectFrom('letters').select((eb) => eb.fn.countAll<number>().as('n')).where('organ_id', '=', organ.id).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('refuses a letter without a key or with missing fields, naming each field', async () => {
    const noKey = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/letters`, payload: body });
    expect(noKey.statusCode).toBe(400);
    const bad = await write('key-bbbb-0001', { type: 'suggest' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('ERR_LETTER_INVALID_INPUT');
    expect(bad.json().error.reasons.map((r: { field: string }) => r.field).sort()).toEqual(['contact', 'content', 'subject', 'writerName']);
  });

  it('lets staff reply through the API, only on their own organs, and the writer read and rate it', async () => {
    const { trackingNo, queryCode } = (await write('key-cccc-0001')).json();
    const list = await app.inject({ url: `/api/v1/letters?organ=${organ.code}`, headers: { authorization: `Bearer ${token}` } });
    expect(list.statusCode).toBe(200);
    const id = list.json().items.find((l: { trackingNo: string }) => l.trackingNo === trackingNo).id;
    expect(list.json().items[0].dueOn).toBe('2026-03-24');
    expect((await app.inject({ url: `/api/v1/letters?organ=${organ.code}`, headers: { authorization: `Bearer ${outsider}` } })).statusCode).toBe(403);
    const refused = await app.inject({ method: 'POST', url: `/api/v1/letters/${id}/approveReply`, headers: { authorization: `Bearer ${token}` }, payload: {} });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ERR_LETTER_VERB_NOT_ALLOWED');
    const replied = await app.inject({ method: 'POST', url: `/api/v1/letters/${id}/reply`, headers: { authorization: `Bearer ${token}` }, payload: { replyText: '已转交公交公司研究。' } });
    expect(replied.json().state).toBe('replied');
    // 评价意见 is optional, but one of emoji or punctuation only says nothing: refused at its field, the letter still unrated.
    const junk = await app.inject({ method: 'POST', url: '/api/v1/letters/rate', payload: { trackingNo, queryCode, rating: 'satisfied', comment: '👍👍👍' } });
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error).toMatchObject({ code: 'ERR_LETTER_INVALID_INPUT', field: 'comment', message: '评价意见应含有汉字、字母或数字，不能只填标点、空格或表情符号' });
    const rated = await app.inject({ method: 'POST', url: '/api/v1/letters/rate', payload: { trackingNo, queryCode, rating: 'satisfied' } });
    expect(rated.json()).toMatchObject({ rating: 'satisfied', replyText: '已转交公交公司研究。' });
    const pub = await app.inject({ url: `/api/v1/organs/${organ.code}/letters` });
    expect(pub.json().items.map((l: { writer: string }) => l.writer)).toContain('李**');
  });

  it('takes a published letter off the portal with a reason and puts it back, refusing each when it does not apply', async () => {
    const sent = await write('key-withdraw-0001', { ...body, subject: '撤下公开测试' });
    const id = (await app.inject({ url: `/api/v1/letters?organ=${organ.code}`, headers: { authorization: `Bearer ${token}` } })).json()
      .items.find((l: { trackingNo: string }) => l.trackingNo === sent.json().trackingNo).id;
    const verb = (name: string, payload: Record<string, unknown> = {}) => app.inject({ method: 'POST', url: `/api/v1/letters/${id}/${name}`, headers: { authorization: `Bearer ${token}` }, payload });
    await verb('reply', { replyText: '已研究。' });
    const onPortal = () => app.inject({ url: `/api/v1/organs/${organ.code}/letters/${id}` });
    expect((await onPortal()).statusCode).toBe(200);
    const again = await verb('republish');
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'ERR_LETTER_NOT_WITHDRAWN']);
    const noReason = await verb('withdrawPublication', { reason: '' });
    expect([noReason.statusCode, noReason.json().error.code]).toEqual([400, 'ERR_LETTER_REASON_REQUIRED']);
    const off = await verb('withdrawPublication', { reason: '来信人要求' });
    expect(off.json()).toMatchObject({ state: 'replied', publicationWithdrawnReason: '来信人要求' });
    expect((await onPortal()).statusCode).toBe(404);
    const twice = await verb('withdrawPublication', { reason: '再撤' });
    expect([twice.statusCode, twice.json().error.message]).toEqual([409, '这件来信已撤下公开（理由：来信人要求）']);
    expect((await verb('republish')).json().publicationWithdrawnReason).toBeNull();
    expect((await onPortal()).statusCode).toBe(200);
  });

  it('refuses the drafter\'s approval of their own reply with a stable code and the reason in Chinese', async () => {
    const reviewed = await createOrgan(deps);
    const admin = await createActor(deps, reviewed.code, 'organ_admin');
    await updateLetterSettings(deps, admin.actor, reviewed.id, { consultDays: '5', suggestDays: '10', complainDays: '15', otherDays: '10', replyReview: 'yes' });
    const drafter = await createApiToken(deps, (await createStaff(deps, reviewed.code, 'editor')).username, 'test');
    const sent = await app.inject({ method: 'POST', url: `/api/v1/organs/${reviewed.code}/letters`, headers: { 'idempotency-key': 'key-review-0001' }, payload: body });
    const id = (await app.inject({ url: `/api/v1/letters?organ=${reviewed.code}`, headers: { authorization: `Bearer ${drafter}` } })).json().items
      .find((l: { trackingNo: string }) => l.trackingNo === sent.json().trackingNo).id;
    const replied = await app.inject({ method: 'POST', url: `/api/v1/letters/${id}/reply`, headers: { authorization: `Bearer ${drafter}` }, payload: { replyText: '已转交公交公司研究。' } });
    expect(replied.json().state).toBe('reply_review');
    const refused = await app.inject({ method: 'POST', url: `/api/v1/letters/${id}/approveReply`, headers: { authorization: `Bearer ${drafter}` }, payload: {} });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'ERR_LETTER_SAME_REVIEWER', message: '答复须由起草人以外的另一名工作人员审核', reasons: [{ code: 'ERR_LETTER_SAME_REVIEWER' }] });
  });

  it('asks a read of the staff list for a token without calling it a write', async () => {
    const res = await app.inject({ url: '/api/v1/letters?organ=any' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('ERR_AUTH_TOKEN_REQUIRED');
    expect(res.json().error.message).not.toContain('写操作');
    expect(res.json().error.message).toContain('API 令牌');
  });

  it('describes the letters API in the OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    for (const p of ['/api/v1/organs/{code}/letters', '/api/v1/letters/status', '/api/v1/letters/rate', '/api/v1/letters', '/api/v1/letters/{id}/{verb}']) expect(Object.keys(doc.paths)).toContain(p);
  });
  it('hands a letter to a unit with 交办意见 and 报送期限, refusing a 报送期限 after the reply due date by its code', async () => {
    const unit = await createOrgan(deps, { kind: 'unit', parentCode: organ.code, name: '公交管理股' });
    const { trackingNo } = (await write('key-unit-0001')).json();
    const list = await app.inject({ url: `/api/v1/letters?organ=${organ.code}&view=all`, headers: { authorization: `Bearer ${token}` } });
    const letter = list.json().items.find((l: { trackingNo: string }) => l.trackingNo === trackingNo);
    const assign = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: `/api/v1/letters/${letter.id}/assign`, headers: { authorization: `Bearer ${token}` }, payload });
    const late = await assign({ unitId: unit.id, reportByOn: '2026-03-25' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('ERR_LETTER_REPORT_BY_AFTER_DUE');
    expect(late.json().error.message).toContain(`晚于来信的答复期限${letter.dueOn}`);
    const ok = await assign({ unitId: unit.id, instructions: '请提出站点设置意见', reportByOn: '2026-03-20' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ unitId: unit.id, unitInstructions: '请提出站点设置意见', unitReportByOn: '2026-03-20' });
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../../test/support/factories.ts';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import type { Organ } from '../../../catalog/index.ts';
import { createApiToken } from '../../../identity/index.ts';

describeEachDialect('the consultations API', (db) => {
  let app: FastifyInstance;
  let deps: AppDeps & { clock: { set(at: string): void } };
  let organ: Organ;
  let token: string;
  let clerk: { username: string; password: string };
  let outsider: string;

  beforeAll(async () => {
    const built = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    app = built.app;
    deps = built.deps as typeof deps;
    organ = await createOrgan(deps);
    const other = await createOrgan(deps);
    clerk = await createStaff(deps, organ.code, 'editor');
    token = await createApiToken(deps, clerk.username, 'test');
    outsider = await createApiToken(deps, (await createStaff(deps, other.code, 'editor')).username, 'test');
  });
  afterAll(async () => app?.close());
  const auth = (t: string) => ({ authorization: `Bearer ${t}` });

  it('opens a draft, takes one comment per Idempotency-Key, shows it once approved, and publishes the feedback after closing', async () => {
    deps.clock.set('2026-03-10T02:00:00Z');
    const draft = { organ: organ.code, title: '征求意见稿', body: '全文', howToComment: '在线提交', startOn: '2026-03-10', endOn: '2026-03-20' };
    expect((await app.inject({ method: 'POST', url: '/api/v1/consultations', payload: draft })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/v1/consultations', headers: auth(outsider), payload: draft })).json().error.code).toBe('ERR_AUTH_FORBIDDEN');
    const opened = await app.inject({ method: 'POST', url: '/api/v1/consultations', headers: auth(token), payload: draft });
    expect(opened.statusCode).toBe(201);
    const c = opened.json();
    expect(c).toMatchObject({ phase: 'open', feedbackDueOn: '2026-04-13' });

    const post = () => app.inject({ method: 'POST', url: `/api/v1/consultations/${c.id}/comments`, headers: { 'idempotency-key': 'comment-key-0001' }, payload: { authorName: '李四', content: '邮箱lisi@example.com，建议延长征求期。' } });
    const [a, b] = await Promise.all([post(), post()]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().commentId).toBe(b.json().commentId);
    const pub = () => app.inject({ method: 'GET', url: `/api/v1/organs/${organ.code}/consultations/${c.id}` });
    expect((await pub()).json().comments).toEqual([]);
    const staff = (await app.inject({ method: 'GET', url: `/api/v1/consultations/${c.id}`, headers: auth(token) })).json();
    expect(staff.comments).toMatchObject([{ state: 'pending', flagged: true }]);
    const mod = await app.inject({ method: 'POST', url: `/api/v1/comments/${a.json().commentId}/moderate`, headers: auth(token), payload: { decision: 'approve' } });
    expect(mod.statusCode).toBe(200);
    const shown = (await pub()).json().comments;
    expect(shown).toHaveLength(1);
    expect(shown[0].authorName).toBe('李**'); // as the mailbox writes names: two stars whatever the length
    expect(shown[0].content).not.toContain('lisi@example.com');

    const early = await app.inject({ method: 'POST', url: `/api/v1/consultations/${c.id}/feedback`, headers: auth(token), payload: { received: 1, adopted: '采纳', notAdopted: '无' } });
    expect(early.json().error.code).toBe('ERR_CONSULTATION_VERB_NOT_ALLOWED');
    deps.clock.set('2026-03-23T02:00:00Z');
    const fb = await app.inject({ method: 'POST', url: `/api/v1/consultations/${c.id}/feedback`, headers: auth(token), payload: { received: 1, adopted: '采纳延长征求期的建议', notAdopted: '无' } });
    expect(fb.statusCode).toBe(200);
    expect((await pub()).json()).toMatchObject({ phase: 'feedback_published', feedback: { received: 1, adopted: '采纳延长征求期的建议' } });
    const list = (await app.inject({ method: 'GET', url: `/api/v1/organs/${organ.code}/consultations` })).json();
    expect(list.items.map((i: { id: number }) => i.id)).toContain(c.id);
  });

  it('names the organ in 待办 from the day after the feedback due date until the report is published', async () => {
    deps.clock.set('2026-03-10T02:00:00Z');
    const draft = { organ: organ.code, title: '待反馈的征求意见稿', body: '全文', howToComment: '在线提交', startOn: '2026-03-10', endOn: '2026-03-11' };
    const c = (await app.inject({ method: 'POST', url: '/api/v1/consultations', headers: auth(token), payload: draft })).json();
    expect(c.feedbackDueOn).toBe('2026-04-01');
    const todo = async () => (await app.inject({ url: '/admin/review', cookies: (await loginAs(app, clerk.username, clerk.password)).cookies })).body;
    deps.clock.set('2026-04-01T02:00:00Z');
    expect(await todo()).not.toContain('项意见征集截止已超过 15 个工作日仍未公布反馈情况');
    deps.clock.set('2026-04-02T02:00:00Z');
    expect(await todo()).toContain('1 项意见征集截止已超过 15 个工作日仍未公布反馈情况');
    await app.inject({ method: 'POST', url: `/api/v1/consultations/${c.id}/feedback`, headers: auth(token), payload: { received: 0, adopted: '未收到意见', notAdopted: '' } });
    expect(await todo()).not.toContain('项意见征集截止已超过');
  });
});

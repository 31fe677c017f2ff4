import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { findPublication } from '../../catalog/index.ts';

/** 有效期至 in the officer's form (ADR 0027): optional, a date, not before the 成文日期, shown again on the item's form. */
describeEachDialect('item form: 有效期至', (db) => {
  it('offers the field, refuses a date before the 成文日期 in Chinese with the date kept, and saves and shows a good one', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const officer = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, officer.username, officer.password);
    const blank = (await app.inject({ url: `/admin/organs/${organ.code}/publications/new`, cookies: session.cookies })).body;
    expect(blank).toMatch(/<input[^>]*name="validThroughOn"[^>]*type="date"/);
    const form = { _csrf: session.csrf, title: '关于印发住房租赁补贴暂行办法的通知', formedOn: '2026-12-01', stage: 'decision', nodeIds: String(node), disclosureMode: 'proactive', docType: 'normative_document' };
    const refused = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies: session.cookies, payload: { ...form, validThroughOn: '2026-11-30' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('有效期至（2026-11-30）不能早于成文日期（2026-12-01）');
    expect(refused.body).toMatch(/name="validThroughOn"[^>]*value="2026-11-30"/);
    const saved = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies: session.cookies, payload: { ...form, validThroughOn: '2031-12-31' } });
    expect(saved.statusCode).toBe(303);
    const id = Number(/\/admin\/publications\/(\d+)/.exec(saved.headers.location as string)![1]);
    expect((await findPublication(deps.db, id))!.validThroughOn).toBe('2031-12-31');
    const page = (await app.inject({ url: `/admin/publications/${id}`, cookies: session.cookies })).body;
    expect(page).toMatch(/name="validThroughOn"[^>]*value="2031-12-31"/);
    const none = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies: session.cookies, payload: { ...form, title: '另一份通知', validThroughOn: '' } });
    expect(none.statusCode).toBe(303);
    await app.close();
  });
});

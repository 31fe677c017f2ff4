import { expect, it } from 'vitest';
import { buildTestApp } from '../support/app.ts';
import { describeEachDialect } from '../support/db.ts';
import { seedDemoRegion } from '../../src/main/seed-demo.ts';
import { demoConsultations } from '../../src/demo/index.ts';
import { findPublicConsultation, listPublicConsultations } from '../../src/modules/interaction/index.ts';

/**
 * The demo region had no 意见征集 at any organ, so a visitor could not try it (an outside tester): after
 * the seed the 住建局 has one open to comments from the seed's day and one closed with its comments and
 * 意见采纳情况, opened and answered through the back office's own use cases.
 */
describeEachDialect('the demo 住建局’s 意见征集', (db) => {
  it('has one consultation open for comments and one closed with approved comments and a published 意见采纳情况', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-03T02:00:00Z');
    const r = await seedDemoRegion(deps);
    expect(r.consultations).toBe(2);
    // Its own two (the open 征求意见 notices' consultations are test/flows/demo-open-notices.db.test.ts).
    const own = new Set(demoConsultations().map((c) => c.title));
    const list = (await listPublicConsultations(deps, 'qlx-zjj')).items.filter((c) => own.has(c.title));
    expect(list.map((c) => c.phase)).toEqual(['open', 'feedback_published']);
    const [open, closed] = list;
    expect(open.startOn).toBe('2026-12-03');
    expect(open.title).toContain('既有住宅加装电梯实施办法');

    const page = (await app.inject(`/organs/qlx-zjj/consultations/${open.id}`)).body;
    expect(page).toContain('name="formToken"');
    expect(page).toContain('href="tel:05645022106"');
    expect(page).toContain('href="mailto:qlxzjj@example.gov.cn"');

    const done = await findPublicConsultation(deps, 'qlx-zjj', closed.id);
    expect(done.comments.map((c) => c.authorName)).toEqual(expect.arrayContaining(['王**', '李**', '匿名']));
    expect(done.feedbackPublishedOn).toBe('2026-09-25');
    expect(done.feedbackReceived).toBe(5);
    expect((await app.inject(`/organs/qlx-zjj/consultations/${closed.id}`)).body).toContain('未采纳的意见及理由');
    await app.close();
  }, 120_000);
});

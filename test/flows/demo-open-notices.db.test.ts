import { expect, it } from 'vitest';
import { buildTestApp } from '../support/app.ts';
import { describeEachDialect } from '../support/db.ts';
import { seedDemo, seedDemoConsultations, seedDemoNoticeConsultations } from '../../src/main/seed-demo.ts';
import { listPublicConsultations } from '../../src/modules/interaction/index.ts';

/**
 * An outside tester: the demo's open 征求意见 notices (关于公开征求《…（征求意见稿）》意见的公告, open 30 days from
 * publication) told readers to comment online in the 意见征集 栏目, but no 意见征集 of theirs was open and the
 * notice linked to none. Each notice still open on the seed's day has its 意见征集 open at its organ, the notice
 * links that consultation and the consultation's page links the notice back.
 */
describeEachDialect('the demo’s open 征求意见 notices', (db) => {
  it('each open notice has its 意见征集 open on the platform, and the two pages link each other', async () => {
    const today = '2026-12-03';
    const { app, deps } = await buildTestApp(db(), `${today}T02:00:00Z`);
    await seedDemo(deps);
    await seedDemoConsultations(deps);
    expect(await seedDemoNoticeConsultations(deps)).toBeGreaterThan(0);
    const notices = await deps.db.selectFrom('publications as p').innerJoin('organs as o', 'o.id', 'p.organ_id')
      .select(['p.id', 'p.title', 'p.published_on', 'o.code'])
      .where('p.title', 'like', '关于公开征求《%（征求意见稿）》意见的公告').where('p.published_on', '>', '2026-11-03').orderBy('p.id').execute();
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.map((n) => n.code)).toContain('qlx-zjj');
    for (const n of notices) {
      const open = (await listPublicConsultations(deps, n.code)).items.filter((c) => c.title === n.title);
      expect(open, n.title).toHaveLength(1);
      expect(open[0].phase).toBe('open');
      expect(open[0].startOn).toBe(n.published_on);
      const consultationPath = `/organs/${n.code}/consultations/${open[0].id}`;
      const item = (await app.inject(`/organs/${n.code}/items/${n.id}`)).body;
      expect(item, n.title).toContain(`href="${consultationPath}"`);
      const page = await app.inject(consultationPath);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('name="formToken"');
      expect(page.body, n.title).toContain(`href="/organs/${n.code}/items/${n.id}"`);
    }
    await app.close();
  }, 180_000);
});

import { expect, it } from 'vitest';
import { buildTestApp } from '../support/app.ts';
import { describeEachDialect } from '../support/db.ts';
import { seedDemo } from '../../src/main/seed-demo.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

/**
 * The demo's 已修改 documents named no amender: the portal said 本文件已修改。 with nothing to follow, where real data
 * names the decision (关于修改《…》的决定) an officer records with 标记已修改 (ADR 0026). The seed now records each
 * demo amendment, so the amended page links its decision and the decision's page links back.
 */
describeEachDialect('the demo’s amended documents', (db) => {
  it('each 已修改 item names and links the decision that amended it, and the decision names it back', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    await seedDemo(deps);
    const amended = await deps.db.selectFrom('publications as p').innerJoin('organs as o', 'o.id', 'p.organ_id')
      .select(['p.id', 'p.title', 'o.code']).where('p.validity', '=', 'amended').execute();
    expect(amended.length).toBeGreaterThan(0);
    for (const a of amended) {
      const rows = await deps.db.selectFrom('publication_amendments as m').innerJoin('publications as d', 'd.id', 'm.amending_id')
        .select(['d.id', 'd.title', 'd.document_number', 'd.status']).where('m.amended_id', '=', a.id).execute();
      expect(rows.length, a.title).toBeGreaterThan(0);
      const decision = rows[0];
      expect(decision.status).toBe('published');
      const page = (await app.inject(`/organs/${a.code}/items/${a.id}`)).body;
      expect(page).toContain(`href="/organs/${a.code}/items/${decision.id}"`);
      expect(text(page)).toContain('本文件已被《');
      expect(text(page)).toContain(`${decision.document_number}`);
      expect(text(page)).not.toContain('本文件已修改。');
      const back = text((await app.inject(`/organs/${a.code}/items/${decision.id}`)).body);
      expect(back).toContain('本文件修改了《');
    }
    await app.close();
  }, 120_000); // the whole demo catalog seeded
});

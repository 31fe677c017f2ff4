import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';

/** What the staff context tells a unit's staff who ask for an organ's applications, letters, consultations or proposals (条例第二十七条). */
describeEachDialect('the staff context’s refusals to internal units', (db) => {
  it('explains that internal units handle none of them, with or without the organ named, and names 意见征集 too', async () => {
    const { app, deps } = await buildTestApp(db());
    const bureau = await createOrgan(deps);
    const unit = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit' });
    const clerk = await createStaff(deps, unit.code, 'unit_head');
    const s = await loginAs(app, clerk.username, clerk.password);
    for (const area of ['/admin/applications', '/admin/letters', '/admin/consultations', '/admin/proposals']) {
      for (const url of [area, `${area}?organ=${bureau.code}`]) {
        const res = await app.inject({ url, cookies: s.cookies });
        expect(res.statusCode, url).toBe(403);
        expect(res.body, url).toContain('下属单位不单独办理依申请公开、部门信箱、意见征集和建议提案');
      }
    }
    // Someone from another organ altogether is told only that the organ is not theirs.
    const other = await createOrgan(deps);
    const stranger = await createStaff(deps, other.code, 'editor');
    const t = await loginAs(app, stranger.username, stranger.password);
    const res = await app.inject({ url: `/admin/consultations?organ=${bureau.code}`, cookies: t.cookies });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('您没有办理该机关事项的权限');
    expect(res.body).not.toContain('内设机构');
    await app.close();
  });
});

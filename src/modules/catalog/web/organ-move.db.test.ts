import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { createApiToken } from '../../identity/index.ts';
import { findOrganByCode } from '../storage/organs-repository.ts';

// Issue 10: an organ admin moved their organ under another organ and so gained rights over it.
describeEachDialect('moving an organ to another parent', (db) => {
  async function world() {
    const { app, deps } = await buildTestApp(db());
    const county = await createOrgan(deps);
    const a = await createOrgan(deps, { parentCode: county.code, name: '测试县财政局' });
    const b = await createOrgan(deps, { parentCode: county.code, name: '测试县住建局' });
    const bAdmin = await createStaff(deps, b.code, 'organ_admin');
    return { app, deps, county, a, b, bAdmin };
  }
  const parentOf = async (w: Awaited<ReturnType<typeof world>>, code: string) => (await findOrganByCode(w.deps.db, code))!.parentId;

  it('refuses through the API when the organ admin has no rights on the old and the new parent, changing nothing', async () => {
    const w = await world();
    const authorization = `Bearer ${await createApiToken(w.deps, w.bAdmin.username, 'test')}`;
    const res = await w.app.inject({ method: 'PATCH', url: `/api/v1/organs/${w.b.code}`, headers: { authorization }, payload: { kind: 'unit', parentCode: w.a.code } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'ERR_CATALOG_ORGAN_MOVE_FORBIDDEN', field: 'parentCode' });
    expect(res.json().error.message).toContain('系统管理员');
    const kindOnly = await w.app.inject({ method: 'PATCH', url: `/api/v1/organs/${w.b.code}`, headers: { authorization }, payload: { kind: 'unit' } });
    expect(kindOnly.statusCode).toBe(403);
    expect(kindOnly.json().error.code).toBe('ERR_CATALOG_ORGAN_MOVE_FORBIDDEN');
    const after = (await findOrganByCode(w.deps.db, w.b.code))!;
    expect(after.parentId).toBe(w.county.id);
    expect(after.kind).toBe('department');
    // The rest of the organ's settings stay the admin's to change.
    const address = await w.app.inject({ method: 'PATCH', url: `/api/v1/organs/${w.b.code}`, headers: { authorization }, payload: { address: '人民路 2 号' } });
    expect(address.statusCode).toBe(200);
    await w.app.close();
  });

  it('refuses through the back-office edit form with the reason in Chinese', async () => {
    const w = await world();
    const { cookies, csrf } = await loginAs(w.app, w.bAdmin.username, w.bAdmin.password);
    const form = await w.app.inject({ url: `/admin/organs/${w.b.code}/edit`, cookies });
    expect(form.body).toContain('更改机关类型或上级机关，须同时具有原上级机关和新上级机关的管理权限');
    const res = await w.app.inject({
      method: 'POST', url: `/admin/organs/${w.b.code}/edit`, cookies,
      payload: { _csrf: csrf, name: w.b.name, kind: 'unit', parentCode: w.a.code, creditCode: w.b.creditCode },
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('须同时具有原上级机关和新上级机关的管理权限');
    expect(await parentOf(w, w.b.code)).toBe(w.county.id);
    await w.app.close();
  });

  it('lets the system administrator move it, and audits the move with the old and the new parent', async () => {
    const w = await world();
    const sysadmin = await createStaff(w.deps, w.county.code, 'system_admin');
    const authorization = `Bearer ${await createApiToken(w.deps, sysadmin.username, 'test')}`;
    const res = await w.app.inject({ method: 'PATCH', url: `/api/v1/organs/${w.b.code}`, headers: { authorization }, payload: { kind: 'unit', parentCode: w.a.code } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'unit', parentCode: w.a.code });
    const events = await w.deps.db.selectFrom('audit_events').select(['action', 'before_json', 'after_json']).where('entity_type', '=', 'organ').where('entity_id', '=', String(w.b.id)).where('action', '=', 'organ.move').execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].before_json!)).toMatchObject({ kind: 'department', parentCode: w.county.code });
    expect(JSON.parse(events[0].after_json!)).toMatchObject({ kind: 'unit', parentCode: w.a.code });
    await w.app.close();
  });
});

import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createActor, createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';
import { removeCatalogNode } from '../../catalog/index.ts';
import { nodeCadences, setNodeSupervision } from '../index.ts';

describeEachDialect('node cadence and responsible unit', (db) => {
  async function world(at = '2026-03-10T02:00:00Z') {
    const deps = buildDeps(db(), at);
    const organ = await createOrgan(deps);
    const unit = await createOrgan(deps, { kind: 'unit', parentCode: organ.code, name: `办公室${organ.id}` });
    const news = await createNode(deps, organ.id, { name: '工作动态' });
    const policy = await createNode(deps, organ.id, { name: '政策文件' });
    const normative = await createNode(deps, organ.id, { name: '规范性文件', parentId: policy });
    const institution = await createNode(deps, organ.id, { name: '机构职能' });
    return { deps, organ, unit, news, policy, normative, institution };
  }

  it('gives every node its inspection-class default and says how late it is on a fixed clock', async () => {
    const { deps, organ, news, policy, normative, institution } = await world('2026-02-20T02:00:00Z');
    await createPublished(deps, organ.id, [news], { formedOn: '2026-02-18' }); // published 2026-02-20 (China date of the clock)
    await createPublished(deps, organ.id, [normative], { formedOn: '2026-02-18' });
    deps.clock.set('2026-03-08T02:00:00Z'); // 16 days later: due 03-06, 2 days late
    const rows = new Map((await nodeCadences(deps.db, organ.id, deps.clock.now())).map((r) => [r.node.id, r]));
    expect(rows.get(news)).toMatchObject({ cadence: 'biweekly', cadenceSource: 'default', inspectionClass: 'news', lastUpdatedOn: '2026-02-20', freshness: { state: 'stale', dueOn: '2026-03-06', daysLate: 2 } });
    // A column counts as updated when one of its sub-columns is.
    expect(rows.get(policy)).toMatchObject({ cadence: 'half_yearly', depth: 0, lastUpdatedOn: '2026-02-20', freshness: { state: 'fresh', dueOn: '2026-08-20' } });
    expect(rows.get(normative)).toMatchObject({ cadence: 'half_yearly', depth: 1 });
    expect(rows.get(institution)).toMatchObject({ cadence: 'static', freshness: { state: 'empty' }, responsibleUnit: null });
  });

  it('lets the disclosure office name the unit and cadence, return to the default, and nobody else', async () => {
    const { deps, organ, unit, news, institution } = await world();
    const office = await createActor(deps, organ.code, 'disclosure_office');
    const editor = await createActor(deps, organ.code, 'editor');
    await setNodeSupervision(deps, office.actor, news, { unitCode: unit.code, cadence: 'monthly' });
    let row = (await nodeCadences(deps.db, organ.id, deps.clock.now())).find((r) => r.node.id === news)!;
    expect(row).toMatchObject({ cadence: 'monthly', cadenceSource: 'set', defaultCadence: 'biweekly', responsibleUnit: { id: unit.id } });
    await setNodeSupervision(deps, office.actor, news, { unitCode: unit.code, cadence: '' });
    row = (await nodeCadences(deps.db, organ.id, deps.clock.now())).find((r) => r.node.id === news)!;
    expect(row).toMatchObject({ cadence: 'biweekly', cadenceSource: 'default', responsibleUnit: { id: unit.id } });

    await expect(setNodeSupervision(deps, editor.actor, institution, { cadence: 'yearly' })).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN', httpStatus: 403 });
    const stranger = await createOrgan(deps);
    await expect(setNodeSupervision(deps, office.actor, institution, { unitCode: stranger.code })).rejects.toMatchObject({ code: 'ERR_SUPERVISION_UNIT_INVALID', field: 'unitCode' });
    await expect(setNodeSupervision(deps, office.actor, institution, { cadence: 'weekly' })).rejects.toMatchObject({ name: 'ZodError' });
    await expect(setNodeSupervision(deps, office.actor, 999_999, { cadence: 'yearly' })).rejects.toMatchObject({ code: 'ERR_SUPERVISION_NODE_NOT_FOUND', httpStatus: 404 });
    // Refused changes left nothing behind.
    expect((await nodeCadences(deps.db, organ.id, deps.clock.now())).find((r) => r.node.id === institution)).toMatchObject({ cadenceSource: 'default', responsibleUnit: null });
    // Removing a node removes its setting with it.
    const spare = await createNode(deps, organ.id, { name: '临时栏目' });
    await setNodeSupervision(deps, office.actor, spare, { cadence: 'quarterly' });
    await removeCatalogNode(deps, (await createActor(deps, organ.code, 'organ_admin')).actor, spare);
    expect(await deps.db.selectFrom('node_supervision').select('node_id').where('node_id', '=', spare).execute()).toEqual([]);
  });

  it('shows the list to the organ’s staff and the form to the disclosure office, keeping what was typed on an error', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const unit = await createOrgan(deps, { kind: 'unit', parentCode: organ.code, name: `村镇建设股${organ.id}` });
      const news = await createNode(deps, organ.id, { name: '工作动态' });
      const officeStaff = await createStaff(deps, organ.code, 'disclosure_office');
      const editorStaff = await createStaff(deps, organ.code, 'editor');
      const outsider = await createStaff(deps, (await createOrgan(deps)).code, 'disclosure_office');

      const office = await loginAs(app, officeStaff.username, officeStaff.password);
      const list = await app.inject({ method: 'GET', url: `/admin/organs/${organ.code}/supervision/nodes`, cookies: office.cookies });
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('每两周（默认）');
      expect(list.body).toContain('空白栏目');
      const url = `/admin/organs/${organ.code}/supervision/nodes/${news}`;
      const bad = await app.inject({ method: 'POST', url, cookies: office.cookies, payload: { _csrf: office.csrf, unitCode: unit.code, cadence: 'weekly' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('更新周期应为');
      expect(bad.body).toMatch(new RegExp(`<option value="${unit.code}" selected`));
      const ok = await app.inject({ method: 'POST', url, cookies: office.cookies, payload: { _csrf: office.csrf, unitCode: unit.code, cadence: 'monthly' } });
      expect(ok.statusCode).toBe(303);
      const after = await app.inject({ method: 'GET', url: `/admin/organs/${organ.code}/supervision/nodes`, cookies: office.cookies });
      expect(after.body).toContain(`村镇建设股${organ.id}`);
      expect(after.body).toContain('<td>每月</td>');

      const editor = await loginAs(app, editorStaff.username, editorStaff.password);
      expect((await app.inject({ method: 'GET', url: `/admin/organs/${organ.code}/supervision/nodes`, cookies: editor.cookies })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url, cookies: editor.cookies })).statusCode).toBe(403);
      expect((await app.inject({ method: 'POST', url, cookies: editor.cookies, payload: { _csrf: editor.csrf, cadence: 'yearly' } })).statusCode).toBe(403);
      const other = await loginAs(app, outsider.username, outsider.password);
      expect((await app.inject({ method: 'GET', url: `/admin/organs/${organ.code}/supervision/nodes`, cookies: other.cookies })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});

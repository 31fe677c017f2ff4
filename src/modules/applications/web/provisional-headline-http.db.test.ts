import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff, system } from '../../../../test/support/factories.ts';
import { registerInPerson } from '../testing/application-factories.ts';

describeEachDialect('a provisional deadline on the case page (found by an outside tester)', (db) => {
  it('the headline says （暂定） as the work list and the receipt do', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-15T02:00:00Z');
    const organ = await createOrgan(deps);
    const editor = await createStaff(deps, organ.code, 'editor');
    const e = await loginAs(app, editor.username, editor.password);
    const a = await registerInPerson(deps, system, organ.id, '2026-12-15');
    expect(a.dueProvisional).toBe(true);
    const page = (await app.inject({ url: `/admin/applications/${a.id}`, cookies: e.cookies })).body;
    const headline = /<p id="due-date"[^>]*>([\s\S]*?)<\/p>/.exec(page)![1];
    expect(headline).toContain(`答复期限：${a.dueOn}（含当日）（暂定）`);
    const list = (await app.inject({ url: `/admin/applications?organ=${organ.code}&view=all`, cookies: e.cookies })).body;
    expect(list).toContain('（暂定）');
    await app.close();
  });
});

import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff, system } from '../../../../test/support/factories.ts';
import { upsertSettings } from '../storage/settings-repository.ts';
import { registerInPerson } from '../testing/application-factories.ts';
import { performVerb } from '../use-cases/perform-verb.ts';

describeEachDialect('the work list after a reply (found by an outside tester)', (db) => {
  it('a replied case shows when it was answered, not a running 答复期限; an open one keeps its deadline', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-20T02:00:00Z');
    const organ = await createOrgan(deps);
    await upsertSettings(deps.db, { organId: organ.id, reconsiderationBody: '青岚县人民政府', reconsiderationAddress: '青岚县人民路1号', reconsiderationOnline: '', letterPrefix: '' }, null, '2026-03-20T02:00:00Z');
    const editor = await createStaff(deps, organ.code, 'editor');
    const e = await loginAs(app, editor.username, editor.password);
    const open = await registerInPerson(deps, system, organ.id, '2026-03-02');
    const answered = await registerInPerson(deps, system, organ.id, '2026-03-02');
    await performVerb(deps, system, answered.id, { verb: 'recordReply', outcome: 'disclosed', basisItem: 'disclosable', providedForm: 'electronic', repliedOn: '2026-03-10', text: '随本告知书附项目清单。' });
    const list = (await app.inject({ url: `/admin/applications?organ=${organ.code}&view=all`, cookies: e.cookies })).body;
    const rowOf = (trackingNo: string) => new RegExp(`<tr[^>]*>(?:(?!</tr>).)*${trackingNo}(?:(?!</tr>).)*</tr>`, 's').exec(list)![0];
    expect(rowOf(answered.trackingNo)).toContain('答复于2026-03-10');
    expect(rowOf(answered.trackingNo)).not.toContain('答复期限');
    expect(rowOf(open.trackingNo)).toContain('答复期限：2026-03-30（含当日）');
    await app.close();
  });
});

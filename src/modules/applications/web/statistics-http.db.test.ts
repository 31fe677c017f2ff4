import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff, system } from '../../../../test/support/factories.ts';
import { applicantInput, registerInPerson } from '../testing/application-factories.ts';
import { performVerb } from '../use-cases/perform-verb.ts';
import { registerApplication } from '../use-cases/register-application.ts';

describeEachDialect('statistics by channel', (db) => {
  it('counts the year\'s received applications per channel and outcome group, as a table and as XLSX', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-20T02:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    const organ = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局' });
    const staff = await createStaff(deps, organ.code, 'editor');
    const s = await loginAs(app, staff.username, staff.password);

    const counter = await registerInPerson(deps, system, organ.id, '2026-03-02');
    await performVerb(deps, system, counter.id, { verb: 'recordReply', outcome: 'disclosed', basisItem: 'disclosable', providedForm: 'electronic', repliedOn: '2026-03-10', text: '答复。' });
    await registerInPerson(deps, system, organ.id, '2026-03-03');
    const mail = await registerApplication(deps, system, organ.id, { channel: 'post_signed', arrivedOn: '2026-03-04', receiptEvidence: 'EMS1', ...applicantInput() });
    await performVerb(deps, system, mail.application.id, { verb: 'recordReply', outcome: 'unable.not_held', basisItem: 'not_exist', repliedOn: '2026-03-12', text: '经检索不存在。' });
    await registerApplication(deps, system, organ.id, { channel: 'email', arrivedOn: '2026-03-05', ...applicantInput() }); // never confirmed: not received
    await registerInPerson(deps, system, organ.id, '2025-12-30'); // another year

    const page = await app.inject({ url: `/admin/applications/statistics?organ=${organ.code}&year=2026`, cookies: s.cookies });
    expect(page.statusCode).toBe(200);
    const row = (label: string) => new RegExp(`<th scope="row">${label}</th>((?:<td>\\d+</td>)+)`).exec(page.body)?.[1].match(/\d+/g)?.map(Number);
    // columns: received, 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理, 尚未办结
    expect(row('当面提交')).toEqual([2, 1, 0, 0, 0, 0, 0, 1]);
    expect(row('邮寄（需签收）')).toEqual([1, 0, 0, 0, 1, 0, 0, 0]);
    expect(row('合计')).toEqual([3, 1, 0, 0, 1, 0, 0, 1]);
    expect(page.body).not.toContain('<th scope="row">电子邮件</th><td>1');

    const xlsx = await app.inject({ url: `/admin/applications/statistics?organ=${organ.code}&year=2026&format=xlsx`, cookies: s.cookies });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="statistics-${organ.code}-2026.xlsx"`);
    const sheet = strFromU8(unzipSync(new Uint8Array(xlsx.rawPayload))['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('当面提交');
    expect(sheet).toContain('<v>2</v>');
    expect((await app.inject({ url: `/admin/applications/statistics?organ=${organ.code}&year=20x6`, cookies: s.cookies })).statusCode).toBe(400);
    await app.close();
  });
});

import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { flashToldAt } from '../../../../test/support/placed-flash.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff, system } from '../../../../test/support/factories.ts';
import { listLetters } from '../storage/letters-repository.ts';
import { registerInPerson } from '../testing/application-factories.ts';
import { performVerb } from '../use-cases/perform-verb.ts';
import { upsertSettings } from '../storage/settings-repository.ts';

describeEachDialect('letters over HTTP: the organ settings, service records and the periods they start', (db) => {
  it('the administrator names the reconsideration body; staff record a reply\'s service and see the periods', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-20T02:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    const organ = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局' });
    const head = await createStaff(deps, organ.code, 'organ_admin');
    const editor = await createStaff(deps, organ.code, 'editor');
    const h = await loginAs(app, head.username, head.password);
    const e = await loginAs(app, editor.username, editor.password);

    const url = `/admin/organs/${organ.code}/application-settings`;
    expect((await app.inject({ url, cookies: e.cookies })).body).toContain('只有本机关管理员可以修改设置');
    const bad = await app.inject({ method: 'POST', url, cookies: h.cookies, payload: { _csrf: h.csrf, reconsiderationBody: '', reconsiderationAddress: '人民路1号', letterPrefix: '岚建 公开' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('请同时填写复议机关名称');
    expect(bad.body).toContain('机关代字');
    expect((await app.inject({ method: 'POST', url, cookies: e.cookies, payload: { _csrf: e.csrf, reconsiderationBody: '青岚县人民政府' } })).statusCode).toBe(403);
    const saved = await app.inject({ method: 'POST', url, cookies: h.cookies, payload: { _csrf: h.csrf, reconsiderationBody: '青岚县人民政府', reconsiderationAddress: '青岚县人民路1号', reconsiderationOnline: '', letterPrefix: '岚建公开' } });
    expect(saved.statusCode).toBe(303);

    const a = await registerInPerson(deps, system, organ.id, '2026-03-02');
    await performVerb(deps, system, a.id, { verb: 'recordReply', outcome: 'disclosed', basisItem: 'disclosable', providedForm: 'electronic', repliedOn: '2026-03-10', text: '随本告知书附项目清单。' });
    const reply = (await listLetters(deps.db, a.id)).find((l) => l.kind === 'reply')!;
    expect(reply.letterNo).toBe('岚建公开〔2026〕第2号');
    const post = (payload: Record<string, string>) =>
      app.inject({ method: 'POST', url: `/admin/applications/${a.id}/letters/${reply.id}/service`, cookies: e.cookies, payload: { _csrf: e.csrf, ...payload } });
    const refused = await post({ servedOn: '2026-03-12', method: 'post', ref: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('请填写送达凭证');
    expect((await post({ servedOn: '2026-03-12', method: 'post', ref: 'EMS1234567890' })).statusCode).toBe(303);
    const page = await app.inject({ url: `/admin/applications/${a.id}`, cookies: e.cookies });
    expect(page.body).toContain('岚建公开〔2026〕第2号');
    expect(page.body).toContain('2026-03-12送达');
    expect(page.body).toContain('申请行政复议至2026-05-11');
    expect(page.body).toContain('起诉至2026-09-14');

    // 条例第四十四条: a case is flagged with a reason, or the form comes back saying why not.
    const flag = (reason: string) => app.inject({ method: 'POST', url: `/admin/applications/${a.id}/proactive`, cookies: e.cookies, payload: { _csrf: e.csrf, reason } });
    expect((await flashToldAt(app, await flag(''), e, 'proactive')).body).toContain('请写明建议转为主动公开的理由');
    expect((await flag('公众普遍关注')).statusCode).toBe(303);
    expect((await app.inject({ url: `/admin/applications?organ=${organ.code}&view=proactive`, cookies: e.cookies })).body).toContain(a.trackingNo);
    // 办理记录 names each step by what it was: a service and a flag are not a second 登记.
    const timeline = /<ol class="timeline" id="timeline">([\s\S]*?)<\/ol>/.exec((await app.inject({ url: `/admin/applications/${a.id}`, cookies: e.cookies })).body)![1];
    const steps = [...timeline.matchAll(/<\/time> ([^（<]+)（/g)].map((m) => m[1]);
    expect(steps).toEqual(['登记', '答复', '登记送达', '建议转为主动公开']);
    await app.close();
  });

  it('登记送达 starts on the way the applicant asked to receive the information (found by an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-20T02:00:00Z');
    const organ = await createOrgan(deps);
    await upsertSettings(deps.db, { organId: organ.id, reconsiderationBody: '青岚县人民政府', reconsiderationAddress: '青岚县人民路1号', reconsiderationOnline: '', letterPrefix: '' }, null, '2026-03-20T02:00:00Z');
    const editor = await createStaff(deps, organ.code, 'editor');
    const e = await loginAs(app, editor.username, editor.password);
    const methodSelect = async (deliveryMethod: string) => {
      const a = await registerInPerson(deps, system, organ.id, '2026-03-02', { deliveryMethod });
      await performVerb(deps, system, a.id, { verb: 'recordReply', outcome: 'disclosed', basisItem: 'disclosable', providedForm: 'electronic', repliedOn: '2026-03-10', text: '随本告知书附项目清单。' });
      const page = await app.inject({ url: `/admin/applications/${a.id}`, cookies: e.cookies });
      return /<select id="f-sv-\d+-method"[^>]*>(.*?)<\/select>/s.exec(page.body)![1];
    };
    expect(await methodSelect('email')).toMatch(/<option value="email" selected/);
    expect(await methodSelect('post')).toMatch(/<option value="post" selected/);
    // 当面领取 is served in person (送达回证).
    expect(await methodSelect('pickup')).toMatch(/<option value="in_person" selected/);
    await app.close();
  });
});

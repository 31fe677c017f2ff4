import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff, system } from '../../../../test/support/factories.ts';
import { flashToldAt } from '../../../../test/support/placed-flash.ts';
import { listLetters } from '../storage/letters-repository.ts';
import { registerInPerson } from '../testing/application-factories.ts';
import { performVerb } from '../use-cases/perform-verb.ts';

/** An organ with its 复议 settings, its administrator signed in, and a case answered with a reply letter. */
async function repliedCase(app: Awaited<ReturnType<typeof buildTestApp>>['app'], deps: Awaited<ReturnType<typeof buildTestApp>>['deps']) {
  const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
  const head = await createStaff(deps, organ.code, 'organ_admin');
  const h = await loginAs(app, head.username, head.password);
  await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/application-settings`, cookies: h.cookies, payload: { _csrf: h.csrf, reconsiderationBody: '青岚县人民政府', reconsiderationAddress: '青岚县人民路1号', reconsiderationOnline: '', letterPrefix: '岚建公开' } });
  const a = await registerInPerson(deps, system, organ.id, '2026-03-02');
  await performVerb(deps, system, a.id, { verb: 'recordReply', outcome: 'disclosed', basisItem: 'disclosable', providedForm: 'electronic', repliedOn: '2026-03-10', text: '随本告知书附项目清单。' });
  const reply = (await listLetters(deps.db, a.id)).find((l) => l.kind === 'reply')!;
  return { organ, h, a, reply };
}

/**
 * A case's 复议或诉讼 (recorded or decided), a letter's 送达 and a saved or restored 文书模板 bring their page back at
 * that section, far below the top on a phone: the outcome is told there (platform/views/flash.tsx).
 */
describeEachDialect('application back-office outcomes told where the page lands', (db) => {
  it('复议或诉讼 under its heading, 送达 under 文书, a template in its own form', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-20T02:00:00Z');
    try {
      const { organ, h, a, reply } = await repliedCase(app, deps);

      const served = await app.inject({ method: 'POST', url: `/admin/applications/${a.id}/letters/${reply.id}/service`, cookies: h.cookies, payload: { _csrf: h.csrf, servedOn: '2026-03-12', method: 'post', ref: 'EMS1234567890' } });
      expect(served.statusCode).toBe(303);
      const service = await flashToldAt(app, served, h, 'h-letters');
      expect(service.text).toBe('已登记送达');
      expect(service.body).toMatch(/<h2 id="h-letters">文书<\/h2><p id="flash-h-letters" class="flash" role="status"/);

      const recorded = await app.inject({ method: 'POST', url: `/admin/applications/${a.id}/appeals`, cookies: h.cookies, payload: { _csrf: h.csrf, kind: 'reconsideration', filedOn: '2026-03-15', caseNo: '青政复〔2026〕5号', body: '青岚县人民政府' } });
      expect(recorded.statusCode).toBe(303);
      const appeal = await flashToldAt(app, recorded, h, 'appeals');
      expect(appeal.text).toMatch(/^已登记复议或诉讼/);
      expect(appeal.body).toMatch(/<h2 id="h-appeals">[^<]*<\/h2><p id="flash-appeals" class="flash" role="status"/);
      const appealId = Number(/action="\/admin\/appeals\/(\d+)\/decide#/.exec(appeal.body)![1]);
      const decided = await app.inject({ method: 'POST', url: `/admin/appeals/${appealId}/decide`, cookies: h.cookies, payload: { _csrf: h.csrf, result: 'upheld', decidedOn: '2026-03-18' } });
      expect(decided.statusCode).toBe(303);
      expect((await flashToldAt(app, decided, h, 'appeals')).text).toBe('已更新复议或诉讼结果');

      const saved = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/letter-templates/fee_notice`, cookies: h.cookies, payload: { _csrf: h.csrf, title: '收费通知', body: '请缴纳{{收费金额}}元' } });
      expect(saved.statusCode).toBe(303);
      const template = await flashToldAt(app, saved, h, 'template-fee_notice');
      expect(template.text).toBe('模板已保存，此后生成的文书使用新的措辞');
      const form = /<form[^>]*id="template-fee_notice"[^>]*>([\s\S]*?)<\/form>/.exec(template.body)?.[1] ?? '';
      expect(form).toContain('id="flash-template-fee_notice"');

      // 恢复默认措辞 lands back at the template it restored, and says so there.
      const restored = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/letter-templates/fee_notice/reset`, cookies: h.cookies, payload: { _csrf: h.csrf } });
      expect(restored.statusCode).toBe(303);
      const reset = await flashToldAt(app, restored, h, 'template-fee_notice');
      expect(reset.text).toBe('已恢复默认措辞');
      expect(/<form[^>]*id="template-fee_notice"[^>]*>([\s\S]*?)<\/form>/.exec(reset.body)?.[1]).toContain('（系统默认措辞）');
    } finally {
      await app.close();
    }
  });
});

/**
 * A refused verb or 重新设置查询码 used to come back as a page rendered at the POST's address, its errors at the top,
 * far from the form (found by an outside tester). A refused verb still comes back rendered (what was typed, perhaps
 * a long 答复内容, is kept), but its form posts to an address ending in #verb-VERB, so the browser opens the answer
 * at the form, which names every reason at its fields; the short resets are redirected to their sections.
 */
describeEachDialect('a refused case action told at its form', (db) => {
  it('a verb at its own form as typed, 重新设置查询码 and 建议转为主动公开 at their sections; nothing changes', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-20T02:00:00Z');
    try {
      const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
      const head = await createStaff(deps, organ.code, 'organ_admin');
      const h = await loginAs(app, head.username, head.password);
      const a = await registerInPerson(deps, system, organ.id, '2026-03-02');

      const page = await app.inject({ url: `/admin/applications/${a.id}`, cookies: h.cookies });
      expect(page.body).toContain(`action="/admin/applications/${a.id}/verbs/recordReply#verb-recordReply"`);
      const typed = '经检索，您申请的信息部分涉及第三方商业秘密，其余部分予以公开。'.repeat(40);
      const reply = await app.inject({ method: 'POST', url: `/admin/applications/${a.id}/verbs/recordReply`, cookies: h.cookies, payload: { _csrf: h.csrf, version: String(a.version), outcome: 'partly_disclosed', repliedOn: '2026-03-20', text: typed } });
      expect(reply.statusCode).toBe(400);
      const form = /<form[^>]*id="verb-recordReply"[^>]*>([\s\S]*?)<\/form>/.exec(reply.body)?.[1] ?? '';
      expect(form).toContain('不予公开');
      expect(form).toContain(typed);
      const row = await deps.db.selectFrom('applications').select(['version', 'state']).where('id', '=', a.id).executeTakeFirstOrThrow();
      expect(row.version).toBe(a.version);

      const code = await app.inject({ method: 'POST', url: `/admin/applications/${a.id}/query-code`, cookies: h.cookies, payload: { _csrf: h.csrf, verifiedBy: '' } });
      expect(code.statusCode).toBe(303);
      const told = await flashToldAt(app, code, h, 'query-code');
      expect(told.body).toMatch(/<h2 id="h-query-code">[^<]*<\/h2><div id="flash-query-code" class="error-summary" role="alert"[^>]*><p><strong>未能重新设置查询码：<\/strong><\/p><ul><li>请写明如何核验了申请人的身份/);

      const flag = await app.inject({ method: 'POST', url: `/admin/applications/${a.id}/proactive`, cookies: h.cookies, payload: { _csrf: h.csrf, reason: '' } });
      expect(flag.statusCode).toBe(303);
      expect((await flashToldAt(app, flag, h, 'proactive')).body).toMatch(/<div id="flash-proactive" class="error-summary" role="alert"[^>]*><p><strong>未能标记：<\/strong><\/p><ul><li>请写明建议转为主动公开的理由/);
    } finally {
      await app.close();
    }
  });
});

/**
 * 送达 and 复议或诉讼 refused came back rendered at the POST's address without a fragment, at the page's top, and the
 * 送达 form lost what was typed (an earlier session). Like a verb's form, each posts to an address ending in its own
 * form's id, and comes back with what was typed kept and the reasons at that form.
 */
describeEachDialect('a refused 送达 or 复议或诉讼 told at its form', (db) => {
  it('each form posts to its own fragment and comes back there as typed', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-20T02:00:00Z');
    try {
      const { organ, h, a, reply } = await repliedCase(app, deps);
      const formWithId = (html: string, id: string) => new RegExp(`<form[^>]*id="${id}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[0] ?? '';

      const page = (await app.inject({ url: `/admin/applications/${a.id}`, cookies: h.cookies })).body;
      expect(formWithId(page, `service-${reply.id}`)).toContain(`action="/admin/applications/${a.id}/letters/${reply.id}/service#service-${reply.id}"`);
      expect(formWithId(page, 'appeal-form')).toContain(`action="/admin/applications/${a.id}/appeals#appeal-form"`);

      const served = await app.inject({ method: 'POST', url: `/admin/applications/${a.id}/letters/${reply.id}/service`, cookies: h.cookies, payload: { _csrf: h.csrf, servedOn: '2026-03-11', method: 'email', ref: '' } });
      expect(served.statusCode).toBe(400);
      const service = formWithId(served.body, `service-${reply.id}`);
      expect(service).toContain('请填写送达凭证');
      expect(service).toContain('value="2026-03-11"');
      expect(service).toMatch(/<option value="email" selected/);

      const recorded = await app.inject({ method: 'POST', url: `/admin/applications/${a.id}/appeals`, cookies: h.cookies, payload: { _csrf: h.csrf, kind: 'reconsideration', filedOn: '2026-03-15', caseNo: '青政复〔2026〕5号', body: '青岚县人民政府' } });
      expect(recorded.statusCode).toBe(303);
      const withAppeal = (await app.inject({ url: `/admin/applications/${a.id}`, cookies: h.cookies })).body;
      const appealId = Number(/action="\/admin\/appeals\/(\d+)\/decide/.exec(withAppeal)![1]);
      expect(formWithId(withAppeal, `appeal-${appealId}`)).toContain(`action="/admin/appeals/${appealId}/decide#appeal-${appealId}"`);
      const decided = await app.inject({ method: 'POST', url: `/admin/appeals/${appealId}/decide`, cookies: h.cookies, payload: { _csrf: h.csrf, result: 'upheld', decidedOn: '2026-03-25' } });
      expect(decided.statusCode).toBe(400);
      const decision = formWithId(decided.body, `appeal-${appealId}`);
      expect(decision).toContain('value="2026-03-25"');
      expect(decision).toContain('class="error-message"');
      // Not put into the form that registers a new one.
      expect(formWithId(decided.body, 'appeal-form')).not.toContain('2026-03-25');
    } finally {
      await app.close();
    }
  });
});

import { expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createReviewCast, publicationInput } from '../../../../test/support/factories.ts';
import { createPublication } from '../../catalog/index.ts';
import { decisionsFor, fillReviewForm, loadForm, performReviewVerb } from '../index.ts';

/**
 * The review page of an item as an outside tester (a county officer) found it: what 应用建议遮盖 did,
 * said where the page lands (under the findings' heading), the 审核记录 as cards on a phone, and the
 * reviewer's comment told to the author of a returned item at the top of its page and in 待办.
 */
describeEachDialect('the review page of an item', (db) => {
  async function submitted(bodyHtml: string) {
    const { app, deps } = await buildTestApp(db(), '2026-03-02T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const p = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { title: '关于幸福小区维修的通知', bodyHtml }));
    await fillReviewForm(deps, cast.author.actor, p.id, { secrecyLevel: 'non_secret', avoidanceNote: '已核对' });
    await performReviewVerb(deps, cast.author.actor, p.id, 'submit');
    return { app, deps, cast, id: p.id };
  }
  /** Posts a form as the signed-in person and follows the redirect with the flash it set, as a browser does. */
  async function postAndFollow(app: FastifyInstance, who: { cookies: Record<string, string>; csrf: string }, url: string, fields: Record<string, string>) {
    const res = await app.inject({
      method: 'POST', url, cookies: who.cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, _csrf: who.csrf }).toString(),
    });
    expect(res.statusCode).toBe(303);
    const flash = res.cookies.find((c) => c.name === 'gk_flash');
    const location = String(res.headers.location);
    const page = await app.inject({ url: location.replace(/#.*$/, ''), cookies: { ...who.cookies, ...(flash ? { gk_flash: flash.value } : {}) } });
    return { location, body: page.body };
  }
  /** The part of the page between the findings' heading and the findings' table. */
  const underScanHeading = (body: string) => body.slice(body.indexOf('id="scan-h"'), body.indexOf('<table class="list cards findings-list"'));

  it('says under the findings’ heading, where 应用建议遮盖 lands, that the mask was applied — and only there', async () => {
    const { app, deps, cast, id } = await submitted('<p>联系人：张三，手机13812345678。</p>');
    const phone = (await loadForm(deps.db, id))!.scanFindings.find((f) => f.type === 'mobile_phone')!;
    const reviewer = await loginAs(app, cast.unitHead.username, cast.unitHead.password);
    const { location, body } = await postAndFollow(app, reviewer, `/admin/publications/${id}/verbs/apply_mask`, { source: phone.source, start: String(phone.start), end: String(phone.end), text: phone.text });
    expect(location).toMatch(/#scan-h$/);
    // What was replaced, where, and by what — never the number it covered (found by an outside tester).
    expect(underScanHeading(body)).toMatch(/<p id="flash-scan-h" class="flash" role="status" tabindex="-1">已将正文中的手机号码遮盖为“138\*\*\*\*5678”，并重新扫描/);
    expect(body.split('已将正文中的手机号码遮盖为').length - 1).toBe(1);
    expect(underScanHeading(body)).not.toContain('13812345678');
  });

  it('tells the author who submits an item with blocking findings that the chain will stop at them (found by an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-02T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const author = await loginAs(app, cast.author.username, cast.author.password);
    const flagged = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { bodyHtml: '<p>联系人：张三，手机13812345678，身份证号110101199003071234。</p>' }));
    const clean = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node]));
    for (const p of [flagged, clean]) await fillReviewForm(deps, cast.author.actor, p.id, { secrecyLevel: 'non_secret', avoidanceNote: '已核对' });
    const blocking = (await postAndFollow(app, author, `/admin/publications/${flagged.id}/verbs/submit`, {})).body;
    const count = (await loadForm(deps.db, flagged.id))!.scanFindings.filter((f) => f.severity === 'block').length;
    expect(count).toBeGreaterThan(0);
    expect(blocking).toContain(`已报送审核。扫描发现须处理的内容 ${count} 处，为 ${count} 处疑似个人信息：审核将停在这里，须由审核人逐处遮盖或记录可以公开的理由（或退回您修改）后才能通过`);
    const plain = (await postAndFollow(app, author, `/admin/publications/${clean.id}/verbs/submit`, {})).body;
    expect(plain).toContain('>已报送审核<');
    expect(plain).not.toContain('审核将停在这里');
  });

  it('says under the findings’ heading why a stale press was refused, as an alert with its reasons, and that the list below is the latest', async () => {
    const { app, deps, cast, id } = await submitted('<p>联系人：张三，手机13812345678。</p>');
    const phone = (await loadForm(deps.db, id))!.scanFindings.find((f) => f.type === 'mobile_phone')!;
    const reviewer = await loginAs(app, cast.unitHead.username, cast.unitHead.password);
    const fields = { source: phone.source, start: String(phone.start), end: String(phone.end), text: phone.text };
    await postAndFollow(app, reviewer, `/admin/publications/${id}/verbs/apply_mask`, fields);
    // The same finding again, from a page left open: the text there is masked now.
    const { body } = await postAndFollow(app, reviewer, `/admin/publications/${id}/verbs/apply_mask`, fields);
    const here = underScanHeading(body);
    expect(here).toMatch(/<div id="flash-scan-h" class="error-summary" role="alert" tabindex="-1">/);
    expect(here).toContain('未能应用建议遮盖');
    expect(here).toMatch(/<li>[^<]*未作任何遮盖[^<]*<\/li>/);
    expect(here).toContain('下方是最新的扫描结果');
    expect(body.split('未能应用建议遮盖').length - 1).toBe(1);
    expect(body).not.toMatch(/<p class="flash" role="status">未能/);
  });

  it('lists the 审核记录 as cards on a phone, each cell named', async () => {
    const { app, cast, id } = await submitted('<p>城区供水管网维修。</p>');
    const reviewer = await loginAs(app, cast.unitHead.username, cast.unitHead.password);
    const page = await app.inject({ url: `/admin/publications/${id}`, cookies: reviewer.cookies });
    const history = page.body.slice(page.body.indexOf('审核记录（电子签名）'));
    expect(history).toMatch(/^[^]*?<table class="list cards review-history">/);
    for (const label of ['时间', '环节', '人员', '操作', '意见', '版本']) expect(history).toContain(`<td data-label="${label}">`);
  });

  it('tells the author of a returned item, beside its status and in 待办, who returned it, when and why', async () => {
    const { app, deps, cast, id } = await submitted('<p>城区供水管网维修。</p>');
    const reviewer = await loginAs(app, cast.unitHead.username, cast.unitHead.password);
    await postAndFollow(app, reviewer, `/admin/publications/${id}/verbs/return_for_changes`, { comment: '请补充停水范围和恢复供水时间' });
    const by = (await decisionsFor(deps.db, id)).at(-1)!.user_label;
    const author = await loginAs(app, cast.author.username, cast.author.password);
    const page = (await app.inject({ url: `/admin/publications/${id}`, cookies: author.cookies })).body;
    const top = page.slice(page.indexOf('<h1>'), page.indexOf('<form method="post" action="/admin/publications/'));
    expect(top).toContain('已退回修改');
    expect(top).toMatch(/id="return-note"/);
    expect(top).toContain('请补充停水范围和恢复供水时间');
    expect(top).toContain(by);
    expect(top).toContain('股室负责人审核');
    expect(top).toContain('2026-03-02 10:00');
    expect(top).toContain('请按意见修改内容后保存，再重新报送审核');
    // The reviewer who returned it sees the return, not the author's instruction (found by an outside tester).
    const seenByReviewer = (await app.inject({ url: `/admin/publications/${id}`, cookies: reviewer.cookies })).body;
    expect(seenByReviewer).toContain('请补充停水范围和恢复供水时间');
    expect(seenByReviewer).not.toContain('请按意见修改内容后保存');
    const inbox = (await app.inject({ url: '/admin/review', cookies: author.cookies })).body;
    const returned = inbox.slice(inbox.indexOf('id="ret-h"'));
    expect(returned).toContain(`href="/admin/publications/${id}"`);
    expect(returned).toContain('请补充停水范围和恢复供水时间');
    expect(returned).toContain(by);
    // The 工作台 counted it as one more 草稿: its reminders now say an item came back, and lead to 待办's list.
    const dashboard = (await app.inject({ url: '/admin', cookies: author.cookies })).body;
    expect(dashboard).toMatch(/<a href="\/admin\/review#ret-h">1 件信息被退回修改，请按审核意见修改后重新报送<\/a>/);
    // On 待办 the list itself says it; the reminder is not said twice.
    expect(inbox).not.toContain('件信息被退回修改');
  });
});

import { expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createReviewCast, publicationInput } from '../../../../test/support/factories.ts';
import { createPublication } from '../../catalog/index.ts';
import { fillReviewForm, loadForm, performReviewVerb } from '../index.ts';

/**
 * The county officer's item on the review page (outside tester, HIGH): 秘密★1年, an ID number, a mobile
 * number and a home address under a 保密审查表 saying 非密 and 不涉及个人信息.
 */
describeEachDialect('the review page of an item with a 密级标志 and personal data', (db) => {
  async function submitted(bodyHtml: string) {
    const { app, deps } = await buildTestApp(db(), '2026-03-02T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const p = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { bodyHtml }));
    await fillReviewForm(deps, cast.author.actor, p.id, { secrecyLevel: 'non_secret', involvesPersonalInfo: false, avoidanceNote: '不涉及' });
    await performReviewVerb(deps, cast.author.actor, p.id, 'submit');
    return { app, deps, cast, id: p.id };
  }
  const stageOf = async (deps: { db: Awaited<ReturnType<typeof buildTestApp>>['deps']['db'] }, id: number) =>
    (await deps.db.selectFrom('publications').select('review_stage').where('id', '=', id).executeTakeFirstOrThrow()).review_stage;
  async function post(app: FastifyInstance, who: { cookies: Record<string, string>; csrf: string }, url: string, fields: Record<string, string>) {
    const res = await app.inject({
      method: 'POST', url, cookies: who.cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, _csrf: who.csrf }).toString(),
    });
    expect(res.statusCode).toBe(303);
    const flash = res.cookies.find((c) => c.name === 'gk_flash');
    return (await app.inject({ url: String(res.headers.location).replace(/#.*$/, ''), cookies: { ...who.cookies, ...(flash ? { gk_flash: flash.value } : {}) } })).body;
  }

  it('warns that the form contradicts the scan, offers no mask and no 审核通过 for the marking, and refuses the press', async () => {
    const { app, deps, cast, id } = await submitted('<p>秘密★1年</p><p>补助对象张某，手机13912345678，住幸福小区3栋2单元501室。</p>');
    const reviewer = await loginAs(app, cast.unitHead.username, cast.unitHead.password);
    const page = (await app.inject({ url: `/admin/publications/${id}`, cookies: reviewer.cookies })).body;
    expect(page).toContain('保密审查表填写为“非密”，但扫描发现 1 处密级标志');
    expect(page).toContain('保密审查表填写为“不涉及个人信息”，但扫描发现 2 处疑似个人信息');
    // 建议处理 and the marked-up body do not suggest stars for a marking (LOW).
    const marking = /<tr class="finding-block"><td data-label="位置"><a href="#finding-1">正文<\/a><\/td><td data-label="类型">密级标志<\/td>.*?<\/tr>/.exec(page)?.[0] ?? '';
    expect(marking).not.toBe('');
    expect(marking).not.toContain('*****');
    expect(marking).toContain('不能以遮盖处理');
    expect(page).not.toContain('〔密级标志 → *****');
    expect(page).toContain('〔密级标志 → 不能遮盖，须解密或由起草人修改〕');
    expect(page).not.toContain('>审核通过</button>');
    const refused = await post(app, reviewer, `/admin/publications/${id}/verbs/approve`, { comment: '经核实无问题', scanJustification: '经核实无问题' });
    expect(refused).toContain('密级标志不能以遮盖处理，也不能由审核人说明理由放行');
    expect((await stageOf(deps, id))).toBe(0);
  });

  it('asks a reason for each blocking finding and passes once each is given', async () => {
    const { app, deps, cast, id } = await submitted('<p>值班手机13912345678，邮箱zhangsan@163.com。</p>');
    const reviewer = await loginAs(app, cast.unitHead.username, cast.unitHead.password);
    const page = (await app.inject({ url: `/admin/publications/${id}`, cookies: reviewer.cookies })).body;
    expect(page).toContain('>审核通过</button>');
    expect(page).toContain('name="accept_0_reason"');
    expect(page).toContain('name="accept_1_reason"');
    const findings = (await loadForm(deps.db, id))!.scanFindings;
    const fields = (i: number, reason: string) => {
      const f = findings[i];
      return { [`accept_${i}_source`]: f.source, [`accept_${i}_start`]: String(f.start), [`accept_${i}_end`]: String(f.end), [`accept_${i}_text`]: f.text, [`accept_${i}_reason`]: reason };
    };
    const one = await post(app, reviewer, `/admin/publications/${id}/verbs/approve`, { ...fields(0, '本单位值班手机，已公开'), ...fields(1, '') });
    expect(one).toContain('未能审核通过');
    expect((await stageOf(deps, id))).toBe(0);
    await post(app, reviewer, `/admin/publications/${id}/verbs/approve`, { ...fields(0, '本单位值班手机，已公开'), ...fields(1, '本单位公开的工作邮箱') });
    expect((await stageOf(deps, id))).toBe(1);
  });
});

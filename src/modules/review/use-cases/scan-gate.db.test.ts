import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createReviewCast, publicationInput } from '../../../../test/support/factories.ts';
import { createPublication, findPublication } from '../../catalog/index.ts';
import { fillReviewForm, loadForm, performReviewVerb } from '../index.ts';

const named = (f: { source: string; start: number; end: number; text: string }) => ({ source: f.source, start: f.start, end: f.end, text: f.text });

// The county officer's item: a 密级标志, an ID number, a mobile number and a home address, under a
// 保密审查表 that says 非密 and 不涉及个人信息.
const TESTER_BODY = '<p>秘密★1年</p><p>补助对象张某，身份证号110101199003077578，手机13912345678，住幸福小区3栋2单元501室。</p>';

describeEachDialect('scan gate: a 密级标志 is never passed, personal data only when each finding is masked or accepted', (db) => {
  async function submitted(body: string) {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const draft = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { bodyHtml: body, formedOn: '2026-03-02' }));
    await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret', involvesPersonalInfo: false, avoidanceNote: '不涉及' });
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    return { deps, cast, node, id: draft.id, findings: async () => (await loadForm(deps.db, draft.id))!.scanFindings };
  }
  const codes = (e: unknown) => ((e as { reasons?: { code: string }[] }).reasons ?? []).map((r) => r.code);

  it('refuses 审核通过 and 紧急发布 of the tester’s item however the reviewer words it, with ERR_REVIEW_SECRECY_MARKING', async () => {
    const { deps, cast, id, findings } = await submitted(TESTER_BODY);
    const idCard = (await findings()).find((f) => f.type === 'id_card')!;
    await performReviewVerb(deps, cast.unitHead.actor, id, 'apply_mask', { finding: named(idCard) });
    const marking = (await findings()).find((f) => f.type === 'classified_marking')!;
    const phone = (await findings()).find((f) => f.type === 'mobile_phone')!;
    const approve = performReviewVerb(deps, cast.unitHead.actor, id, 'approve', {
      comment: '同意', scanJustification: '经核实无问题',
      acceptFindings: [{ ...named(marking), reason: '经核实无问题' }, { ...named(phone), reason: '经核实无问题' }],
    });
    await expect(approve).rejects.toMatchObject({ code: 'ERR_REVIEW_REFUSED', httpStatus: 409 });
    const refusedCodes = codes(await approve.catch((e) => e));
    expect(refusedCodes).toContain('ERR_REVIEW_SECRECY_MARKING');
    expect(refusedCodes).not.toContain('ERR_REVIEW_SCAN_BLOCKED');
    await expect(approve.catch((e: Error) => e.message)).resolves.toContain('密级标志不能以遮盖处理');
    const forced = await performReviewVerb(deps, cast.office.actor, id, 'force_publish', { comment: '紧急', scanJustification: '经核实无问题' }).catch((e) => e);
    expect(codes(forced)).toContain('ERR_REVIEW_SECRECY_MARKING');
    expect((await findPublication(deps.db, id))!.status).toBe('in_review');
  });

  it('refuses a 修订 that brings a 密级标志 into a published item, whatever the publisher writes', async () => {
    const { deps, cast, node, id } = await submitted('<p>县住建局召开推进会。</p>');
    for (const r of [cast.unitHead, cast.office, cast.leader]) await performReviewVerb(deps, r.actor, id, 'approve');
    await performReviewVerb(deps, cast.office.actor, id, 'publish');
    const p = (await findPublication(deps.db, id))!;
    await performReviewVerb(deps, cast.author.actor, id, 'amend', {
      changeNote: '补充', amended: { ...publicationInput([node], { bodyHtml: '<p>机密★5年</p><p>县住建局召开推进会。</p>', formedOn: '2026-03-02' }), title: p.title },
    });
    const r = await performReviewVerb(deps, cast.office.actor, id, 'approve_amendment', { scanJustification: '经核实无问题' }).catch((e) => e);
    expect(codes(r)).toContain('ERR_REVIEW_SECRECY_MARKING');
  });

  it('stops personal data until each finding is masked or accepted with its own reason; one note for all is not enough', async () => {
    const { deps, cast, id, findings } = await submitted('<p>补助对象张某，身份证号110101199003077578，手机13912345678。</p>');
    const byNote = await performReviewVerb(deps, cast.unitHead.actor, id, 'approve', { scanJustification: '经核实无问题' }).catch((e) => e);
    expect(codes(byNote)).toEqual(['ERR_REVIEW_SCAN_BLOCKED']);
    const idCard = (await findings()).find((f) => f.type === 'id_card')!;
    await performReviewVerb(deps, cast.unitHead.actor, id, 'apply_mask', { finding: named(idCard) });
    const phone = (await findings()).find((f) => f.type === 'mobile_phone')!;
    // A blank reason accepts nothing.
    const blank = await performReviewVerb(deps, cast.unitHead.actor, id, 'approve', { acceptFindings: [{ ...named(phone), reason: '  ' }] }).catch((e) => e);
    expect(codes(blank)).toEqual(['ERR_REVIEW_SCAN_BLOCKED']);
    await performReviewVerb(deps, cast.unitHead.actor, id, 'approve', { acceptFindings: [{ ...named(phone), reason: '系本单位值班手机，已对外公布' }] });
    const accepted = (await findings()).find((f) => f.type === 'mobile_phone')!;
    expect(accepted.accepted).toMatchObject({ reason: '系本单位值班手机，已对外公布', byLabel: expect.any(String) });
    // The acceptance holds through the next stages' scans and publication.
    await performReviewVerb(deps, cast.office.actor, id, 'approve');
    await performReviewVerb(deps, cast.leader.actor, id, 'approve');
    expect((await performReviewVerb(deps, cast.office.actor, id, 'publish')).status).toBe('published');
  });

  it('lets the author accept nothing', async () => {
    const { deps, cast, id, findings } = await submitted('<p>手机13912345678。</p>');
    const phone = (await findings())[0];
    const r = await performReviewVerb(deps, cast.author.actor, id, 'approve', { acceptFindings: [{ ...named(phone), reason: '可以公开' }] }).catch((e) => e);
    expect(codes(r)).toContain('ERR_REVIEW_SELF_APPROVAL');
    expect((await findings())[0].accepted).toBeUndefined();
  });
});

import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createReviewCast, publicationInput } from '../../../../test/support/factories.ts';
import { createPublication, findPublication } from '../../catalog/index.ts';
import { decisionsFor, fillReviewForm, loadForm, performReviewVerb } from '../index.ts';

describeEachDialect('应用建议遮盖: a reviewer puts the scanner’s suggested mask in place', (db) => {
  async function submitted(over: Record<string, unknown>) {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const draft = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { formedOn: '2026-03-02', ...over }));
    await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret', avoidanceNote: '已核对' });
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    const findings = (await loadForm(deps.db, draft.id))!.scanFindings;
    return { deps, cast, draft: (await findPublication(deps.db, draft.id))!, findings };
  }
  const named = (f: { source: string; start: number; end: number; text: string }) => ({ source: f.source, start: f.start, end: f.end, text: f.text });

  it('masks that one occurrence in the body, signs and audits it, scans again and leaves the item where it was', async () => {
    const { deps, cast, draft, findings } = await submitted({ bodyHtml: '<p>补助对象张某，身份证号 <strong>110101199003077578</strong>，联系电话 13812345678。</p>' });
    const id = findings.find((f) => f.type === 'id_card')!;
    await performReviewVerb(deps, cast.unitHead.actor, draft.id, 'apply_mask', { finding: named(id) });
    const after = (await findPublication(deps.db, draft.id))!;
    expect(after.bodyHtml).toBe(`<p>补助对象张某，身份证号 <strong>${id.suggestion}</strong>，联系电话 13812345678。</p>`);
    expect(after).toMatchObject({ status: 'in_review', version: draft.version + 1 });
    const form = (await loadForm(deps.db, draft.id))!;
    expect(form.scanFindings.map((f) => f.type)).toEqual(['mobile_phone']);
    const signed = (await decisionsFor(deps.db, draft.id)).at(-1)!;
    expect(signed).toMatchObject({ verb: 'apply_mask', user_id: cast.unitHead.actor.kind === 'user' ? cast.unitHead.actor.principal.userId : -1, stage_name: '股室负责人审核' });
    expect(signed.comment).toContain('正文');
    expect(signed.comment).toContain(id.suggestion);
    expect(signed.comment).not.toContain(id.text);
    const audit = await deps.db.selectFrom('audit_events').selectAll().where('action', '=', 'publication.apply_mask').where('entity_id', '=', String(draft.id)).executeTakeFirstOrThrow();
    expect(audit.after_json).toContain('id_card');
    expect(audit.after_json).not.toContain(id.text);
    // Offsets of the other findings still hold (a mask keeps the length); masking is not writing the item: the reviewer still approves it.
    await performReviewVerb(deps, cast.unitHead.actor, draft.id, 'apply_mask', { finding: named(form.scanFindings[0]) });
    expect((await loadForm(deps.db, draft.id))!.scanFindings).toEqual([]);
    await performReviewVerb(deps, cast.unitHead.actor, draft.id, 'approve');
    expect((await findPublication(deps.db, draft.id))!.status).toBe('in_review');
  });

  it('masks the title too', async () => {
    const { deps, cast, draft, findings } = await submitted({ title: '关于张某（13812345678）申请住房补贴的公示' });
    const phone = findings.find((f) => f.source === '标题')!;
    await performReviewVerb(deps, cast.unitHead.actor, draft.id, 'apply_mask', { finding: named(phone) });
    expect((await findPublication(deps.db, draft.id))!.title).toBe('关于张某（138****5678）申请住房补贴的公示');
  });

  it('changes nothing when the occurrence is not where the scan found it, or the finding cannot be masked here', async () => {
    const { deps, cast, draft, findings } = await submitted({ bodyHtml: '<p>联系电话 13812345678。</p>', keywords: '补贴 11010519491231002X' });
    const phone = findings.find((f) => f.type === 'mobile_phone')!;
    const moved = { ...named(phone), start: phone.start + 1, end: phone.end + 1 };
    await expect(performReviewVerb(deps, cast.unitHead.actor, draft.id, 'apply_mask', { finding: moved }))
      .rejects.toMatchObject({ httpStatus: 409, reasons: [{ code: 'ERR_REVIEW_MASK_TEXT_CHANGED' }] });
    await expect(performReviewVerb(deps, cast.unitHead.actor, draft.id, 'apply_mask', { finding: { ...named(phone), text: '13900000000' } }))
      .rejects.toMatchObject({ reasons: [{ code: 'ERR_REVIEW_MASK_TEXT_CHANGED' }] });
    // Text that is where it is said to be but that the scan never reported is not masked either.
    await expect(performReviewVerb(deps, cast.unitHead.actor, draft.id, 'apply_mask', { finding: { source: '正文', start: 0, end: 4, text: '联系电话' } }))
      .rejects.toMatchObject({ reasons: [{ code: 'ERR_REVIEW_MASK_NO_FINDING' }] });
    const keyword = findings.find((f) => f.source === '关键词')!;
    await expect(performReviewVerb(deps, cast.unitHead.actor, draft.id, 'apply_mask', { finding: named(keyword) }))
      .rejects.toMatchObject({ reasons: [{ code: 'ERR_REVIEW_MASK_NOT_MASKABLE' }] });
    // Only the stage at hand masks: the author may not, nor a later stage.
    await expect(performReviewVerb(deps, cast.author.actor, draft.id, 'apply_mask', { finding: named(phone) })).rejects.toMatchObject({ httpStatus: 403 });
    await expect(performReviewVerb(deps, cast.leader.actor, draft.id, 'apply_mask', { finding: named(phone) })).rejects.toMatchObject({ httpStatus: 403 });
    const after = (await findPublication(deps.db, draft.id))!;
    expect(after).toMatchObject({ bodyHtml: draft.bodyHtml, version: draft.version });
    expect((await decisionsFor(deps.db, draft.id)).map((d) => d.verb)).toEqual(['submit']);
  });
});

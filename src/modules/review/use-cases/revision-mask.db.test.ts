import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished, createReviewCast, publicationInput, system } from '../../../../test/support/factories.ts';
import { findPublication } from '../../catalog/index.ts';
import { fillReviewForm, loadForm, performReviewVerb } from '../index.ts';

/**
 * Reviewing a 修订, a phone number in the revision's body offered only a reason or a return, where first review offers
 * 应用建议遮盖. The publisher who reviews the revision masks it in the revision's text (the live version is untouched).
 */
describeEachDialect('应用建议遮盖 on a pending revision', (db) => {
  it('masks the revision’s text, not the published one, scans it again and audits it as the first-review mask', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const live = await createPublished(deps, organ.id, [node], { bodyHtml: '<p>原正文。</p>' });
    await fillReviewForm(deps, system, live.id, { secrecyLevel: 'non_secret', avoidanceNote: '已核对' });
    const revised = publicationInput([node], { title: live.title, bodyHtml: '<p>咨询电话 13812345678。</p>' });
    await performReviewVerb(deps, cast.author.actor, live.id, 'amend', { changeNote: '补充咨询电话', amended: revised });
    const phone = (await loadForm(deps.db, live.id))!.scanFindings.find((f) => f.type === 'mobile_phone')!;
    await performReviewVerb(deps, cast.office.actor, live.id, 'apply_mask', { finding: { source: phone.source, start: phone.start, end: phone.end, text: phone.text } });
    expect((await findPublication(deps.db, live.id))!.bodyHtml).toBe('<p>原正文。</p>');
    const row = await deps.db.selectFrom('publication_revisions').select('input_json').where('publication_id', '=', live.id).where('status', '=', 'pending').executeTakeFirstOrThrow();
    expect(JSON.parse(row.input_json).bodyHtml).toBe(`<p>咨询电话 ${phone.suggestion}。</p>`);
    expect((await loadForm(deps.db, live.id))!.scanFindings.filter((f) => f.severity === 'block')).toEqual([]);
    const audit = await deps.db.selectFrom('audit_events').selectAll().where('action', '=', 'publication.apply_mask').where('entity_id', '=', String(live.id)).executeTakeFirstOrThrow();
    expect(audit.after_json).toContain('mobile_phone');
    expect(audit.after_json).not.toContain(phone.text);
    // The mask is the reviewer's, not a writing of the revision: the same publisher approves it.
    await performReviewVerb(deps, cast.office.actor, live.id, 'approve_amendment');
    expect((await findPublication(deps.db, live.id))!.bodyHtml).toBe(`<p>咨询电话 ${phone.suggestion}。</p>`);
  });
});

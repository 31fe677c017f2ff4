import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createActor, createDraft, createNode, createOrgan, createPublished, publicationInput, system } from '../../../../test/support/factories.ts';
import { standardiseDocumentNumbers } from '../../../platform/db/migrations/078-document-number-standard-spelling.ts';
import { fillReviewForm, performReviewVerb } from '../../review/index.ts';
import { createPublication, findPublication, updatePublication } from '../index.ts';

/**
 * An outside tester: a draft with 岚建[2026]56号 was saved without a word though published item 4765 has 岚建〔2026〕56号,
 * and kept the brackets as typed. One 文号 names one document of the organ (GB/T 9704-2012 7.2.4).
 */
describeEachDialect('a 文号 is stored in its standard spelling and names one item of the organ', (db) => {
  it('stores 岚建[2026]56号 as 岚建〔2026〕56号', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const draft = await createDraft(deps, organ.id, [node], { documentNumber: '岚建[２０２６]56号' });
    expect((await findPublication(deps.db, draft.id))!.documentNumber).toBe('岚建〔2026〕56号');
  });

  it('refuses a draft, an edit and a revision whose 文号 another item of the organ has, by the field, naming that item', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const published = await createPublished(deps, organ.id, [node], { title: '关于做好2026年城镇老旧小区改造工作的通知', documentNumber: '岚建〔2026〕56号' });
    const refusal = { code: 'ERR_CATALOG_DOCUMENT_NUMBER_TAKEN', field: 'documentNumber', httpStatus: 409, message: `文号“岚建〔2026〕56号”已用于本机关的《关于做好2026年城镇老旧小区改造工作的通知》（编号 ${published.id}，已发布）。一个文号只对应一份文件，请核对文号；如是同一文件，请修改或修订该信息，不要另建` };
    for (const typed of ['岚建[2026]56号', '岚建（2026）第56号', '岚建2026年56号']) {
      await expect(createDraft(deps, organ.id, [node], { documentNumber: typed })).rejects.toMatchObject(refusal);
    }
    const other = await createDraft(deps, organ.id, [node], { documentNumber: '岚建〔2026〕57号' });
    await expect(updatePublication(deps, system, other.id, publicationInput([node], { documentNumber: '岚建[2026]56号' }))).rejects.toMatchObject(refusal);
    // The item itself: an edit and a revision keep their own 文号.
    expect((await updatePublication(deps, system, other.id, publicationInput([node], { documentNumber: '岚建〔2026〕57号', title: '改了标题' }))).documentNumber).toBe('岚建〔2026〕57号');
    const office = await createActor(deps, organ.code, 'disclosure_office');
    await fillReviewForm(deps, office.actor, published.id, { secrecyLevel: 'non_secret' });
    await performReviewVerb(deps, office.actor, published.id, 'amend', { changeNote: '更正附件', amended: publicationInput([node], { title: '关于做好2026年城镇老旧小区改造工作的通知', documentNumber: '岚建〔2026〕56号' }) });
    const second = await createPublished(deps, organ.id, [node], { documentNumber: '岚建〔2026〕58号' });
    await fillReviewForm(deps, office.actor, second.id, { secrecyLevel: 'non_secret' });
    await expect(performReviewVerb(deps, office.actor, second.id, 'amend', { changeNote: '改文号', amended: publicationInput([node], { documentNumber: '岚建〔2026〕56号' }) })).rejects.toMatchObject({ code: 'ERR_CATALOG_DOCUMENT_NUMBER_TAKEN' });
    // Another organ's 56号, and a withdrawn item's, are no conflict.
    const elsewhere = await createOrgan(deps);
    const node2 = await createNode(deps, elsewhere.id);
    expect((await createDraft(deps, elsewhere.id, [node2], { documentNumber: '岚建〔2026〕56号' })).documentNumber).toBe('岚建〔2026〕56号');
    await performReviewVerb(deps, office.actor, second.id, 'withdraw', { withdrawReason: 'published_in_error' });
    expect((await createDraft(deps, organ.id, [node], { documentNumber: '岚建〔2026〕58号' })).documentNumber).toBe('岚建〔2026〕58号');
  });

  it('lets an interpretation quote the 文号 of the policy it explains', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const policy = await createPublished(deps, organ.id, [node], { documentNumber: '岚建规〔2026〕2号', docType: 'normative_document' });
    const interpretation = await createPublication(deps, system, organ.id, publicationInput([node], { itemKind: 'interpretation', interpretationForm: 'text', policyIds: [policy.id], documentNumber: '岚建规〔2026〕2号' }));
    expect(interpretation.documentNumber).toBe('岚建规〔2026〕2号');
    // And an edit of the policy, which the interpretation explains, is not refused for it.
    const draftPolicy = await createDraft(deps, organ.id, [node], { documentNumber: '岚建规〔2026〕3号' });
    await createPublication(deps, system, organ.id, publicationInput([node], { itemKind: 'interpretation', interpretationForm: 'text', policyIds: [draftPolicy.id], documentNumber: '岚建规〔2026〕3号' }));
    expect((await updatePublication(deps, system, draftPolicy.id, publicationInput([node], { documentNumber: '岚建规[2026]3号' }))).documentNumber).toBe('岚建规〔2026〕3号');
    // An unrelated document is still refused.
    await expect(createDraft(deps, organ.id, [node], { documentNumber: '岚建规〔2026〕2号' })).rejects.toMatchObject({ code: 'ERR_CATALOG_DOCUMENT_NUMBER_TAKEN' });
  });

  it('migration 078 rewrites the 文号 stored as typed into the standard spelling', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const ids: number[] = [];
    for (const [n, typed] of [['1', '岚建[2026]61号'], ['2', '岚建（２０２６）第062号'], ['3', '岚建公告2026年第5号'], ['4', '岚建〔2026〕64号']]) {
      const p = await createDraft(deps, organ.id, [node], { documentNumber: `x${n}` });
      // As a database before 078 holds it.
      await deps.db.updateTable('publications').set({ document_number: typed }).where('id', '=', p.id).execute();
      ids.push(p.id);
    }
    expect(await standardiseDocumentNumbers(deps.db)).toBe(2);
    const stored = new Map((await deps.db.selectFrom('publications').select(['id', 'document_number']).where('id', 'in', ids).execute()).map((r) => [r.id, r.document_number]));
    expect(ids.map((id) => stored.get(id))).toEqual(['岚建〔2026〕61号', '岚建〔2026〕62号', '岚建公告2026年第5号', '岚建〔2026〕64号']);
  });
});

import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, createPublished, createReviewCast, publicationInput, system } from '../../../../test/support/factories.ts';
import { createPublication, findPublication } from '../../catalog/index.ts';
import { searchPublications } from '../../search/index.ts';
import { contentVersionReader } from '../../../platform/db/content-version.ts';
import { expireLapsedPublications, fillReviewForm, performReviewVerb, publishImported } from '../index.ts';

/**
 * 有效期至 takes effect with the write that publishes an item or changes its date, in its transaction,
 * through the rule the lapse job uses (docs/adr/0027): not up to ten minutes later at the job's next run.
 */
describeEachDialect('有效期至 at the moment of publishing or changing it (ADR 0027)', (db) => {
  async function world() {
    // 2026-12-10 10:00 in China.
    const deps = buildDeps(db(), '2026-12-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    return { deps, organ, node };
  }
  const search = (deps: ReturnType<typeof buildDeps>, q: string, validity: string) =>
    searchPublications(deps, { q, sort: 'newest', page: 1, pageSize: 20, filters: { scopeOrganId: null, validity } });
  const row = (deps: ReturnType<typeof buildDeps>, id: number) =>
    deps.db.selectFrom('publications').select(['validity', 'repealed_on']).where('id', '=', id).executeTakeFirstOrThrow();
  const actions = async (deps: ReturnType<typeof buildDeps>, id: number) =>
    (await deps.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'publication').where('entity_id', '=', String(id)).orderBy('id').execute()).map((a) => a.action);
  /** A 修订 of a published item that changes only its 有效期至, approved. */
  async function moveValidThrough(deps: ReturnType<typeof buildDeps>, id: number, node: number, validThroughOn: string | null) {
    const p = (await findPublication(deps.db, id))!;
    await fillReviewForm(deps, system, id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' }).catch(() => undefined);
    const amended = publicationInput([node], { title: p.title, formedOn: p.formedOn, docType: p.docType, validThroughOn, validity: p.validity });
    await performReviewVerb(deps, system, id, 'amend', { changeNote: '更正有效期至', amended });
    return performReviewVerb(deps, system, id, 'approve_amendment');
  }

  it('publishes an item through the review chain already past its 有效期至 as 已失效 at once: indexed, audited, pages renewed', async () => {
    const { deps, organ, node } = await world();
    const cast = await createReviewCast(deps, organ.code);
    const word = '住房租赁补贴暂行办法戊';
    const draft = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { title: `${word}实施细则`, formedOn: '2020-11-08', docType: 'normative_document', validThroughOn: '2025-11-07' }));
    await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及国家秘密和个人信息' });
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    for (const reviewer of [cast.unitHead, cast.office, cast.leader]) await performReviewVerb(deps, reviewer.actor, draft.id, 'approve', { comment: '同意' });
    const version = contentVersionReader(deps.db);
    const before = (await version()).version;
    const published = await performReviewVerb(deps, cast.office.actor, draft.id, 'publish');
    expect(published).toMatchObject({ status: 'published', validity: 'expired' });
    expect(await row(deps, draft.id)).toEqual({ validity: 'expired', repealed_on: '2025-11-07' });
    expect((await search(deps, word, 'expired')).hits.map((h) => h.id)).toEqual([draft.id]);
    expect((await search(deps, word, 'valid')).hits).toEqual([]);
    expect(await actions(deps, draft.id)).toEqual(expect.arrayContaining(['publication.publish', 'publication.lapse']));
    expect((await version()).version).toBeGreaterThan(before);
    // The job has nothing left to do.
    expect((await expireLapsedPublications(deps)).expired).not.toContain(draft.id);
  });

  it('makes an imported item past its date 已失效 at once, and one still in force stays 有效', async () => {
    const { deps, organ, node } = await world();
    const old = await createDraft(deps, organ.id, [node], { title: '旧办法己', formedOn: '2019-03-01', validThroughOn: '2024-02-29' });
    const published = await publishImported(deps, system, old.id, { backdatedPublishedOn: '2019-03-05' });
    expect(published.validity).toBe('expired');
    expect(await row(deps, old.id)).toEqual({ validity: 'expired', repealed_on: '2024-02-29' });
    // Its last day is today: in force until tonight.
    const current = await createPublished(deps, organ.id, [node], { title: '办法己二', formedOn: '2021-12-10', validThroughOn: '2026-12-10' });
    expect(current.validity).toBe('valid');
  });

  it('makes an item 已失效 when an approved 修订 moves its 有效期至 into the past', async () => {
    const { deps, organ, node } = await world();
    const p = await createPublished(deps, organ.id, [node], { title: '办法庚', formedOn: '2021-06-07', validThroughOn: '2031-06-06' });
    const after = await moveValidThrough(deps, p.id, node, '2026-06-06');
    expect(after.validity).toBe('expired');
    expect(await row(deps, p.id)).toEqual({ validity: 'expired', repealed_on: '2026-06-06' });
    expect((await search(deps, '办法庚', 'expired')).hits.map((h) => h.id)).toEqual([p.id]);
  });

  it('restores 有效 when the 有效期至 of an item its date made 已失效 is moved later or cleared, and re-dates its end when still past', async () => {
    const { deps, organ, node } = await world();
    deps.clock.set('2026-06-01T02:00:00Z');
    const p = await createPublished(deps, organ.id, [node], { title: '办法辛', formedOn: '2021-06-07', validThroughOn: '2026-06-06' });
    deps.clock.set('2026-12-10T02:00:00Z');
    expect((await expireLapsedPublications(deps)).expired).toContain(p.id);
    const version = contentVersionReader(deps.db);
    // Corrected to a day still past: still 已失效, its end the corrected day.
    expect((await moveValidThrough(deps, p.id, node, '2026-09-30')).validity).toBe('expired');
    expect(await row(deps, p.id)).toEqual({ validity: 'expired', repealed_on: '2026-09-30' });
    const before = (await version()).version;
    const prolonged = await moveValidThrough(deps, p.id, node, '2031-06-06');
    expect(prolonged.validity).toBe('valid');
    expect(await row(deps, p.id)).toEqual({ validity: 'valid', repealed_on: null });
    expect((await search(deps, '办法辛', 'valid')).hits.map((h) => h.id)).toEqual([p.id]);
    expect((await search(deps, '办法辛', 'expired')).hits).toEqual([]);
    expect((await version()).version).toBeGreaterThan(before);
    expect(await actions(deps, p.id)).toContain('publication.lapse_lifted');
    // Lapsed again by a date in the past, then the date cleared: 有效.
    await moveValidThrough(deps, p.id, node, '2026-06-06');
    expect((await findPublication(deps.db, p.id))!.validity).toBe('expired');
    expect((await moveValidThrough(deps, p.id, node, null)).validity).toBe('valid');
    expect(await row(deps, p.id)).toEqual({ validity: 'valid', repealed_on: null });
  });

  it('keeps 已失效 an officer chose and 已废止, whatever the date becomes', async () => {
    const { deps, organ, node } = await world();
    // Marked 已失效 by the officer (the document was declared lapsed), with a date still to come.
    const chosen = await createPublished(deps, organ.id, [node], { title: '办法壬一', formedOn: '2021-06-07', validity: 'expired', validThroughOn: '2031-06-06' });
    expect((await moveValidThrough(deps, chosen.id, node, '2032-06-06')).validity).toBe('expired');
    expect((await moveValidThrough(deps, chosen.id, node, null)).validity).toBe('expired');
    // Lapsed by its date, then repealed: a later date does not bring it back.
    deps.clock.set('2026-06-01T02:00:00Z');
    const repealed = await createPublished(deps, organ.id, [node], { title: '办法壬二', formedOn: '2021-06-07', validThroughOn: '2026-06-06' });
    deps.clock.set('2026-12-10T02:00:00Z');
    await expireLapsedPublications(deps);
    await performReviewVerb(deps, system, repealed.id, 'repeal', { comment: '已由新办法替代' });
    expect((await moveValidThrough(deps, repealed.id, node, '2031-06-06')).validity).toBe('repealed');
  });
});

import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished, createReviewCast, publicationInput, system } from '../../../../test/support/factories.ts';
import { fillReviewForm, performReviewVerb } from '../../review/index.ts';
import { createPublication, findPublication } from '../index.ts';

const VIDEO_TEXT = '视频解读须在正文中提供视频内容的文字说明';

/**
 * An outside tester's 视频解读 with an empty 正文 passed 报送审核 and all three approvals and was refused only at 发布.
 * What publishing asks of an interpretation's content is asked, with the same message and code, at every step before it.
 */
describeEachDialect('an interpretation’s content is checked at 报送审核, every approval and 修订', (db) => {
  async function world() {
    const deps = buildDeps(db(), '2026-09-24T02:00:00Z');
    const organ = await createOrgan(deps);
    const policies = await createNode(deps, organ.id, { name: '政策文件' });
    const interpretations = await createNode(deps, organ.id, { name: '政策解读' });
    const cast = await createReviewCast(deps, organ.code);
    const policy = await createPublished(deps, organ.id, [policies], { title: '某政策' });
    const video = (over: Record<string, unknown> = {}) => publicationInput([interpretations], {
      title: '《某政策》政策解读', genre: '解读', itemKind: 'interpretation', interpretationForm: 'video', videoUrl: 'https://v.example.cn/1', policyIds: [policy.id], ...over,
    });
    return { deps, organ, cast, video };
  }

  it('refuses 报送审核 of a 视频解读 with no text, with the reason and code 发布 gives', async () => {
    const w = await world();
    const item = await createPublication(w.deps, w.cast.author.actor, w.organ.id, w.video({ bodyHtml: '' }));
    await fillReviewForm(w.deps, w.cast.author.actor, item.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    const refused = await performReviewVerb(w.deps, w.cast.author.actor, item.id, 'submit').catch((e: unknown) => e);
    expect(refused).toMatchObject({ httpStatus: 409, reasons: [{ code: 'ERR_CATALOG_INTERPRETATION_INCOMPLETE', message: VIDEO_TEXT, field: 'bodyHtml' }] });
    expect((await findPublication(w.deps.db, item.id))!.status).toBe('draft');
  });

  it('refuses each approval of one already in review (submitted before the rule), never only the publication', async () => {
    const w = await world();
    const item = await createPublication(w.deps, w.cast.author.actor, w.organ.id, w.video({ bodyHtml: '<p>视频的文字说明</p>' }));
    await fillReviewForm(w.deps, w.cast.author.actor, item.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    await performReviewVerb(w.deps, w.cast.author.actor, item.id, 'submit');
    await w.deps.db.updateTable('publications').set({ body_html: '' }).where('id', '=', item.id).execute();
    const refused = await performReviewVerb(w.deps, w.cast.unitHead.actor, item.id, 'approve', { comment: '同意' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ httpStatus: 409, reasons: [{ code: 'ERR_CATALOG_INTERPRETATION_INCOMPLETE', message: VIDEO_TEXT }] });
    expect((await findPublication(w.deps.db, item.id))!).toMatchObject({ status: 'in_review' });
  });

  it('refuses a 修订 that empties a published 视频解读’s text, and its approval', async () => {
    const w = await world();
    const item = await createPublished(w.deps, w.organ.id, w.video().nodeIds, w.video({ bodyHtml: '<p>视频的文字说明</p>' }));
    await fillReviewForm(w.deps, system, item.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    const refused = await performReviewVerb(w.deps, w.cast.author.actor, item.id, 'amend', { changeNote: '改正文', amended: w.video({ bodyHtml: '' }) }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ httpStatus: 409, reasons: [{ code: 'ERR_CATALOG_INTERPRETATION_INCOMPLETE', message: VIDEO_TEXT }] });
  });
});

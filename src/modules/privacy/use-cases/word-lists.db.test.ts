import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createActor, createNode, createOrgan, createReviewCast, publicationInput, system } from '../../../../test/support/factories.ts';
import { createPublication } from '../../catalog/index.ts';
import { fillReviewForm, loadForm, performReviewVerb } from '../../review/index.ts';
import { listWordLists, saveWordList, wordListsFor } from '../index.ts';

describeEachDialect('sensitive-word lists', (db) => {
  it('refuses a list with an unreadable line, naming the line, and saves nothing', async () => {
    const deps = buildDeps(db());
    const before = (await listWordLists(deps.db)).length;
    await expect(saveWordList(deps, system, { name: '错词表', entriesText: '中华人民共合国\t阻止\n坏行\t很严重' })).rejects.toMatchObject({
      code: 'ERR_PRIVACY_WORD_LIST_INVALID', message: expect.stringContaining('第 2 行'),
    });
    expect((await listWordLists(deps.db)).length).toBe(before);
  });

  it('lets only a system admin keep region-wide lists, and an organ admin its own', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const admin = await createActor(deps, organ.code, 'organ_admin');
    await expect(saveWordList(deps, admin.actor, { name: '通用', entriesText: '某词' })).rejects.toMatchObject({ httpStatus: 403 });
    await saveWordList(deps, admin.actor, { name: '本局词表', organCode: organ.code, entriesText: '某词\t提示' });
    expect((await wordListsFor(deps.db, [organ.id])).map((l) => l.name)).toContain('本局词表');
    expect((await wordListsFor(deps.db, [])).map((l) => l.name)).not.toContain('本局词表');
  });

  it('stops the review chain on a blocking word from the organ’s list', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    await saveWordList(deps, system, { name: '错别字', organCode: organ.code, entriesText: '中华人民共合国\t阻止\t错别字\t中华人民共和国' });
    const cast = await createReviewCast(deps, organ.code);
    const draft = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { bodyHtml: '<p>根据中华人民共合国有关法律规定。</p>' }));
    await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret' });
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    const f = (await loadForm(deps.db, draft.id))!.scanFindings.find((x) => x.type === 'sensitive_word');
    expect(f).toMatchObject({ text: '中华人民共合国', severity: 'block', suggestion: '中华人民共和国' });
    await expect(performReviewVerb(deps, cast.unitHead.actor, draft.id, 'approve')).rejects.toMatchObject({ reasons: [expect.objectContaining({ code: 'ERR_REVIEW_SCAN_BLOCKED' })] });
  });
});

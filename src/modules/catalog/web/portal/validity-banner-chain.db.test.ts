import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { createNode, createOrgan, createPublished, system } from '../../../../../test/support/factories.ts';
import { performReviewVerb } from '../../../review/index.ts';

/**
 * The 效力 banner of a repealed document whose replacement was repealed in its turn (an outside tester followed
 * the banner's link from one repealed document to another): it names the direct replacement and, further on,
 * the document in force now, by the rule the 政策解读 line follows (domain/replacement-chain.ts).
 */
describeEachDialect('the 效力 banner follows a replacement repealed since', (db) => {
  it('names the document in force now; at the end of a circle, or at one repealed with nothing after it, says none is recorded', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const first = await createPublished(deps, organ.id, [node], { title: '住房保障办法', documentNumber: '测建规〔2024〕1号' });
    const second = await createPublished(deps, organ.id, [node], { title: '住房保障办法（第二版）', documentNumber: '测建规〔2025〕2号' });
    const third = await createPublished(deps, organ.id, [node], { title: '住房保障办法（第三版）', documentNumber: '测建规〔2026〕3号' });
    await performReviewVerb(deps, system, first.id, 'repeal', { comment: '由第二版替代', replacedById: second.id });
    await performReviewVerb(deps, system, second.id, 'repeal', { comment: '由第三版替代', replacedById: third.id });
    const named = (d: { id: number; title: string; documentNumber?: string | null; publishedOn: string | null }) =>
      `《<a href="/organs/${organ.code}/items/${d.id}">${d.title}</a>》（${d.documentNumber}，<span class="nowrap">${d.publishedOn}</span>发布）`;
    const banner = async (id: number) => /<div class="notice" role="note">[\s\S]*?<\/div>/.exec((await app.inject(`/organs/${organ.code}/items/${id}`)).body)?.[0] ?? '';

    expect(await banner(first.id)).toContain(`<strong>本文件已被${named(second)}废止，后者也已废止，现行有效的是${named(third)}。</strong>`);
    // One step to a document in force: as before.
    expect(await banner(second.id)).toContain(`<strong>本文件已被${named(third)}废止。</strong>`);

    // A circle recorded by mistake (the third repealed for the second again): the line stops where it would turn back.
    await performReviewVerb(deps, system, third.id, 'repeal', { comment: '恢复第二版', replacedById: second.id });
    expect(await banner(first.id)).toContain(`本文件已被${named(second)}废止，后者也已废止，最终替代它的${named(third)}也已废止，本站没有记载现行有效的替代文件。`);
    await app.close();
  });

  it('does not follow a replacement that is not published, and says so of the last published one', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const first = await createPublished(deps, organ.id, [node], { title: '物业管理办法', documentNumber: '测建规〔2024〕7号' });
    const second = await createPublished(deps, organ.id, [node], { title: '物业管理办法（修订）', documentNumber: '测建规〔2025〕8号' });
    const later = await createPublished(deps, organ.id, [node], { title: '物业管理办法（再修订）' });
    await performReviewVerb(deps, system, first.id, 'repeal', { comment: '由修订版替代', replacedById: second.id });
    await performReviewVerb(deps, system, second.id, 'repeal', { comment: '由再修订版替代', replacedById: later.id });
    await performReviewVerb(deps, system, later.id, 'withdraw', { withdrawReason: 'published_in_error' });
    const body = (await app.inject(`/organs/${organ.code}/items/${first.id}`)).body;
    expect(body).toContain(`本文件已被《<a href="/organs/${organ.code}/items/${second.id}">物业管理办法（修订）</a>》（测建规〔2025〕8号，<span class="nowrap">${second.publishedOn}</span>发布）废止，后者也已废止，本站没有记载现行有效的替代文件。`);
    expect(body).not.toContain('物业管理办法（再修订）');
    await app.close();
  });
});

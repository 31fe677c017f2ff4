import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createNode, createOrgan, createReviewCast, publicationInput } from '../../../../test/support/factories.ts';
import { createPublication } from '../../catalog/index.ts';
import { actorLabel } from '../../identity/index.ts';
import { fillReviewForm, performReviewVerb } from '../index.ts';

/**
 * 紧急发布 skips the three-level review: the item's 审核流程 box says so (who published it, when and
 * why), names only the stages someone really approved, and shows whether 补充审核 is still due.
 */
describeEachDialect('the review chain of a force-published item', (db) => {
  it('shows the skipped stages, the emergency publication and the retrospective review, never approvals nobody gave', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-11-20T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const second = await createActor(deps, organ.code, 'disclosure_office');
    const item = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { title: '关于城区临时停水的紧急通知', formedOn: '2026-11-20' }));
    await fillReviewForm(deps, cast.author.actor, item.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    await performReviewVerb(deps, cast.author.actor, item.id, 'submit');
    await performReviewVerb(deps, cast.unitHead.actor, item.id, 'approve'); // the first stage only
    deps.clock.set('2026-11-20T03:15:00Z');
    await performReviewVerb(deps, cast.office.actor, item.id, 'force_publish', { comment: '供水管道爆裂，须立即告知群众' });

    const session = await loginAs(app, second.username, second.password);
    const page = async () => {
      const body = (await app.inject({ url: `/admin/publications/${item.id}`, cookies: session.cookies })).body;
      return /<h3>审核流程<\/h3>([\s\S]*?)<h3>保密审查表<\/h3>/.exec(body)![1];
    };
    const chain = await page();
    const stages = [...chain.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
    expect(stages[0]).toContain('已通过');
    expect(stages[0]).toContain(actorLabel(cast.unitHead.actor));
    for (const s of stages.slice(1, 3)) {
      expect(s).not.toContain('已通过');
      expect(s).toContain('未经审核（紧急发布跳过）');
    }
    expect(stages[3]).toContain(`紧急发布 2026-11-20`);
    expect(stages[3]).toContain(actorLabel(cast.office.actor));
    expect(stages[3]).toContain('11:15');
    expect(stages[3]).toContain('供水管道爆裂，须立即告知群众');
    expect(stages[4]).toContain('补充审核');
    expect(stages[4]).toContain('待补充审核');

    deps.clock.set('2026-11-21T01:00:00Z');
    await performReviewVerb(deps, second.actor, item.id, 'approve_retrospectively');
    const after = (await page()).replace(/<[^>]+>/g, '');
    expect(after).toMatch(new RegExp(`补充审核[^；]*已通过[\\s\\S]*${actorLabel(second.actor)}`));
    expect(after).not.toContain('待补充审核');
    expect(after).toContain('未经审核（紧急发布跳过）');
    await app.close();
  });
});

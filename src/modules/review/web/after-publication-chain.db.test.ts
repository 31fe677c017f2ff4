import { expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createNode, createOrgan, createReviewCast, publicationInput } from '../../../../test/support/factories.ts';
import { createPublication } from '../../catalog/index.ts';
import { actorLabel } from '../../identity/index.ts';
import { fillReviewForm, performReviewVerb, saveReviewChain } from '../index.ts';

/**
 * An item that went through its chain and was then withdrawn, repealed or amended keeps its true
 * history in the 审核流程 box: the signed approvals, who published it and when, and what happened
 * after — not every stage 未开始 and 未发布 as if it had never been reviewed.
 */
type TestDeps = Awaited<ReturnType<typeof buildTestApp>>['deps'];

describeEachDialect('the review chain of an item after its publication', (db) => {
  async function world() {
    const { app, deps } = await buildTestApp(db(), '2026-11-02T01:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const second = await createActor(deps, organ.code, 'disclosure_office');
    return { app, deps, organ, node, cast, second };
  }

  /** Drafted, submitted, approved by the three stages an hour apart, then published by the office. */
  async function reviewedAndPublished(deps: TestDeps, organId: number, node: number, cast: Awaited<ReturnType<typeof createReviewCast>>, title: string) {
    deps.clock.set('2026-11-02T01:00:00Z');
    const item = await createPublication(deps, cast.author.actor, organId, publicationInput([node], { title, formedOn: '2026-11-02' }));
    await fillReviewForm(deps, cast.author.actor, item.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    await performReviewVerb(deps, cast.author.actor, item.id, 'submit');
    for (const [i, r] of [cast.unitHead, cast.office, cast.leader].entries()) {
      deps.clock.set(`2026-11-02T0${2 + i}:00:00Z`);
      await performReviewVerb(deps, r.actor, item.id, 'approve', { comment: '同意' });
    }
    deps.clock.set('2026-11-02T06:30:00Z');
    await performReviewVerb(deps, cast.office.actor, item.id, 'publish');
    return item;
  }

  const chainOf = async (app: FastifyInstance, cookies: Record<string, string>, id: number) => {
    const body = (await app.inject({ url: `/admin/publications/${id}`, cookies })).body;
    const box = /<h3>审核流程<\/h3>([\s\S]*?)<h3>保密审查表<\/h3>/.exec(body)![1];
    return { lines: [...box.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')), text: box.replace(/<[^>]+>/g, '') };
  };

  it('shows a withdrawn item’s approvals, its publication and its withdrawal (who, when, why)', async () => {
    const { app, deps, organ, node, cast, second } = await world();
    try {
      const item = await reviewedAndPublished(deps, organ.id, node, cast, '关于2026年冬季供暖的通知');
      deps.clock.set('2026-11-05T08:00:00Z');
      await performReviewVerb(deps, second.actor, item.id, 'withdraw', { withdrawReason: 'contains_personal_data', withdrawNote: '附件含有住户电话' });
      // The organ's chain changes later: the item still shows the chain it went through.
      const admin = await createActor(deps, organ.code, 'organ_admin');
      await saveReviewChain(deps, admin.actor, organ.id, { stages: [{ name: '主要领导审签', role: 'leader_in_charge' }], publisherRole: 'disclosure_office' });

      const s = await loginAs(app, cast.author.username, cast.author.password);
      const { lines, text } = await chainOf(app, s.cookies, item.id);
      expect(text).not.toContain('未开始');
      expect(text).not.toContain('未发布');
      expect(lines.slice(0, 3).map((l) => l.split('（')[0])).toEqual(['股室负责人审核', '政务公开办公室审核', '分管领导审签']);
      for (const [i, r] of [cast.unitHead, cast.office, cast.leader].entries()) {
        expect(lines[i]).toContain('已通过');
        expect(lines[i]).toContain(actorLabel(r.actor));
        expect(lines[i]).toContain(`2026-11-02 ${10 + i}:00`);
      }
      expect(lines[3]).toContain('已发布 2026-11-02');
      expect(lines[3]).toContain(actorLabel(cast.office.actor));
      expect(lines[3]).toContain('2026-11-02 14:30');
      expect(lines[4]).toContain('已撤回');
      expect(lines[4]).toContain(actorLabel(second.actor));
      expect(lines[4]).toContain('2026-11-05 16:00');
      expect(lines[4]).toContain('含有个人信息');
      expect(lines[4]).toContain('附件含有住户电话');
      expect(lines).toHaveLength(5);
    } finally {
      await app.close();
    }
  });

  it('shows a repeal with its replacement, and each approved amendment, after the publication', async () => {
    const { app, deps, organ, node, cast, second } = await world();
    try {
      const item = await reviewedAndPublished(deps, organ.id, node, cast, '关于城区道路临时管制的通告');
      deps.clock.set('2026-11-03T02:00:00Z');
      await performReviewVerb(deps, cast.author.actor, item.id, 'amend', { changeNote: '更正管制路段', amended: publicationInput([node], { title: '关于城区道路临时管制的通告（修订）', formedOn: '2026-11-02' }) });
      deps.clock.set('2026-11-03T03:00:00Z');
      await performReviewVerb(deps, second.actor, item.id, 'approve_amendment', { comment: '同意修订' });
      const replacement = await reviewedAndPublished(deps, organ.id, node, cast, '关于城区道路管制的新通告');
      deps.clock.set('2026-11-10T02:00:00Z');
      await performReviewVerb(deps, second.actor, item.id, 'repeal', { replacedById: replacement.id });

      const s = await loginAs(app, cast.author.username, cast.author.password);
      const { lines, text } = await chainOf(app, s.cookies, item.id);
      expect(text).not.toContain('未开始');
      for (const i of [0, 1, 2]) expect(lines[i]).toContain('已通过');
      expect(lines[3]).toContain('已发布 2026-11-02');
      expect(lines[4]).toContain('修订审核通过');
      expect(lines[4]).toContain(actorLabel(second.actor));
      expect(lines[4]).toContain('2026-11-03 11:00');
      expect(lines[4]).toContain('更正管制路段');
      expect(lines[5]).toContain('已废止');
      expect(lines[5]).toContain('2026-11-10 10:00');
      expect(lines[5]).toContain(actorLabel(second.actor));
      expect(lines[5]).toContain('关于城区道路管制的新通告');
      expect(lines).toHaveLength(6);
    } finally {
      await app.close();
    }
  });
});

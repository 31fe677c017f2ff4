import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createActor, createNode, createOrgan, createPublished, createReviewCast, publicationInput } from '../../../../test/support/factories.ts';
import { createPublication } from '../../catalog/index.ts';
import { fillReviewForm, loadForm, performReviewVerb } from '../index.ts';
import { REVIEW_VERBS, type ReviewVerb } from '../domain/review-workflow.ts';
import { auditedStateOf } from '../domain/verb-audit.ts';
import { reviewRowOf } from '../storage/review-state-repository.ts';
import type { VerbInput } from './perform-review-verb.ts';
import type { Actor } from '../../identity/index.ts';

/**
 * Every verb of the review table, done once, leaves an audit entry whose before and after show what it
 * changed of the item, by code (an outside tester: 标记废止's entry showed only the version, 撤回's left
 * out its reason). For each verb the item's audited state is read before and after, and every field
 * that differs must stand in the entry with both values; status, stage and version always do.
 * 发布 and 紧急发布 (publication.publish) record the 索引号, the date, the route and a 紧急发布's reason.
 */
describeEachDialect('the audit entry of every review verb records what the verb changed', (db) => {
  it('walks the whole table', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const secondOffice = await createActor(deps, organ.code, 'disclosure_office');
    const newer = await createPublished(deps, organ.id, [node], { title: '关于供热收费标准的新通知' });
    const draft = async (bodyHtml = '<p>县住建局召开推进会，部署保障性住房工作。</p>') => {
      const p = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { bodyHtml, formedOn: '2026-03-02' }));
      await fillReviewForm(deps, cast.author.actor, p.id, { secrecyLevel: 'non_secret', avoidanceNote: '已核对' });
      return p.id;
    };
    const done = new Set<ReviewVerb>();
    const entryOf = async (id: number, action: string) => {
      const e = await deps.db.selectFrom('audit_events').select(['before_json', 'after_json']).where('action', '=', action).where('entity_id', '=', String(id)).orderBy('id', 'desc').executeTakeFirstOrThrow();
      return { before: JSON.parse(e.before_json ?? 'null'), after: JSON.parse(e.after_json ?? 'null') };
    };
    const verb = async (id: number, actor: Actor, v: ReviewVerb, input: VerbInput = {}) => {
      const before = auditedStateOf(await reviewRowOf(deps.db, id));
      await performReviewVerb(deps, actor, id, v, input);
      const after = auditedStateOf(await reviewRowOf(deps.db, id));
      done.add(v);
      // 紧急发布 is recorded as a publication (publication.publish, route force_published), as before.
      const entry = await entryOf(id, `publication.${v === 'force_publish' ? 'publish' : v}`);
      for (const k of Object.keys(before) as (keyof typeof before)[]) {
        if (before[k] !== after[k] || ['status', 'reviewStage', 'version'].includes(k)) {
          expect([v, k, entry.before[k], entry.after[k]]).toEqual([v, k, before[k], after[k]]);
        } else {
          expect([v, k, k in entry.before, k in entry.after]).toEqual([v, k, false, false]);
        }
      }
      return entry;
    };

    // Through the chain, with a return, a recall and a mask on the way.
    const a = await draft('<p>补助对象联系电话 13812345678。</p>');
    await verb(a, cast.author.actor, 'submit');
    expect((await verb(a, cast.unitHead.actor, 'return_for_changes', { comment: '请补充会议时间' })).after.comment).toBe('请补充会议时间');
    await verb(a, cast.author.actor, 'submit');
    await verb(a, cast.author.actor, 'recall_submission');
    await verb(a, cast.author.actor, 'submit');
    const phone = (await loadForm(deps.db, a))!.scanFindings.find((f) => f.type === 'mobile_phone')!;
    const masked = await verb(a, cast.unitHead.actor, 'apply_mask', { finding: { source: phone.source, start: phone.start, end: phone.end, text: phone.text } });
    expect(masked.after.masked).toMatchObject({ type: 'mobile_phone', suggestion: phone.suggestion });
    expect(JSON.stringify(masked)).not.toContain(phone.text);
    for (const reviewer of [cast.unitHead, cast.office, cast.leader]) await verb(a, reviewer.actor, 'approve', { comment: '同意' });
    expect((await verb(a, cast.office.actor, 'schedule', { publishAt: '2026-03-11T02:00:00.000Z' })).after.scheduledAt).toBe('2026-03-11T02:00:00.000Z');
    await verb(a, cast.office.actor, 'unschedule');
    expect((await verb(a, cast.office.actor, 'publish')).after).toMatchObject({ status: 'published', route: 'review_chain', indexNumber: expect.any(String) });

    // After publication: a revision returned, one approved, 标记已修改, 废止 with its replacement, 撤回 with its reason.
    await verb(a, cast.author.actor, 'amend', { changeNote: '更正会议日期', amended: publicationInput([node], { formedOn: '2026-03-02' }) });
    expect((await verb(a, cast.office.actor, 'return_amendment', { comment: '无需修订' })).after.comment).toBe('无需修订');
    // 撤回修订: its proposer discards the returned revision (ADR 0051), and proposes again.
    await verb(a, cast.author.actor, 'withdraw_amendment', {});
    const amended = await verb(a, cast.author.actor, 'amend', { changeNote: '更正标题', amended: publicationInput([node], { title: '修订后的标题', formedOn: '2026-03-02' }) });
    expect(amended.after.proposed).toMatchObject({ title: '修订后的标题' });
    expect((await verb(a, cast.office.actor, 'approve_amendment', { comment: '同意' })).after.title).toBe('修订后的标题');
    expect((await verb(a, cast.office.actor, 'mark_amended', { amendingId: newer.id })).after).toMatchObject({ validity: 'amended', amendingId: newer.id });
    expect((await verb(a, cast.office.actor, 'repeal', { replacedById: newer.id })).after).toMatchObject({ validity: 'repealed', replacedById: newer.id });
    expect((await verb(a, cast.office.actor, 'withdraw', { withdrawReason: 'published_in_error', withdrawNote: '' })).after).toMatchObject({ status: 'withdrawn', withdrawnReason: 'published_in_error' });

    // 紧急发布 with its reason, then 补充审核 by another publisher.
    const b = await draft();
    expect((await verb(b, cast.office.actor, 'force_publish', { comment: '汛情紧急' })).after).toMatchObject({ route: 'force_published', forceReason: '汛情紧急' });
    expect((await verb(b, secondOffice.actor, 'approve_retrospectively')).after.retroApproved).toBe(true);

    expect([...done].sort()).toEqual([...REVIEW_VERBS].sort());
  });
});

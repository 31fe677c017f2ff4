import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import {
  buildDeps, createActor, createDraft, createNode, createOrgan, createPublished, createReviewCast, publicationInput, system,
} from '../../../../test/support/factories.ts';
import { fillReviewForm, performReviewVerb, publishImported, publishScheduled } from '../../review/index.ts';
import type { Actor } from '../../identity/index.ts';
import { WorkingDayCalendar } from '../../calendar/index.ts';
import { interpretationDue, type PolicyFacts } from '../domain/interpretation.ts';
import {
  addAttachment, countOverdueInterpretations, createPublication, findPublication, interpretationLinks, policiesAwaitingInterpretation, updatePublication,
} from '../index.ts';
import { saveInterpretationSetting } from './interpretations.ts';

/** A 1×1 PNG: a real picture for a 图解. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const interpretationOf = (policyIds: number[], nodeIds: number[], over: Record<string, unknown> = {}) =>
  publicationInput(nodeIds, { title: `政策解读${policyIds.join('-')}`, stage: 'decision', genre: '解读', itemKind: 'interpretation', interpretationForm: 'text', policyIds, ...over });

describeEachDialect('policy interpretation (政策解读)', (db) => {
  /** A bureau under a county government, a sibling bureau, the default 政策文件 node and a 政策解读 node. */
  async function world(at = '2026-09-24T02:00:00Z') {
    const deps = buildDeps(db(), at);
    const county = await createOrgan(deps);
    const bureau = await createOrgan(deps, { parentCode: county.code });
    const sibling = await createOrgan(deps, { parentCode: county.code });
    const policies = await createNode(deps, bureau.id, { name: '政策文件' });
    const normative = await createNode(deps, bureau.id, { name: '行政规范性文件', parentId: policies });
    const interpretations = await createNode(deps, bureau.id, { name: '政策解读' });
    const news = await createNode(deps, bureau.id, { name: '工作动态' });
    return { deps, county, bureau, sibling, policies, normative, interpretations, news };
  }

  /** Through the organ's 三级审核 to the portal, as people publish (not an import). */
  async function publishThroughChain(deps: ReturnType<typeof buildDeps>, cast: Awaited<ReturnType<typeof createReviewCast>>, id: number) {
    await fillReviewForm(deps, cast.author.actor, id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及国家秘密和个人信息' });
    await performReviewVerb(deps, cast.author.actor, id, 'submit');
    for (const reviewer of [cast.unitHead, cast.office, cast.leader]) await performReviewVerb(deps, reviewer.actor, id, 'approve', { comment: '同意' });
    return performReviewVerb(deps, cast.office.actor, id, 'publish');
  }

  it('links an interpretation and its policy both ways, and shows the public only published ends', async () => {
    const w = await world();
    const policy = await createPublished(w.deps, w.bureau.id, [w.normative], { title: '关于印发《测试县公共租赁住房管理办法》的通知' });
    const interpretation = await createPublished(w.deps, w.bureau.id, [w.interpretations], interpretationOf([policy.id], [w.interpretations]));
    expect(await findPublication(w.deps.db, interpretation.id)).toMatchObject({ itemKind: 'interpretation', interpretationForm: 'text', policyIds: [policy.id] });
    expect(await findPublication(w.deps.db, policy.id)).toMatchObject({ itemKind: 'document', interpretationForm: null, policyIds: [] });
    const ofPolicy = await interpretationLinks(w.deps.db, policy.id);
    expect(ofPolicy.interpretations.map((l) => l.id)).toEqual([interpretation.id]);
    expect(ofPolicy.policies).toEqual([]);
    const ofInterpretation = await interpretationLinks(w.deps.db, interpretation.id);
    expect(ofInterpretation.policies.map((l) => [l.id, l.title, l.organCode])).toEqual([[policy.id, policy.title, w.bureau.code]]);
    expect(ofInterpretation.interpretations).toEqual([]);

    // A second interpretation still in draft: the organ's staff see it, the public does not.
    const draft = await createDraft(w.deps, w.bureau.id, [w.interpretations], interpretationOf([policy.id], [w.interpretations], { interpretationForm: 'video', videoUrl: 'https://video.example.cn/1' }));
    expect((await interpretationLinks(w.deps.db, policy.id)).interpretations.map((l) => l.id)).toEqual([interpretation.id]);
    expect((await interpretationLinks(w.deps.db, policy.id, [w.bureau.id])).interpretations.map((l) => l.id).sort()).toEqual([interpretation.id, draft.id].sort());
    expect((await interpretationLinks(w.deps.db, policy.id, [w.sibling.id])).interpretations.map((l) => l.id)).toEqual([interpretation.id]);

    // Made an ordinary document again, it names nothing.
    await updatePublication(w.deps, system, draft.id, publicationInput([w.news], { policyIds: [policy.id], interpretationForm: 'text' }));
    expect(await findPublication(w.deps.db, draft.id)).toMatchObject({ itemKind: 'document', interpretationForm: null, videoUrl: null, policyIds: [] });
  });

  it('refuses a bad interpretation at once: no form, no policy, a video without its link, a picture that is not its own', async () => {
    const w = await world();
    const policy = await createPublished(w.deps, w.bureau.id, [w.policies]);
    await expect(createDraft(w.deps, w.bureau.id, [w.interpretations], { itemKind: 'interpretation' })).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ['interpretationForm'] }), expect.objectContaining({ path: ['policyIds'] })]),
    });
    await expect(createDraft(w.deps, w.bureau.id, [w.interpretations], interpretationOf([policy.id], [], { interpretationForm: 'video', nodeIds: [w.interpretations] }))).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ['videoUrl'] })]),
    });
    await expect(createDraft(w.deps, w.bureau.id, [w.interpretations], interpretationOf([policy.id], [w.interpretations], { policyIds: '12 abc' }))).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ message: '所解读的政策文件编号应为正整数' })]),
    });
    const other = await createDraft(w.deps, w.bureau.id, [w.news]);
    const foreignPicture = await addAttachment(w.deps, system, other.id, { fileName: '别的图.png', bytes: PNG });
    const graphic = await createDraft(w.deps, w.bureau.id, [w.interpretations], interpretationOf([policy.id], [w.interpretations], { interpretationForm: 'graphic' }));
    await expect(updatePublication(w.deps, system, graphic.id, interpretationOf([policy.id], [w.interpretations], { interpretationForm: 'graphic', graphicAttachmentId: foreignPicture }))).rejects.toMatchObject({
      code: 'ERR_CATALOG_INTERPRETATION_GRAPHIC_INVALID', field: 'graphicAttachmentId',
    });
  });

  it('publishes an interpretation only complete and with (or after) its policy', async () => {
    const w = await world();
    const policy = await createDraft(w.deps, w.bureau.id, [w.policies]);
    const interpretation = await createDraft(w.deps, w.bureau.id, [w.interpretations], interpretationOf([policy.id], [w.interpretations], { interpretationForm: 'graphic', bodyHtml: '<p>图解文字版</p>' }));
    const refused = await publishImported(w.deps, system, interpretation.id).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'ERR_CATALOG_INTERPRETATION_INCOMPLETE', httpStatus: 409 });
    expect((refused as { reasons: { field: string }[] }).reasons.map((r) => r.field)).toEqual(['policyIds', 'graphicAttachmentId']);
    expect((await findPublication(w.deps.db, interpretation.id))!.status).toBe('draft');

    await publishImported(w.deps, system, policy.id);
    const picture = await addAttachment(w.deps, system, interpretation.id, { fileName: '一图读懂.png', bytes: PNG });
    await updatePublication(w.deps, system, interpretation.id, interpretationOf([policy.id], [w.interpretations], {
      interpretationForm: 'graphic', graphicAttachmentId: picture, bodyHtml: '<p>图解文字版：一、适用范围……</p>',
    }));
    expect(await publishImported(w.deps, system, interpretation.id)).toMatchObject({ status: 'published', graphicAttachmentId: picture });
  });

  it('keeps a scheduled interpretation waiting, with one alert, until its policy is published', async () => {
    const w = await world('2026-09-24T02:00:00Z');
    const cast = await createReviewCast(w.deps, w.bureau.code);
    const policy = await createPublication(w.deps, cast.author.actor, w.bureau.id, publicationInput([w.policies], { formedOn: '2026-09-22' }));
    const interpretation = await createPublication(w.deps, cast.author.actor, w.bureau.id, interpretationOf([policy.id], [w.interpretations], { formedOn: '2026-09-22' }));
    for (const id of [policy.id, interpretation.id]) {
      await fillReviewForm(w.deps, cast.author.actor, id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
      await performReviewVerb(w.deps, cast.author.actor, id, 'submit');
      for (const reviewer of [cast.unitHead, cast.office, cast.leader]) await performReviewVerb(w.deps, reviewer.actor, id, 'approve');
    }
    await performReviewVerb(w.deps, cast.office.actor, interpretation.id, 'schedule', { publishAt: '2026-09-24T03:00:00Z' });
    w.deps.clock.set('2026-09-24T03:00:30Z');
    expect(await publishScheduled(w.deps)).toEqual({ published: [], alerts: 1 });
    w.deps.clock.set('2026-09-24T03:01:30Z');
    expect((await publishScheduled(w.deps)).published).toEqual([]);
    expect((await findPublication(w.deps.db, interpretation.id))!.status).toBe('scheduled');
    const alerts = await w.deps.db.selectFrom('workflow_alerts').select(['kind', 'message']).where('publication_id', '=', interpretation.id).execute();
    expect(alerts).toEqual([{ kind: 'schedule_failed', message: expect.stringContaining('所解读的政策文件尚未发布') }]);
    await performReviewVerb(w.deps, cast.office.actor, policy.id, 'publish');
    w.deps.clock.set('2026-09-24T03:02:30Z');
    expect(await publishScheduled(w.deps)).toEqual({ published: [interpretation.id], alerts: 0 });
  });

  it('lets an editor name their own organ’s draft, never another organ’s draft, and published policies only of organs above or below', async () => {
    const w = await world();
    const bureauEditor = await createActor(w.deps, w.bureau.code, 'editor');
    const siblingEditor = await createActor(w.deps, w.sibling.code, 'editor');
    const countyEditor = await createActor(w.deps, w.county.code, 'editor');
    const siblingNode = await createNode(w.deps, w.sibling.id, { name: '政策解读' });
    const countyNode = await createNode(w.deps, w.county.id, { name: '政策解读' });
    const draftPolicy = await createPublication(w.deps, bureauEditor.actor, w.bureau.id, publicationInput([w.policies], { title: '尚未发布的办法' }));

    // The bureau's own editor drafts the interpretation with the policy (they go through review together).
    const own = await createPublication(w.deps, bureauEditor.actor, w.bureau.id, interpretationOf([draftPolicy.id], [w.interpretations]));
    expect(own.policyIds).toEqual([draftPolicy.id]);

    // Another organ's editor is answered exactly as for an id that does not exist: the draft stays unseen.
    const refusal = async (actor: Actor, organId: number, node: number, ids: number[]) => {
      const e = await createPublication(w.deps, actor, organId, interpretationOf(ids, [node])).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'ERR_CATALOG_POLICY_LINK_INVALID', field: 'policyIds', httpStatus: 400 });
      return (e as { reasons: { message: string }[] }).reasons.map((r) => r.message);
    };
    expect(await refusal(siblingEditor.actor, w.sibling.id, siblingNode, [draftPolicy.id])).toEqual([`所解读的政策文件（编号 ${draftPolicy.id}）不存在或尚未发布`]);
    expect(await refusal(siblingEditor.actor, w.sibling.id, siblingNode, [999_999])).toEqual(['所解读的政策文件（编号 999999）不存在或尚未发布']);
    // Even the county above, whose staff reach the bureau, names only its published policies.
    expect(await refusal(countyEditor.actor, w.county.id, countyNode, [draftPolicy.id])).toEqual([`所解读的政策文件（编号 ${draftPolicy.id}）不存在或尚未发布`]);
    // Nor may an editor update their own interpretation to point at another organ's draft.
    const siblingDraft = await createPublication(w.deps, siblingEditor.actor, w.sibling.id, publicationInput([siblingNode], { title: '兄弟单位的草稿' }));
    await expect(updatePublication(w.deps, bureauEditor.actor, own.id, interpretationOf([siblingDraft.id], [w.interpretations]))).rejects.toMatchObject({ code: 'ERR_CATALOG_POLICY_LINK_INVALID' });

    await publishImported(w.deps, system, draftPolicy.id);
    // Published: the county above may explain it; a sibling bureau may not; every reason at once.
    expect((await createPublication(w.deps, countyEditor.actor, w.county.id, interpretationOf([draftPolicy.id], [countyNode]))).policyIds).toEqual([draftPolicy.id]);
    expect(await refusal(siblingEditor.actor, w.sibling.id, siblingNode, [draftPolicy.id, own.id])).toEqual([
      `编号 ${draftPolicy.id} 的政策文件不属于本机关或上下级机关，不能关联`, `所解读的政策文件（编号 ${own.id}）不存在或尚未发布`,
    ]);
    // And a bureau's interpretation of the county's published policy (the organ above).
    const countyPolicy = await createPublished(w.deps, w.county.id, [countyNode], { title: '县政府的政策' });
    expect((await createPublication(w.deps, bureauEditor.actor, w.bureau.id, interpretationOf([countyPolicy.id], [w.interpretations]))).policyIds).toEqual([countyPolicy.id]);
  });

  it('flags a policy after 3 working days without a published interpretation, across 中秋 and a weekend, until one is published', async () => {
    const w = await world('2026-09-24T02:00:00Z'); // Thursday; Friday 09-25 is 中秋节
    const cast = await createReviewCast(w.deps, w.bureau.code);
    const draft = async (nodes: number[], over: Record<string, unknown> = {}) => createPublication(w.deps, cast.author.actor, w.bureau.id, publicationInput(nodes, { formedOn: '2026-09-22', ...over }));
    const policy = await draft([w.normative], { title: '关于印发《测试县住房保障办法》的通知' });
    await publishThroughChain(w.deps, cast, policy.id);
    const news = await draft([w.news]);
    await publishThroughChain(w.deps, cast, news.id);
    // Imported content was published before the platform: never flagged.
    await createPublished(w.deps, w.bureau.id, [w.policies], { title: '导入的旧文件' });

    const awaiting = async () => (await policiesAwaitingInterpretation(w.deps, [w.bureau.id])).items;
    expect(await awaiting()).toEqual([expect.objectContaining({ id: policy.id, publishedOn: '2026-09-24', workingDays: 3, dueOn: '2026-09-30', overdueSince: null })]);
    w.deps.clock.set('2026-09-30T15:00:00Z'); // 23:00 on the due day in China
    expect((await countOverdueInterpretations(w.deps, [w.bureau.id])).get(w.bureau.id)).toBeUndefined();
    w.deps.clock.set('2026-09-30T16:00:00Z'); // 10-01 00:00 in China
    expect(await countOverdueInterpretations(w.deps, [w.bureau.id, w.sibling.id])).toEqual(new Map([[w.bureau.id, { overdue: 1, workingDays: 3 }]]));
    expect((await awaiting())[0].overdueSince).toBe('2026-10-01');

    // A draft or an interpretation still in review does not clear it; a published one does.
    w.deps.clock.set('2026-10-08T02:00:00Z');
    const interpretation = await createPublication(w.deps, cast.author.actor, w.bureau.id, interpretationOf([policy.id], [w.interpretations], { formedOn: '2026-10-08' }));
    expect((await countOverdueInterpretations(w.deps, [w.bureau.id])).get(w.bureau.id)?.overdue).toBe(1);
    await publishThroughChain(w.deps, cast, interpretation.id);
    expect(await countOverdueInterpretations(w.deps, [w.bureau.id])).toEqual(new Map());
    expect(await awaiting()).toEqual([]);

    // Withdrawn, the interpretation no longer counts: the policy is overdue again.
    await performReviewVerb(w.deps, cast.office.actor, interpretation.id, 'withdraw', { withdrawReason: 'published_in_error' });
    expect((await countOverdueInterpretations(w.deps, [w.bureau.id])).get(w.bureau.id)?.overdue).toBe(1);
  });

  it('follows the organ’s own setting of nodes and working days, which only its administrator saves', async () => {
    const w = await world('2026-11-20T02:00:00Z'); // Friday
    const cast = await createReviewCast(w.deps, w.bureau.code);
    const admin = await createActor(w.deps, w.bureau.code, 'organ_admin');
    const notice = await createPublication(w.deps, cast.author.actor, w.bureau.id, publicationInput([w.news], { formedOn: '2026-11-19' }));
    await publishThroughChain(w.deps, cast, notice.id);
    w.deps.clock.set('2026-11-24T02:00:00Z'); // Tuesday: the 2nd working day after
    expect((await policiesAwaitingInterpretation(w.deps, [w.bureau.id])).items).toEqual([]);

    await expect(saveInterpretationSetting(w.deps, cast.author.actor, w.bureau.id, { nodeIds: [w.news], workingDays: 1 })).rejects.toMatchObject({ httpStatus: 403 });
    await expect(saveInterpretationSetting(w.deps, admin.actor, w.bureau.id, { nodeIds: [w.news], workingDays: 0 })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['workingDays'] })] });
    const otherOrgansNode = await createNode(w.deps, w.sibling.id, { name: '政策文件' });
    await expect(saveInterpretationSetting(w.deps, admin.actor, w.bureau.id, { nodeIds: [otherOrgansNode], workingDays: 1 })).rejects.toMatchObject({ code: 'ERR_CATALOG_NODE_NOT_FOUND' });
    await saveInterpretationSetting(w.deps, admin.actor, w.bureau.id, { nodeIds: [String(w.news)], workingDays: '1' });
    expect((await policiesAwaitingInterpretation(w.deps, [w.bureau.id])).items).toEqual([
      expect.objectContaining({ id: notice.id, workingDays: 1, dueOn: '2026-11-23', overdueSince: '2026-11-24' }),
    ]);
    await saveInterpretationSetting(w.deps, admin.actor, w.bureau.id, { workingDays: 3 });
    expect((await policiesAwaitingInterpretation(w.deps, [w.bureau.id])).items).toEqual([]);
  });

  it('counts and pages in the database exactly the policies the domain rule flags, whatever their facts', async () => {
    const w = await world('2026-10-09T02:00:00Z'); // Friday after 国庆: Monday 09-28 is the last overdue day for 3 working days
    const calendar = WorkingDayCalendar.withBuiltinYears();
    const rule = { policyNodes: new Set([w.policies, w.normative]), workingDays: 3 };
    // Every combination of the facts the rule looks at, set on published items as they would be stored.
    const cases: (PolicyFacts & { id: number })[] = [];
    for (const publishedOn of ['2026-09-24', '2026-09-28', '2026-09-29', '2026-10-08']) {
      for (const nodeIds of [[w.policies], [w.normative], [w.policies, w.normative], [w.news]]) {
        for (const [validity, publishRoute, itemKind] of [['valid', 'review_chain', 'document'], ['valid', null, 'document'], ['valid', 'system_import', 'document'], ['repealed', 'review_chain', 'document'], ['valid', 'review_chain', 'interpretation']] as const) {
          const p = await createPublished(w.deps, w.bureau.id, nodeIds, { title: `政策${cases.length}` });
          await db().db.updateTable('publications').set({ published_on: publishedOn, validity, publish_route: publishRoute, item_kind: itemKind }).where('id', '=', p.id).execute();
          cases.push({ id: p.id, itemKind, status: 'published', validity, publishRoute, publishedOn, nodeIds });
        }
      }
    }
    // A sibling's policy in its own 政策文件 node: counted for the sibling only.
    const siblingNode = await createNode(w.deps, w.sibling.id, { name: '政策文件' });
    const siblings = await createPublished(w.deps, w.sibling.id, [siblingNode]);
    await db().db.updateTable('publications').set({ published_on: '2026-09-01', publish_route: 'review_chain' }).where('id', '=', siblings.id).execute();

    const flagged = cases.map((c) => ({ c, due: interpretationDue(c, rule.policyNodes, [], calendar, '2026-10-09', 3) })).filter((x) => x.due.needed);
    const overdue = flagged.filter((x) => x.due.needed && x.due.overdueSince !== null).length;
    expect(flagged.length).toBe(24);
    expect(overdue).toBe(12);
    expect(await countOverdueInterpretations(w.deps, [w.bureau.id, w.sibling.id])).toEqual(new Map([[w.bureau.id, { overdue, workingDays: 3 }], [w.sibling.id, { overdue: 1, workingDays: 3 }]]));

    const first = await policiesAwaitingInterpretation(w.deps, [w.bureau.id], { offset: 0, limit: 5 });
    const rest = await policiesAwaitingInterpretation(w.deps, [w.bureau.id], { offset: 5, limit: 100 });
    expect(first.total).toBe(24);
    expect([...first.items, ...rest.items].map((i) => [i.id, i.overdueSince !== null])).toEqual(
      flagged.sort((a, b) => a.c.publishedOn!.localeCompare(b.c.publishedOn!) || a.c.id - b.c.id).map((x) => [x.c.id, x.due.needed && x.due.overdueSince !== null]),
    );
  });

  it('lets an approved amendment of a published interpretation name another policy', async () => {
    const w = await world();
    const first = await createPublished(w.deps, w.bureau.id, [w.policies], { title: '第一份政策' });
    const second = await createPublished(w.deps, w.bureau.id, [w.policies], { title: '第二份政策' });
    const interpretation = await createPublished(w.deps, w.bureau.id, [w.interpretations], interpretationOf([first.id], [w.interpretations]));
    await fillReviewForm(w.deps, system, interpretation.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    await performReviewVerb(w.deps, system, interpretation.id, 'amend', { changeNote: '同时解读第二份政策', amended: interpretationOf([first.id, second.id], [w.interpretations]) });
    expect((await findPublication(w.deps.db, interpretation.id))!.policyIds).toEqual([first.id]);
    await performReviewVerb(w.deps, system, interpretation.id, 'approve_amendment');
    expect((await findPublication(w.deps.db, interpretation.id))!.policyIds).toEqual([first.id, second.id]);
    expect((await interpretationLinks(w.deps.db, second.id)).interpretations.map((l) => l.id)).toEqual([interpretation.id]);
  });
});

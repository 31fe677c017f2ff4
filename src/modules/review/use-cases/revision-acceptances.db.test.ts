import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createReviewCast, publicationInput } from '../../../../test/support/factories.ts';
import { createPublication, findPublication } from '../../catalog/index.ts';
import { fillReviewForm, loadForm, performReviewVerb } from '../index.ts';

const named = (f: { source: string; start: number; end: number; text: string }) => ({ source: f.source, start: f.start, end: f.end, text: f.text });
const codes = (e: unknown) => ((e as { reasons?: { code: string }[] }).reasons ?? []).map((r) => r.code);

// A notice published with two mobile numbers a reviewer accepted, each with its reason: the duty
// office's own (its sentence unchanged by the revision) and a contact's (whose name the revision changes).
const PUBLISHED_BODY = '<p>县水务局定于6月1日对城区主干管网进行检修，届时城区停水。</p><p>停水期间值班手机13912345678，由局办公室全天值守。</p><p>联系人李某，手机13698765432。</p>';
const DUTY = '13912345678';
const CONTACT = '13698765432';

describeEachDialect('a revision keeps the acceptances of findings whose text and context it leaves unchanged', (db) => {
  /** The notice through 三级审核 and 发布, both numbers accepted by the unit head; then the clock moves on. */
  async function published() {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const draft = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { bodyHtml: PUBLISHED_BODY, formedOn: '2026-03-02' }));
    await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret', involvesPersonalInfo: false, avoidanceNote: '不涉及' });
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    const found = (await loadForm(deps.db, draft.id))!.scanFindings;
    const duty = found.find((f) => f.text === DUTY)!;
    const contact = found.find((f) => f.text === CONTACT)!;
    await performReviewVerb(deps, cast.unitHead.actor, draft.id, 'approve', {
      acceptFindings: [{ ...named(duty), reason: '系本局值班手机，已对外公布' }, { ...named(contact), reason: '联系人同意公开' }],
    });
    await performReviewVerb(deps, cast.office.actor, draft.id, 'approve');
    await performReviewVerb(deps, cast.leader.actor, draft.id, 'approve');
    await performReviewVerb(deps, cast.office.actor, draft.id, 'publish');
    const acceptedAt = deps.clock.now().toISOString();
    deps.clock.set('2026-03-20T03:00:00Z');
    const p = (await findPublication(deps.db, draft.id))!;
    const amend = (bodyHtml: string) => performReviewVerb(deps, cast.author.actor, p.id, 'amend', {
      changeNote: '停水时间调整', amended: { ...publicationInput([node], { bodyHtml, formedOn: '2026-03-02' }), title: p.title },
    });
    const findings = async () => (await loadForm(deps.db, p.id))!.scanFindings;
    return { deps, cast, id: p.id, amend, findings, acceptedAt, unitHeadLabel: (await findings()).find((f) => f.text === DUTY)!.accepted!.byLabel };
  }

  it('keeps the duty number accepted, by whom and when, after a paragraph is added above it and the next sentence edited; the contact whose own sentence changed is judged again', async () => {
    const { deps, cast, id, amend, findings, acceptedAt, unitHeadLabel } = await published();
    await amend(`<p>因管网改造，停水时间调整如下。</p>${PUBLISHED_BODY.replace('李某', '王某')}`);

    const after = await findings();
    const duty = after.find((f) => f.text === DUTY)!;
    const contact = after.find((f) => f.text === CONTACT)!;
    expect(duty.start, 'the revision moved it').toBeGreaterThan(0);
    expect(duty.accepted).toMatchObject({ reason: '系本局值班手机，已对外公布', byLabel: unitHeadLabel, byUserId: cast.unitHead.id, at: acceptedAt });
    expect(contact.accepted, 'its context (联系人王某) is not what the reviewer accepted').toBeUndefined();

    // The publisher judges only the contact: the duty number no longer stops 修订审核通过.
    const refused = await performReviewVerb(deps, cast.office.actor, id, 'approve_amendment').catch((e) => e);
    expect(codes(refused)).toEqual(['ERR_REVIEW_SCAN_BLOCKED']);
    expect(String(refused.message)).toContain('1 处');
    const c = (await findings()).find((f) => f.text === CONTACT)!;
    await performReviewVerb(deps, cast.office.actor, id, 'approve_amendment', { acceptFindings: [{ ...named(c), reason: '王某同意公开' }] });
    expect((await findPublication(deps.db, id))!.bodyHtml).toContain('王某');
  });

  it('says in the revision’s audit entry which acceptances it carried and which findings are judged again, by their masked form only', async () => {
    const { deps, id, amend, acceptedAt, unitHeadLabel } = await published();
    await amend(`<p>因管网改造，停水时间调整如下。</p>${PUBLISHED_BODY.replace('李某', '王某')}`);
    const entry = await deps.db.selectFrom('audit_events').select('after_json').where('action', '=', 'publication.amend').where('entity_id', '=', String(id)).executeTakeFirstOrThrow();
    const after = JSON.parse(entry.after_json!) as Record<string, unknown>;
    expect(after.carriedAcceptances).toEqual([
      { source: '正文', type: 'mobile_phone', suggestion: '139****5678', reason: '系本局值班手机，已对外公布', byLabel: unitHeadLabel, at: acceptedAt },
    ]);
    expect(after.acceptancesNotCarried).toEqual([{ source: '正文', type: 'mobile_phone', suggestion: '136****5432', reason: '联系人同意公开' }]);
    // The proposed body is in the entry anyway; what the carry adds names no number.
    expect(JSON.stringify({ c: after.carriedAcceptances, n: after.acceptancesNotCarried })).not.toMatch(/13912345678|13698765432/);
  });

  it('does not carry an acceptance by its offsets alone: a contact renamed in place is judged again', async () => {
    const { amend, findings } = await published();
    const before = await findings();
    await amend(PUBLISHED_BODY.replace('李某', '王某'));
    const contact = (await findings()).find((f) => f.text === CONTACT)!;
    expect(named(contact), 'same place, same number').toEqual(named(before.find((f) => f.text === CONTACT)!));
    expect(contact.accepted).toBeUndefined();
    expect((await findings()).find((f) => f.text === DUTY)!.accepted).toBeDefined();
  });

  it('keeps every acceptance when the revision leaves the body alone, and a reworked revision keeps them again', async () => {
    const { amend, findings } = await published();
    await amend(PUBLISHED_BODY);
    expect((await findings()).every((f) => f.severity !== 'block' || f.accepted)).toBe(true);
    await amend(`${PUBLISHED_BODY}<p>特此通知。</p>`);
    expect((await findings()).filter((f) => f.accepted).map((f) => f.text).sort()).toEqual([CONTACT, DUTY].sort());
  });

  it('gives the published version its acceptances back when the revision is withdrawn, so the next revision keeps them', async () => {
    const { deps, cast, id, amend, findings, acceptedAt } = await published();
    await amend(PUBLISHED_BODY.replace('李某', '王某'));
    expect((await findings()).find((f) => f.text === CONTACT)!.accepted).toBeUndefined();
    // Discarded by its proposer (撤回修订; 退回修订 now keeps the revision with them, ADR 0051).
    await performReviewVerb(deps, cast.author.actor, id, 'withdraw_amendment');
    // The latest scan is the published version's again, with both acceptances as they were given.
    const back = await findings();
    expect(back.find((f) => f.text === CONTACT)!.accepted).toMatchObject({ reason: '联系人同意公开', at: acceptedAt, byUserId: cast.unitHead.id });
    expect(back.find((f) => f.text === DUTY)!.accepted).toMatchObject({ reason: '系本局值班手机，已对外公布', at: acceptedAt });
    await amend(`<p>因管网改造，停水时间调整如下。</p>${PUBLISHED_BODY}`);
    expect((await findings()).filter((f) => f.accepted).map((f) => f.text).sort()).toEqual([CONTACT, DUTY].sort());
  });

  it('gives a reworked revision back an acceptance its first version lost, once the sentence is as published again', async () => {
    const { amend, findings } = await published();
    await amend(PUBLISHED_BODY.replace('李某', '王某'));
    expect((await findings()).find((f) => f.text === CONTACT)!.accepted).toBeUndefined();
    await amend(PUBLISHED_BODY);
    expect((await findings()).find((f) => f.text === CONTACT)!.accepted).toMatchObject({ reason: '联系人同意公开' });
  });
});

import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createActor, createOrgan } from '../../../../test/support/factories.ts';
import { verifyAuditLog } from '../../audit/index.ts';
import { loadReportContext } from '../../reports/index.ts';
import {
  countProposalWork, findPublishedProposal, listProposals, listPublishedProposals, performProposalVerb, proposalDetails, proposalYearFigures, registerProposal,
  updateProposalSettings,
} from '../index.ts';
import type { ProposalInput } from '../domain/proposal.ts';

let n = 0;
const input = (over: Partial<ProposalInput> = {}): Partial<ProposalInput> => ({
  kind: 'suggestion', number: String(100 + ++n).padStart(4, '0'), title: `关于加快城区老旧小区改造的建议${n}`, submitters: '王某', session: '县十八届人大五次会议',
  receivedOn: '2026-03-10', role: 'lead', ...over,
});
const reply = (repliedOn: string) => ({ verb: 'reply' as const, replyText: '王某代表：您提出的建议收悉，现答复如下：已列入明年计划。', repliedOn, result: 'planned' });

describeEachDialect('建议提案', (db) => {
  let deps: ReturnType<typeof buildDeps>;
  let county: Awaited<ReturnType<typeof createOrgan>>;
  let organ: Awaited<ReturnType<typeof createOrgan>>;
  let unit: Awaited<ReturnType<typeof createOrgan>>;
  let clerk: Awaited<ReturnType<typeof createActor>>;
  let admin: Awaited<ReturnType<typeof createActor>>;
  let outsider: Awaited<ReturnType<typeof createActor>>;

  beforeAll(async () => {
    deps = buildDeps(db(), '2026-05-20T02:00:00Z');
    county = await createOrgan(deps);
    organ = await createOrgan(deps, { parentCode: county.code, kind: 'department' });
    unit = await createOrgan(deps, { parentCode: organ.code, kind: 'unit' });
    const other = await createOrgan(deps, { parentCode: county.code, kind: 'department' });
    clerk = await createActor(deps, organ.code, 'editor');
    admin = await createActor(deps, organ.code, 'organ_admin');
    outsider = await createActor(deps, other.code, 'editor');
  });

  it('registers one with every wrong field refused at once, due 3 months after receipt by default, and a number once per kind and year', async () => {
    deps.clock.set('2026-05-20T02:00:00Z');
    const bad = await registerProposal(deps, clerk.actor, organ.id, input({ title: ' ', role: 'both', receivedOn: '2026-05-21' })).catch((e) => e);
    expect(bad.code).toBe('ERR_PROPOSAL_INVALID_INPUT');
    expect(bad.reasons.map((r: { field: string }) => r.field)).toEqual(['title', 'receivedOn', 'role']);
    await expect(registerProposal(deps, outsider.actor, organ.id, input())).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN', httpStatus: 403 });
    await expect(registerProposal(deps, clerk.actor, unit.id, input())).rejects.toMatchObject({ code: 'ERR_PROPOSAL_NOT_FOUND', httpStatus: 404 });

    const p = await registerProposal(deps, clerk.actor, organ.id, input({ number: '0123', receivedOn: '2026-03-10' }));
    expect(p).toMatchObject({ number: '第0123号', year: 2026, dueOn: '2026-06-10', dueExplicit: false, state: 'registered', version: 1 });
    // The same number for the other kind is another record; for the same kind and year, refused — also when two race.
    expect((await registerProposal(deps, clerk.actor, organ.id, input({ number: '0123', kind: 'proposal' }))).kind).toBe('proposal');
    await expect(registerProposal(deps, clerk.actor, organ.id, input({ number: '第0123号' }))).rejects.toMatchObject({ code: 'ERR_PROPOSAL_DUPLICATE', httpStatus: 409 });
    const race = await Promise.allSettled([0, 1].map(() => registerProposal(deps, clerk.actor, organ.id, input({ number: '0777' }))));
    expect(race.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((race.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'ERR_PROPOSAL_DUPLICATE' });

    // A typed due date is kept; a cancelled registration frees its number.
    const typed = await registerProposal(deps, clerk.actor, organ.id, input({ number: '0900', dueOn: '2026-05-31' }));
    expect(typed).toMatchObject({ dueOn: '2026-05-31', dueExplicit: true });
    await expect(performProposalVerb(deps, clerk.actor, typed.id, { verb: 'cancel', reason: ' ' })).rejects.toMatchObject({ code: 'ERR_PROPOSAL_REASON_REQUIRED' });
    expect((await performProposalVerb(deps, clerk.actor, typed.id, { verb: 'cancel', reason: '重复登记' })).state).toBe('cancelled');
    expect((await registerProposal(deps, clerk.actor, organ.id, input({ number: '0900' }))).state).toBe('registered');
  });

  it('replies, records the 满意度, publishes masked, withholds with a reason, and writes the history and the audit log', async () => {
    deps.clock.set('2026-09-28T02:00:00Z');
    const p = await registerProposal(deps, clerk.actor, organ.id, input({ kind: 'proposal', title: '关于增设桐阳花园停车位的提案', submitters: '李某、赵某', session: '县政协十二届五次会议', receivedOn: '2026-06-15' }));
    const early = await performProposalVerb(deps, clerk.actor, p.id, { ...reply('2026-06-14') }).catch((e) => e);
    expect(early.reasons.map((r: { message: string }) => r.message)).toEqual(['答复日期2026-06-14早于收到日期2026-06-15']);
    const replied = await performProposalVerb(deps, clerk.actor, p.id, reply('2026-09-28'), p.version);
    // 20 working days from the day after the reply, across 国庆 (1–7 October) and the 调休 Saturday 10 October.
    expect(replied).toMatchObject({ state: 'replied', repliedOn: '2026-09-28', result: 'planned', publishDueOn: '2026-10-30' });
    await expect(performProposalVerb(deps, clerk.actor, p.id, reply('2026-09-28'))).rejects.toMatchObject({ code: 'ERR_PROPOSAL_VERB_NOT_ALLOWED', httpStatus: 409 });
    await expect(performProposalVerb(deps, clerk.actor, p.id, { verb: 'publish', publicText: '答复' }, p.version)).rejects.toMatchObject({ code: 'ERR_PROPOSAL_VERSION_CONFLICT' });

    const secret = await performProposalVerb(deps, clerk.actor, p.id, { verb: 'publish', publicText: '秘密★1年\n关于停车位的答复' }).catch((e) => e);
    expect(secret).toMatchObject({ code: 'ERR_PROPOSAL_SECRECY_MARKING', httpStatus: 409 });
    await performProposalVerb(deps, clerk.actor, p.id, { verb: 'recordSatisfaction', satisfaction: 'basically_satisfied', note: '希望尽快实施' });
    const published = await performProposalVerb(deps, clerk.actor, p.id, { verb: 'publish', publicText: '李某委员：停车位已列入计划，先解决反映问题的住户（幸福小区3栋2单元501室）家门口的车位。经办人手机13912345678，邮箱 wangwu@example.com。' });
    expect(published).toMatchObject({ state: 'published', publishedOn: '2026-09-28', satisfaction: 'basically_satisfied' });

    const shown = await findPublishedProposal(deps, organ.id, p.id);
    expect(shown.replyText).not.toContain('13912345678');
    expect(shown.replyText).not.toContain('wangwu@example.com');
    expect(shown.replyText).toContain('139****5678');
    // A resident's home, as in a published letter: the estate stays, the house detail goes.
    expect(shown.replyText).not.toContain('501');
    expect(shown.replyText).toContain('幸福小区');
    expect(shown).toMatchObject({ submitters: '李某、赵某', number: p.number, result: 'planned' });
    expect((await listPublishedProposals(deps, organ.id, { kind: 'proposal' }, 1)).items.map((i) => i.id)).toContain(p.id);
    expect((await listPublishedProposals(deps, organ.id, { kind: 'suggestion' }, 1)).items.map((i) => i.id)).not.toContain(p.id);

    await expect(performProposalVerb(deps, clerk.actor, p.id, { verb: 'withhold', reason: '' })).rejects.toMatchObject({ code: 'ERR_PROPOSAL_REASON_REQUIRED' });
    const withheld = await performProposalVerb(deps, clerk.actor, p.id, { verb: 'withhold', reason: '复文涉及商业秘密' });
    expect(withheld).toMatchObject({ state: 'withheld', publishedOn: null, withheldReason: '复文涉及商业秘密' });
    await expect(findPublishedProposal(deps, organ.id, p.id)).rejects.toMatchObject({ code: 'ERR_PROPOSAL_NOT_FOUND', httpStatus: 404 });
    await expect(performProposalVerb(deps, outsider.actor, p.id, { verb: 'publish', publicText: '答复' })).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });

    const d = await proposalDetails(deps, clerk.actor, p.id);
    expect(d.events.map((e) => e.verb)).toEqual(['register', 'reply', 'recordSatisfaction', 'publish', 'withhold']);
    expect(d.events.at(-1)).toMatchObject({ fromState: 'published', toState: 'withheld', note: '复文涉及商业秘密' });
    const audited = await deps.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'proposal').where('entity_id', '=', String(p.id)).orderBy('id').execute();
    expect(audited.map((a) => a.action)).toEqual(['proposal.register', 'proposal.reply', 'proposal.recordSatisfaction', 'proposal.publish', 'proposal.withhold']);
    expect((await verifyAuditLog(deps.db)).breaks).toEqual([]);
  });

  it('lists by year, kind and state, and counts for 待办 the overdue, the nearly due and the late publication decisions', async () => {
    deps.clock.set('2026-03-02T02:00:00Z');
    const quiet = await createOrgan(deps, { parentCode: county.code, kind: 'department' });
    const staff = await createActor(deps, quiet.code, 'editor');
    const overdue = await registerProposal(deps, staff.actor, quiet.id, input({ receivedOn: '2025-11-03', year: '2025' }));
    const dueSoon = await registerProposal(deps, staff.actor, quiet.id, input({ kind: 'proposal', receivedOn: '2026-01-10', dueOn: '2026-03-10' }));
    await registerProposal(deps, staff.actor, quiet.id, input({ receivedOn: '2026-02-20' }));
    const late = await registerProposal(deps, staff.actor, quiet.id, input({ receivedOn: '2026-01-05' }));
    await performProposalVerb(deps, staff.actor, late.id, reply('2026-01-27'));
    // 2 March: due 3 February is past; 10 March is within 10 working days; the reply of 27 January has until
    // today, 20 working days with 春节 between (and the 调休 Saturday 28 February); late from tomorrow.
    expect(overdue.dueOn).toBe('2026-02-03');
    expect((await countProposalWork(deps, [quiet.id])).get(quiet.id)).toEqual({ overdue: 1, dueSoon: 1, publishLate: 0 });
    deps.clock.set('2026-03-03T02:00:00Z');
    expect((await countProposalWork(deps, [quiet.id])).get(quiet.id)).toEqual({ overdue: 1, dueSoon: 1, publishLate: 1 });

    const ids = async (f: Parameters<typeof listProposals>[3]) => (await listProposals(deps, staff.actor, quiet.id, f, 1)).items.map((p) => p.id);
    expect(await ids({ view: 'overdue' })).toEqual([overdue.id]);
    expect(await ids({ view: 'due_soon' })).toEqual([dueSoon.id]);
    expect(await ids({ view: 'publish_late' })).toEqual([late.id]);
    expect(await ids({ view: 'all', year: 2025 })).toEqual([overdue.id]);
    expect(await ids({ view: 'registered', kind: 'proposal' })).toEqual([dueSoon.id]);
    const page = await listProposals(deps, staff.actor, quiet.id, { view: 'all' }, 2, 3);
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3, years: [2026, 2025] });
    expect(page.items).toHaveLength(1);
    await expect(listProposals(deps, outsider.actor, quiet.id, { view: 'all' }, 1)).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
  });

  it('lets only the organ administrator change the months and working days, which apply from then on', async () => {
    deps.clock.set('2026-05-20T02:00:00Z');
    const bad = await updateProposalSettings(deps, admin.actor, organ.id, { dueMonths: '0', publishWorkingDays: '61' }).catch((e) => e);
    expect(bad.reasons.map((r: { field: string }) => r.field)).toEqual(['dueMonths', 'publishWorkingDays']);
    await expect(updateProposalSettings(deps, clerk.actor, organ.id, { dueMonths: '2', publishWorkingDays: '10' })).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    const before = await registerProposal(deps, clerk.actor, organ.id, input({ receivedOn: '2026-05-11' }));
    await updateProposalSettings(deps, admin.actor, organ.id, { dueMonths: '2', publishWorkingDays: '10' });
    const after = await registerProposal(deps, clerk.actor, organ.id, input({ receivedOn: '2026-05-11' }));
    expect([before.dueOn, after.dueOn]).toEqual(['2026-08-11', '2026-07-11']);
    expect((await performProposalVerb(deps, clerk.actor, after.id, reply('2026-05-20'))).publishDueOn).toBe('2026-06-03');
    expect((await proposalDetails(deps, clerk.actor, before.id)).proposal.dueOn).toBe('2026-08-11');
    // Correcting the registration keeps the due date computed then, unless the day received changes.
    const edit = (over: Partial<ProposalInput>) => ({ verb: 'edit' as const, input: { ...(input() as ProposalInput), number: before.number, receivedOn: '2026-05-11', partnerOrgans: '', dueOn: '', year: '', ...over } });
    expect((await performProposalVerb(deps, clerk.actor, before.id, edit({ title: '更正后的标题' }))).dueOn).toBe('2026-08-11');
    expect((await performProposalVerb(deps, clerk.actor, before.id, edit({ receivedOn: '2026-05-12' }))).dueOn).toBe('2026-07-12');
    const wrong = await performProposalVerb(deps, clerk.actor, before.id, edit({ year: 'abcd', kind: 'letter' })).catch((e) => e);
    expect(wrong).toMatchObject({ code: 'ERR_PROPOSAL_INVALID_INPUT', httpStatus: 400 });
    expect(wrong.reasons.map((r: { field: string }) => r.field)).toEqual(['kind', 'year']);
    await expect(performProposalVerb(deps, clerk.actor, before.id, edit({ number: after.number }))).rejects.toMatchObject({ code: 'ERR_PROPOSAL_DUPLICATE', httpStatus: 409 });
    await updateProposalSettings(deps, admin.actor, organ.id, { dueMonths: '3', publishWorkingDays: '20' });
  });

  it('counts the year for the annual report and drafts section 六 with the figures', async () => {
    deps.clock.set('2027-01-05T02:00:00Z');
    const bureau = await createOrgan(deps, { parentCode: county.code, kind: 'department' });
    const staff = await createActor(deps, bureau.code, 'editor');
    const made = [];
    for (const over of [
      { kind: 'suggestion', role: 'lead', receivedOn: '2025-03-10' },
      { kind: 'suggestion', role: 'co', receivedOn: '2025-03-12' },
      { kind: 'proposal', role: 'lead', receivedOn: '2025-03-15' },
      { kind: 'proposal', role: 'lead', receivedOn: '2025-12-20' },
      { kind: 'suggestion', role: 'lead', receivedOn: '2024-12-30', year: '2024' },
      { kind: 'suggestion', role: 'lead', receivedOn: '2025-04-01' },
    ]) made.push(await registerProposal(deps, staff.actor, bureau.id, input(over)));
    const [a, b, c, d, , cancelled] = made;
    for (const p of [a, b, c]) await performProposalVerb(deps, staff.actor, p.id, reply('2025-05-20'));
    await performProposalVerb(deps, staff.actor, a.id, { verb: 'publish', publicText: '答复' });
    await performProposalVerb(deps, staff.actor, b.id, { verb: 'withhold', reason: '涉及国家秘密' });
    await performProposalVerb(deps, staff.actor, d.id, reply('2026-01-04'));
    await performProposalVerb(deps, staff.actor, cancelled.id, { verb: 'cancel', reason: '交办有误' });
    // a was published on 2027-01-05, after the year: replied by 31 December yes, published by then no.
    expect((await proposalYearFigures(deps.db, [bureau.id, organ.id], 2025)).get(bureau.id)).toEqual({ suggestions: 2, proposals: 2, lead: 3, co: 1, replied: 3, published: 0, withheld: 1 });
    expect((await proposalYearFigures(deps.db, [bureau.id], 2023)).size).toBe(0);

    const ctx = await loadReportContext(deps, deps.db, bureau.code, 2025);
    expect(ctx.report.sections['六']).toContain('本年度承办人大代表建议2件、政协提案2件，其中主办3件、协办1件；截至2025年12月31日已答复3件，公开办理结果0件，经审查不予公开1件。');
    expect(ctx.report.sections['六']).toContain('【待补充：年度政务公开工作要点落实情况。】');
    const none = await loadReportContext(deps, deps.db, bureau.code, 2023);
    expect(none.report.sections['六']).toContain('人大代表建议和政协提案办理结果公开情况');
  });
});

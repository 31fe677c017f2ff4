import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createActor, createOrgan } from '../../../../test/support/factories.ts';
import { verifyAuditLog } from '../../audit/index.ts';
import { checkLetter, countUnitLetterWork, letterDetails, listUnitLetters, performLetterVerb, submitLetter } from '../index.ts';

const input = (over: Record<string, unknown> = {}) => ({
  type: 'complain', subject: '小区违章搭建', content: '幸福小区有人在楼顶违章搭建，请查处。', writerName: '张小明', contact: '13912345678', publishConsent: 'yes', ...over,
});

/**
 * 交办 of a letter to an internal unit (内设机构): the unit's staff open the letter handed to their
 * unit (only that one), find it in 交办给本单位的来信, write the unit's 办理意见 (history and audit log),
 * and the organ's handler sees that the unit has answered; the organ still replies (条例第二十七条).
 */
describeEachDialect('letters handed to an internal unit', (db) => {
  let deps: ReturnType<typeof buildDeps>;
  let organ: Awaited<ReturnType<typeof createOrgan>>;
  let unit: Awaited<ReturnType<typeof createOrgan>>;
  let otherUnit: Awaited<ReturnType<typeof createOrgan>>;
  let clerk: Awaited<ReturnType<typeof createActor>>;
  let unitStaff: Awaited<ReturnType<typeof createActor>>;
  let otherUnitStaff: Awaited<ReturnType<typeof createActor>>;
  const scopeOf = (unitIds: number[], handledOrganIds: number[] = []) => ({ unitIds, handledOrganIds });

  beforeAll(async () => {
    deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const county = await createOrgan(deps);
    organ = await createOrgan(deps, { parentCode: county.code, kind: 'department' });
    unit = await createOrgan(deps, { parentCode: organ.code, kind: 'unit', name: '城市管理股' });
    otherUnit = await createOrgan(deps, { parentCode: organ.code, kind: 'unit', name: '村镇建设股' });
    clerk = await createActor(deps, organ.code, 'editor');
    unitStaff = await createActor(deps, unit.code, 'editor');
    otherUnitStaff = await createActor(deps, otherUnit.code, 'unit_head');
  });

  it('opens a letter handed to the unit to that unit’s staff, read-only but for the unit’s 办理意见, and to no other unit', async () => {
    deps.clock.set('2026-03-10T02:00:00Z');
    const r = await submitLetter(deps, organ.code, input());
    const { id } = await checkLetter(deps, r.trackingNo, r.queryCode);
    // Not handed over yet: the unit's staff cannot open it.
    await expect(letterDetails(deps, unitStaff.actor, id)).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    await performLetterVerb(deps, clerk.actor, id, { verb: 'assign', unitId: unit.id });
    const seen = await letterDetails(deps, unitStaff.actor, id);
    expect(seen.access).toBe('unit');
    expect(seen.letter.content).toContain('违章搭建');
    expect(seen.verbs.map((v) => v.verb)).toEqual(['recordUnitOpinion']);
    expect(seen.publicVersion).toBeNull();
    await expect(letterDetails(deps, otherUnitStaff.actor, id)).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    // The organ's handler keeps every verb and is never offered the unit's note.
    const handler = await letterDetails(deps, clerk.actor, id);
    expect(handler.access).toBe('handler');
    expect(handler.verbs.map((v) => v.verb)).not.toContain('recordUnitOpinion');
    // The unit does not answer the writer, nor hand the letter on (条例第二十七条).
    await expect(performLetterVerb(deps, unitStaff.actor, id, { verb: 'reply', replyText: '已处理' })).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    await expect(performLetterVerb(deps, unitStaff.actor, id, { verb: 'assign', unitId: unit.id })).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    // Nor does the organ's handler write the unit's note, nor another unit's staff.
    await expect(performLetterVerb(deps, clerk.actor, id, { verb: 'recordUnitOpinion', opinion: '代填' })).rejects.toMatchObject({ code: 'ERR_LETTER_NOT_UNIT_STAFF' });
    await expect(performLetterVerb(deps, otherUnitStaff.actor, id, { verb: 'recordUnitOpinion', opinion: '代填' })).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
  });

  it('lists the letters handed to the unit, tells its staff of those awaiting the note, and shows the organ’s handler the note', async () => {
    deps.clock.set('2026-03-11T02:00:00Z');
    const r = await submitLetter(deps, organ.code, input({ subject: '路灯不亮' }));
    const { id } = await checkLetter(deps, r.trackingNo, r.queryCode);
    await performLetterVerb(deps, clerk.actor, id, { verb: 'assign', unitId: unit.id });
    const awaiting = await listUnitLetters(deps, scopeOf([unit.id]), 'awaiting_opinion', 1);
    expect(awaiting.items.map((l) => l.subject)).toContain('路灯不亮');
    expect((await listUnitLetters(deps, scopeOf([otherUnit.id]), 'all', 1)).items.map((l) => l.subject)).not.toContain('路灯不亮');
    // Whoever handles the organ has them in the organ's mailbox, not in this list.
    expect((await listUnitLetters(deps, scopeOf([unit.id], [organ.id]), 'all', 1)).total).toBe(0);
    const before = (await countUnitLetterWork(deps, scopeOf([unit.id]))).get(unit.id) ?? 0;
    expect(before).toBeGreaterThanOrEqual(1);

    deps.clock.set('2026-03-12T02:00:00Z');
    const opinion = '经现场核实，该路段路灯线路老化，已于3月12日修复。建议答复来信人。';
    const after = await performLetterVerb(deps, unitStaff.actor, id, { verb: 'recordUnitOpinion', opinion });
    expect(after.state).toBe('assigned');
    expect(after.unitOpinionOn).toBe('2026-03-12');
    expect((await countUnitLetterWork(deps, scopeOf([unit.id]))).get(unit.id) ?? 0).toBe(before - 1);
    expect((await listUnitLetters(deps, scopeOf([unit.id]), 'awaiting_opinion', 1)).items.map((l) => l.id)).not.toContain(id);
    expect((await listUnitLetters(deps, scopeOf([unit.id]), 'open', 1)).items.map((l) => l.id)).toContain(id);

    // The organ's handler reads the note in the history and replies.
    const d = await letterDetails(deps, clerk.actor, id);
    expect(d.letter.unitOpinionOn).toBe('2026-03-12');
    const note = d.events.find((e) => e.verb === 'recordUnitOpinion')!;
    expect(note).toMatchObject({ note: opinion, actorLabel: expect.stringContaining('张某'), data: { unitId: unit.id, unitName: '城市管理股', opinion } });
    const audit = await deps.db.selectFrom('audit_events').select(['action', 'after_json', 'actor_user_id']).where('entity_type', '=', 'letter').where('entity_id', '=', String(id)).where('action', '=', 'letter.recordUnitOpinion').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_user_id).toBe(unitStaff.id);
    expect(JSON.parse(audit[0].after_json!)).toMatchObject({ opinion, unitName: '城市管理股' });
    expect((await verifyAuditLog(deps.db)).breaks).toEqual([]);
    const replied = await performLetterVerb(deps, clerk.actor, id, { verb: 'reply', replyText: '经核实，路灯已修复。' });
    expect(replied.state).toBe('replied');
    // Answered: no longer open, no further note; still readable by the unit.
    await expect(performLetterVerb(deps, unitStaff.actor, id, { verb: 'recordUnitOpinion', opinion: '补充' })).rejects.toMatchObject({ code: 'ERR_LETTER_VERB_NOT_ALLOWED' });
    expect((await letterDetails(deps, unitStaff.actor, id)).access).toBe('unit');
  });

  it('starts the note again when the letter is handed to another unit, and the first unit loses it', async () => {
    deps.clock.set('2026-03-13T02:00:00Z');
    const r = await submitLetter(deps, organ.code, input({ subject: '井盖缺失' }));
    const { id } = await checkLetter(deps, r.trackingNo, r.queryCode);
    await performLetterVerb(deps, clerk.actor, id, { verb: 'assign', unitId: unit.id });
    await performLetterVerb(deps, unitStaff.actor, id, { verb: 'recordUnitOpinion', opinion: '不属于本股职责，建议交村镇建设股。' });
    const moved = await performLetterVerb(deps, clerk.actor, id, { verb: 'assign', unitId: otherUnit.id });
    expect(moved.unitOpinionOn).toBeNull();
    await expect(letterDetails(deps, unitStaff.actor, id)).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    expect((await letterDetails(deps, otherUnitStaff.actor, id)).access).toBe('unit');
    expect((await listUnitLetters(deps, scopeOf([otherUnit.id]), 'awaiting_opinion', 1)).items.map((l) => l.id)).toContain(id);
  });
});

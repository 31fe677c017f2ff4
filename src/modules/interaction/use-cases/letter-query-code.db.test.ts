import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createActor, createOrgan } from '../../../../test/support/factories.ts';
import { auditEventsFor, verifyAuditLog } from '../../audit/index.ts';
import { checkLetter, InteractionErrorCode as E, letterDetails, letterQueryCodeNoticeFor, performLetterVerb, resetLetterQueryCode, submitLetter } from '../index.ts';

const input = { type: 'consult', subject: '老旧小区改造补助', content: '请问补助标准？', writerName: '张小明', contact: '13912345678', publishConsent: 'no' };

/**
 * 重新设置查询码 for a letter (docs/workflows/mailbox.md): the writer who lost the code asks the organ
 * handling the letter; staff write how they checked who asks, the old code stops working, the new one
 * is returned once — kept only as its hash, never in the history, the audit log or a stored notice.
 */
describeEachDialect('resetting a letter\'s 查询码', (db) => {
  it('sets a new code for the organ handling the letter, voids the old one and records how the writer was checked, never the code', async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const county = await createOrgan(deps);
    const organ = await createOrgan(deps, { parentCode: county.code, kind: 'department', name: '青岚县住房和城乡建设局' });
    const other = await createOrgan(deps, { parentCode: county.code, kind: 'department' });
    const unit = await createOrgan(deps, { parentCode: organ.code, kind: 'unit' });
    const clerk = await createActor(deps, organ.code, 'editor');
    const otherClerk = await createActor(deps, other.code, 'editor');
    const unitClerk = await createActor(deps, unit.code, 'editor');
    const r = await submitLetter(deps, organ.code, input);
    const { letter } = await letterDetails(deps, clerk.actor, (await checkLetter(deps, r.trackingNo, r.queryCode)).id);

    // How the writer was checked is required; refused, nothing changes.
    await expect(resetLetterQueryCode(deps, clerk.actor, letter.id, '  ')).rejects.toMatchObject({ code: E.verificationRequired, field: 'verifiedBy' });
    await expect(resetLetterQueryCode(deps, clerk.actor, letter.id, '核'.repeat(201))).rejects.toMatchObject({ code: E.invalidInput, field: 'verifiedBy' });
    // Only staff of the organ handling it: not another organ, not a unit it could be handed to.
    await expect(resetLetterQueryCode(deps, otherClerk.actor, letter.id, '回拨来信所留电话核实')).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    await performLetterVerb(deps, clerk.actor, letter.id, { verb: 'assign', unitId: unit.id });
    await expect(resetLetterQueryCode(deps, unitClerk.actor, letter.id, '回拨来信所留电话核实')).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    await expect(resetLetterQueryCode(deps, clerk.actor, 999_999, '回拨来信所留电话核实')).rejects.toMatchObject({ code: E.notFound });
    expect((await checkLetter(deps, r.trackingNo, r.queryCode)).id).toBe(letter.id);

    const versionBefore = (await letterDetails(deps, clerk.actor, letter.id)).letter.version;
    const reset = await resetLetterQueryCode(deps, clerk.actor, letter.id, '回拨来信所留电话13912345678核实');
    expect(reset.queryCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(reset.queryCode).not.toBe(r.queryCode);
    await expect(checkLetter(deps, r.trackingNo, r.queryCode)).rejects.toMatchObject({ code: E.queryFailed });
    expect((await checkLetter(deps, r.trackingNo, reset.queryCode)).state).toBe('assigned');
    // A reset is no handling of the letter: a verb form opened before it still goes through (same version).
    expect(reset.letter.version).toBe(versionBefore);

    // The notice names the number and the new code; only the code in force opens it again.
    const text = JSON.stringify(reset.notice);
    expect(text).toContain(r.trackingNo);
    expect(text).toContain(`新的查询码：${reset.queryCode}`);
    expect(text).toContain('原查询码作废');
    expect(text).toContain('青岚县住房和城乡建设局');
    expect(JSON.stringify(await letterQueryCodeNoticeFor(deps, clerk.actor, letter.id, reset.queryCode.toLowerCase()))).toContain(reset.queryCode);
    expect(await letterQueryCodeNoticeFor(deps, clerk.actor, letter.id, r.queryCode)).toBeNull();
    await expect(letterQueryCodeNoticeFor(deps, otherClerk.actor, letter.id, reset.queryCode)).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });

    // Recorded in the letter's history and the audit log, with how the writer was checked; the code nowhere.
    const { events } = await letterDetails(deps, clerk.actor, letter.id);
    const entry = events.find((e) => e.verb === 'resetQueryCode')!;
    expect(entry.note).toContain('回拨来信所留电话13912345678核实');
    expect(entry.actorUserId).toBe(clerk.id);
    const audit = await auditEventsFor(deps.db, 'letter', String(letter.id));
    expect(audit.map((a) => a.action)).toContain('letter.reset_query_code');
    for (const code of [r.queryCode, reset.queryCode]) {
      expect(JSON.stringify(events)).not.toContain(code);
      expect(JSON.stringify(audit)).not.toContain(code);
    }
    expect((await verifyAuditLog(deps.db)).breaks).toEqual([]);

    // Transferred, the letter's code is reset by the organ now handling it.
    await performLetterVerb(deps, clerk.actor, letter.id, { verb: 'transfer', targetOrganId: other.id, reason: '属于另一部门职责' });
    await expect(resetLetterQueryCode(deps, clerk.actor, letter.id, '回拨来信所留电话核实')).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    const again = await resetLetterQueryCode(deps, otherClerk.actor, letter.id, '核验身份证原件');
    expect((await checkLetter(deps, r.trackingNo, again.queryCode)).organName).toBe(other.name);
    await expect(checkLetter(deps, r.trackingNo, reset.queryCode)).rejects.toMatchObject({ code: E.queryFailed });
  });
});

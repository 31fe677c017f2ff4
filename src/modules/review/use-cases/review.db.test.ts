import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createReviewCast, publicationInput } from '../../../../test/support/factories.ts';
import { createPublication, findPublication, pagePublishedInNodes } from '../../catalog/index.ts';
import { decisionsFor, fillReviewForm, loadForm, performReviewVerb, publishScheduled, versionsFor } from '../index.ts';
import { findPendingRevision } from '../storage/revisions-repository.ts';
import { pendingRevisionsOf, returnedTo } from '../storage/review-inbox.ts';

describeEachDialect('review chain and confidentiality review', (db) => {
  async function world(body = '<p>县住建局召开推进会，部署保障性住房工作。</p>') {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const draft = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { bodyHtml: body, formedOn: '2026-03-02' }));
    await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及国家秘密和个人信息' });
    return { deps, organ, node, cast, draft };
  }

  it('goes officer → unit head → office → leader → published, with a return for changes and every step signed', async () => {
    const { deps, node, cast, draft } = await world();
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    await performReviewVerb(deps, cast.unitHead.actor, draft.id, 'return_for_changes', { comment: '请补充会议时间' });
    expect((await findPublication(deps.db, draft.id))!.status).toBe('returned');
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    for (const reviewer of [cast.unitHead, cast.office, cast.leader]) await performReviewVerb(deps, reviewer.actor, draft.id, 'approve', { comment: '同意' });
    expect((await findPublication(deps.db, draft.id))!.status).toBe('approved');
    const published = await performReviewVerb(deps, cast.office.actor, draft.id, 'publish');
    expect(published).toMatchObject({ status: 'published', publishRoute: 'review_chain' });
    expect(published.indexNumber).toMatch(/\/2026-00001$/);
    const signed = await decisionsFor(deps.db, draft.id);
    expect(signed.map((s) => [s.verb, s.stage_name])).toEqual([
      ['submit', null], ['return_for_changes', '股室负责人审核'], ['submit', null],
      ['approve', '股室负责人审核'], ['approve', '政务公开办公室审核'], ['approve', '分管领导审签'], ['publish', null],
    ]);
    expect(signed.every((s) => s.user_label && s.decided_at)).toBe(true);
    expect((await pagePublishedInNodes(deps.db, [node], 1, 10)).items.map((i) => i.id)).toContain(draft.id);
  });

  it('takes an item submitted by a unit (信息报送): the unit’s head approves the first stage, the bureau the rest', async () => {
    const deps = buildDeps(db());
    const bureau = await createOrgan(deps);
    const { createActor } = await import('../../../../test/support/factories.ts');
    const unit = await createOrgan(deps, { kind: 'unit', parentCode: bureau.code, name: `村镇建设股${bureau.id}` });
    const node = await createNode(deps, bureau.id);
    const officer = await createActor(deps, unit.code, 'editor');
    const unitHead = await createActor(deps, unit.code, 'unit_head');
    const otherUnit = await createOrgan(deps, { kind: 'unit', parentCode: bureau.code, name: `城市建设股${bureau.id}` });
    const otherHead = await createActor(deps, otherUnit.code, 'unit_head');
    const office = await createActor(deps, bureau.code, 'disclosure_office');
    const leader = await createActor(deps, bureau.code, 'leader_in_charge');
    const draft = await createPublication(deps, officer.actor, bureau.id, publicationInput([node]));
    expect(draft.submittingUnitId).toBe(unit.id);
    await fillReviewForm(deps, officer.actor, draft.id, { secrecyLevel: 'non_secret' });
    await performReviewVerb(deps, officer.actor, draft.id, 'submit');
    await expect(performReviewVerb(deps, otherHead.actor, draft.id, 'approve')).rejects.toMatchObject({ httpStatus: 403 });
    await performReviewVerb(deps, unitHead.actor, draft.id, 'approve');
    await performReviewVerb(deps, office.actor, draft.id, 'approve');
    await performReviewVerb(deps, leader.actor, draft.id, 'approve');
    expect((await performReviewVerb(deps, office.actor, draft.id, 'publish')).status).toBe('published');
    await expect(createPublication(deps, officer.actor, (await createOrgan(deps)).id, publicationInput([node]))).rejects.toMatchObject({ httpStatus: 403 });
  });

  it('moves a recurring submission task on by a period when a unit submits for it, early or not', async () => {
    const deps = buildDeps(db());
    const bureau = await createOrgan(deps);
    const { createActor } = await import('../../../../test/support/factories.ts');
    const unit = await createOrgan(deps, { kind: 'unit', parentCode: bureau.code, name: `办公室${bureau.id}` });
    const node = await createNode(deps, bureau.id, { name: '工作动态' });
    const office = await createActor(deps, bureau.code, 'disclosure_office');
    const officer = await createActor(deps, unit.code, 'editor');
    const { createSubmissionTask, linkToTask, openTasks } = await import('../index.ts');
    const taskId = await createSubmissionTask(deps, office.actor, bureau.id, { unitCode: unit.code, title: '更新工作动态', nodeId: String(node), everyDays: '14', dueOn: '2026-03-15' });
    const draft = await createPublication(deps, officer.actor, bureau.id, publicationInput([node]));
    await linkToTask(deps, officer.actor, draft.id, taskId);
    await fillReviewForm(deps, officer.actor, draft.id, { secrecyLevel: 'non_secret' });
    await performReviewVerb(deps, officer.actor, draft.id, 'submit');
    // Taken back and submitted again, the same item still fulfils one period only.
    await performReviewVerb(deps, officer.actor, draft.id, 'recall_submission');
    await performReviewVerb(deps, officer.actor, draft.id, 'submit');
    const [task] = await openTasks(deps.db, [unit.id]);
    expect(task).toMatchObject({ id: taskId, next_due_on: '2026-03-29' });
    await expect(createSubmissionTask(deps, officer.actor, bureau.id, { unitCode: unit.code, title: 'x', dueOn: '2026-03-15' })).rejects.toMatchObject({ httpStatus: 403 });
  });

  it('lets only the office of the organ itself assign its units tasks, not the office of another organ', async () => {
    const deps = buildDeps(db());
    const bureau = await createOrgan(deps);
    const other = await createOrgan(deps);
    const unit = await createOrgan(deps, { kind: 'unit', parentCode: bureau.code, name: `股室${bureau.id}` });
    const { createActor } = await import('../../../../test/support/factories.ts');
    const { createSubmissionTask } = await import('../index.ts');
    // An editor of the bureau who is the disclosure office of another organ.
    const editor = await createActor(deps, bureau.code, 'editor');
    const elsewhere = { ...editor.actor, principal: { ...editor.actor.principal, roles: [...editor.actor.principal.roles, { organId: other.id, role: 'disclosure_office' as const }] } };
    await expect(createSubmissionTask(deps, elsewhere, bureau.id, { unitCode: unit.code, title: '更新工作动态', dueOn: '2026-03-15' })).rejects.toMatchObject({ httpStatus: 403 });
    const office = await createActor(deps, bureau.code, 'disclosure_office');
    await expect(createSubmissionTask(deps, office.actor, bureau.id, { unitCode: unit.code, title: '更新工作动态', dueOn: '2026-03-15' })).resolves.toEqual(expect.any(Number));
  });

  it('never lets the author approve their own item, even holding the stage role', async () => {
    const { deps, organ, node, cast } = await world();
    const { createActor } = await import('../../../../test/support/factories.ts');
    const headWhoWrites = await createActor(deps, organ.code, 'unit_head');
    const own = await createPublication(deps, headWhoWrites.actor, organ.id, publicationInput([node]));
    await fillReviewForm(deps, headWhoWrites.actor, own.id, { secrecyLevel: 'non_secret' });
    await performReviewVerb(deps, headWhoWrites.actor, own.id, 'submit');
    await expect(performReviewVerb(deps, headWhoWrites.actor, own.id, 'approve')).rejects.toMatchObject({ reasons: [expect.objectContaining({ code: 'ERR_REVIEW_SELF_APPROVAL' })] });
    await expect(performReviewVerb(deps, cast.office.actor, own.id, 'approve')).rejects.toMatchObject({ httpStatus: 403, reasons: [{ code: 'ERR_REVIEW_NOT_YOUR_STAGE', message: expect.any(String) }] });
  });

  it('stops the chain on an ID card number until a reviewer accepts that finding with its reason, and keeps it on the form', async () => {
    const { deps, cast, draft } = await world('<p>补助对象张某，身份证号 110101199003077578。</p>');
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    const form = await loadForm(deps.db, draft.id);
    expect(form!.scanFindings.map((f) => f.type)).toContain('id_card');
    const err = await performReviewVerb(deps, cast.unitHead.actor, draft.id, 'approve').catch((e) => e);
    expect(err.reasons.map((r: { code: string }) => r.code)).toEqual(['ERR_REVIEW_SCAN_BLOCKED']);
    expect((await deps.db.selectFrom('publications').select('review_stage').where('id', '=', draft.id).executeTakeFirstOrThrow()).review_stage).toBe(0);
    // A remark on the scan as a whole is kept, but passes nothing: the finding itself is accepted.
    const idCard = form!.scanFindings.find((f) => f.type === 'id_card')!;
    await performReviewVerb(deps, cast.unitHead.actor, draft.id, 'approve', {
      comment: '同意。', scanJustification: '已逐处核对',
      acceptFindings: [{ source: idCard.source, start: idCard.start, end: idCard.end, text: idCard.text, reason: '经核实为虚构示例号码，不属于真实个人信息' }],
    });
    const after = (await loadForm(deps.db, draft.id))!;
    expect(after.scanJustification).toBe('已逐处核对');
    expect(after.scanFindings.find((f) => f.type === 'id_card')!.accepted!.reason).toContain('虚构示例');
    // The 保密审查表 read 「同意。；对扫描结果的说明…」: a sentence that ends itself takes no second mark (outside tester).
    // The signed decision names the accepted finding by its masked form, never the number itself.
    const decision = await deps.db.selectFrom('review_decisions').select('comment').where('publication_id', '=', draft.id).where('verb', '=', 'approve').executeTakeFirstOrThrow();
    expect(decision.comment).toBe(`同意。对扫描结果的说明：已逐处核对；接受正文中的身份证号“${idCard.suggestion}”：经核实为虚构示例号码，不属于真实个人信息`);
    expect(decision.comment).not.toContain(idCard.text);
  });

  it('scans every published field — keywords, source, body links — and keeps each finding’s context', async () => {
    const { deps, cast, draft } = await world('<p>咨询请发邮件至<a href="mailto:lisi@qq.com">李老师</a>。</p>');
    const { updatePublication } = await import('../../catalog/index.ts');
    const node = draft.nodeIds[0];
    await updatePublication(deps, cast.author.actor, draft.id, publicationInput([node], { bodyHtml: draft.bodyHtml, keywords: '保障房 11010519491231002X', source: '联系人 zhangsan@163.com', formedOn: '2026-03-02' }));
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    const findings = (await loadForm(deps.db, draft.id))!.scanFindings;
    expect(findings.map((f) => [f.source, f.type])).toEqual(expect.arrayContaining([['关键词', 'id_card'], ['信息来源', 'email'], ['正文链接', 'email']]));
    expect(findings.find((f) => f.source === '信息来源')).toMatchObject({ before: '联系人 ', after: '' });
  });

  it('publishes a scheduled item when its time comes, and reports a late run as an alert', async () => {
    const { deps, cast, draft } = await world();
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    for (const r of [cast.unitHead, cast.office, cast.leader]) await performReviewVerb(deps, r.actor, draft.id, 'approve');
    await performReviewVerb(deps, cast.office.actor, draft.id, 'schedule', { publishAt: '2026-03-10T08:00:00Z' });
    expect(await publishScheduled(deps)).toEqual({ published: [], alerts: 0 });
    deps.clock.set('2026-03-10T09:00:00Z');
    const run = await publishScheduled(deps);
    expect(run.published).toEqual([draft.id]);
    expect(run.alerts).toBe(1);
    expect((await findPublication(deps.db, draft.id))!).toMatchObject({ status: 'published', publishRoute: 'review_chain_scheduled' });
    const alerts = await deps.db.selectFrom('workflow_alerts').selectAll().where('publication_id', '=', draft.id).execute();
    expect(alerts[0].message).toContain('计划于 2026-03-10 16:00 发布，实际于 2026-03-10 17:00 发布（延迟 60 分钟）');
  });

  it('flags lateness (条例第二十六条) on the calendar in force, with the holidays an administrator entered', async () => {
    const { deps, cast, draft } = await world();
    const { BUILTIN_YEARS, saveAdminHolidayYear } = await import('../../calendar/index.ts');
    const shipped = BUILTIN_YEARS.find((y) => y.year === 2026)!;
    // A week of local holidays the shipped notice does not know: the 20 working days end a week later.
    const extra = ['2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20'];
    await saveAdminHolidayYear(deps.db, { year: 2026, holidays: [...shipped.holidays, ...extra].sort(), workdays: [...shipped.workdays] }, null, '2026-03-01T00:00:00Z');
    try {
      await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
      for (const r of [cast.unitHead, cast.office, cast.leader]) await performReviewVerb(deps, r.actor, draft.id, 'approve');
      // Formed 2026-03-02: the shipped calendar ends the 20 working days on 03-30; with the entered week, on 04-07.
      deps.clock.set('2026-04-01T02:00:00Z');
      await performReviewVerb(deps, cast.office.actor, draft.id, 'publish');
      const row = await deps.db.selectFrom('publications').select(['proactive_due_on', 'published_late']).where('id', '=', draft.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ proactive_due_on: '2026-04-07', published_late: 0 });
    } finally {
      await deps.db.deleteFrom('holiday_years').where('year', '=', 2026).execute();
    }
  });

  async function published() {
    const w = await world();
    const { addAttachment } = await import('../../catalog/index.ts');
    await addAttachment(w.deps, w.cast.author.actor, w.draft.id, { fileName: '原附件.txt', bytes: Buffer.from('会议纪要原文。') });
    await performReviewVerb(w.deps, w.cast.author.actor, w.draft.id, 'submit');
    for (const r of [w.cast.unitHead, w.cast.office, w.cast.leader]) await performReviewVerb(w.deps, r.actor, w.draft.id, 'approve');
    await performReviewVerb(w.deps, w.cast.office.actor, w.draft.id, 'publish');
    const { createActor } = await import('../../../../test/support/factories.ts');
    const secondPublisher = await createActor(w.deps, w.organ.code, 'disclosure_office');
    return { ...w, secondPublisher };
  }

  it('keeps an amendment pending until someone other than its author approves it; the published text stays live meanwhile', async () => {
    const { deps, node, cast, draft, secondPublisher } = await published();
    const { updatePublication } = await import('../../catalog/index.ts');
    await expect(updatePublication(deps, cast.office.actor, draft.id, publicationInput([node]))).rejects.toMatchObject({ code: 'ERR_CATALOG_USE_AMEND' });
    await performReviewVerb(deps, cast.office.actor, draft.id, 'amend', { changeNote: '更正会议日期', amended: publicationInput([node], { title: '修订后的标题', formedOn: '2026-03-02' }) });
    // Nothing public changed: the portal, the versions and the item itself still show the published text.
    expect((await findPublication(deps.db, draft.id))!.title).not.toBe('修订后的标题');
    expect((await pagePublishedInNodes(deps.db, [node], 1, 10)).items.find((i) => i.id === draft.id)!.title).not.toBe('修订后的标题');
    expect(await versionsFor(deps.db, draft.id)).toEqual([]);
    // Its author may not approve it, nor may anyone start a second one meanwhile.
    await expect(performReviewVerb(deps, cast.office.actor, draft.id, 'approve_amendment')).rejects.toMatchObject({ reasons: [expect.objectContaining({ code: 'ERR_REVIEW_SELF_APPROVAL' })] });
    await expect(performReviewVerb(deps, secondPublisher.actor, draft.id, 'amend', { changeNote: '另一处修改', amended: publicationInput([node]) }))
      .rejects.toMatchObject({ reasons: [expect.objectContaining({ code: 'ERR_REVIEW_REVISION_PENDING' })] });
    const approved = await performReviewVerb(deps, secondPublisher.actor, draft.id, 'approve_amendment', { comment: '同意修订' });
    expect(approved.title).toBe('修订后的标题');
    expect((await versionsFor(deps.db, draft.id)).map((v) => v.change_note)).toEqual(['更正会议日期']);
    const [proposal, approval] = (await decisionsFor(deps.db, draft.id)).slice(-2);
    expect([proposal.verb, proposal.user_id, proposal.comment]).toEqual(['amend', cast.office.id, '更正会议日期']);
    expect([approval.verb, approval.user_id, approval.comment]).toEqual(['approve_amendment', secondPublisher.id, '同意修订']);
    await expect(performReviewVerb(deps, cast.office.actor, draft.id, 'withdraw', {})).rejects.toMatchObject({ code: 'ERR_REVIEW_REFUSED' });
    const withdrawn = await performReviewVerb(deps, cast.office.actor, draft.id, 'withdraw', { withdrawReason: 'published_in_error', withdrawNote: '重复发布' });
    expect(withdrawn.status).toBe('withdrawn');
    expect((await pagePublishedInNodes(deps.db, [node], 1, 10)).items.map((i) => i.id)).not.toContain(draft.id);
  });

  it('changes attachments with the revision: added files are public only once it is approved; a returned revision keeps them, a withdrawn one undoes both ways', async () => {
    const fs = await import('node:fs');
    const { attachmentPath, listAttachments } = await import('../../catalog/index.ts');
    const { addRevisionAttachment, removeRevisionAttachment } = await import('../index.ts');
    const { deps, node, cast, draft, secondPublisher } = await published();
    const names = async (view: 'live' | 'revision') => (await listAttachments(deps.db, draft.id, view)).map((a) => a.fileName);
    const [original] = await listAttachments(deps.db, draft.id);
    await expect(addRevisionAttachment(deps, cast.author.actor, draft.id, { fileName: '新附件.txt', bytes: Buffer.from('新的名单。') })).rejects.toMatchObject({ code: 'ERR_REVIEW_NO_REVISION' });

    const propose = async () => {
      await performReviewVerb(deps, cast.author.actor, draft.id, 'amend', { changeNote: '更换附件', amended: publicationInput([node], { formedOn: '2026-03-02' }) });
      await addRevisionAttachment(deps, cast.author.actor, draft.id, { fileName: '新附件.txt', bytes: Buffer.from('新的名单。') });
      await removeRevisionAttachment(deps, cast.author.actor, original.id);
      const added = (await listAttachments(deps.db, draft.id, 'all')).find((a) => a.fileName === '新附件.txt')!;
      return attachmentPath(deps.dataDir, added.storageKey);
    };
    const firstFile = await propose();
    expect(await names('live')).toEqual(['原附件.txt']);
    expect(await names('revision')).toEqual(['新附件.txt']);
    // Someone else's file changes are refused while the revision is the author's.
    await expect(removeRevisionAttachment(deps, secondPublisher.actor, original.id)).rejects.toMatchObject({ reasons: [expect.objectContaining({ code: 'ERR_REVIEW_REVISION_PENDING' })] });

    await expect(performReviewVerb(deps, cast.office.actor, draft.id, 'return_amendment', { comment: '' })).rejects.toMatchObject({ reasons: [expect.objectContaining({ code: 'ERR_REVIEW_COMMENT_REQUIRED' })] });
    // 退回修订 keeps the revision with its proposer (ADR 0051): its text, 修订说明 and files as they were, the live version unchanged.
    await performReviewVerb(deps, cast.office.actor, draft.id, 'return_amendment', { comment: '新附件缺少盖章页' });
    expect(await names('live')).toEqual(['原附件.txt']);
    expect(await names('revision')).toEqual(['新附件.txt']);
    expect(fs.existsSync(firstFile)).toBe(true);
    const kept = (await findPendingRevision(deps.db, draft.id))!;
    expect(kept).toMatchObject({ changeNote: '更换附件', proposedBy: cast.author.id, returned: { comment: '新附件缺少盖章页', by: cast.office.id } });
    expect(kept.input).toMatchObject({ formedOn: '2026-03-02' });
    await expect(performReviewVerb(deps, secondPublisher.actor, draft.id, 'approve_amendment')).rejects.toMatchObject({ reasons: [expect.objectContaining({ code: 'ERR_REVIEW_REVISION_RETURNED' })] });
    // It waits in its proposer's 待办 (退回给我修改) with the comment, and in no reviewer's.
    expect(await returnedTo(deps.db, cast.author.id)).toEqual([expect.objectContaining({ id: draft.id, lastReturn: expect.objectContaining({ comment: '新附件缺少盖章页', stageName: '修订审核' }) })]);
    expect((await pendingRevisionsOf(deps.db, [draft.organId])).map((r) => r.id)).not.toContain(draft.id);
    // Its proposer withdraws it (撤回修订): then, and only then, it is discarded with its files.
    await expect(performReviewVerb(deps, cast.office.actor, draft.id, 'withdraw_amendment')).rejects.toMatchObject({ httpStatus: 403, reasons: [expect.objectContaining({ code: 'ERR_REVIEW_NOT_PROPOSER' })] });
    await performReviewVerb(deps, cast.author.actor, draft.id, 'withdraw_amendment');
    expect(await names('revision')).toEqual(['原附件.txt']);
    expect(fs.existsSync(firstFile)).toBe(false);
    expect(await findPendingRevision(deps.db, draft.id)).toBeNull();

    await propose();
    await performReviewVerb(deps, secondPublisher.actor, draft.id, 'approve_amendment');
    expect(await names('live')).toEqual(['新附件.txt']);
    expect(fs.existsSync(attachmentPath(deps.dataDir, original.storageKey))).toBe(false);
  });

  it('lets the submitter recall a submission (撤回报送) until a reviewer has acted on it', async () => {
    const { deps, cast, draft } = await world();
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    await expect(performReviewVerb(deps, cast.unitHead.actor, draft.id, 'recall_submission')).rejects.toMatchObject({ httpStatus: 403, reasons: [expect.objectContaining({ code: 'ERR_REVIEW_NOT_SUBMITTER' })] });
    const recalled = await performReviewVerb(deps, cast.author.actor, draft.id, 'recall_submission');
    expect(recalled.status).toBe('draft');
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    await performReviewVerb(deps, cast.unitHead.actor, draft.id, 'approve');
    await expect(performReviewVerb(deps, cast.author.actor, draft.id, 'recall_submission')).rejects.toMatchObject({ reasons: [expect.objectContaining({ code: 'ERR_REVIEW_ALREADY_ACTED' })] });
    expect((await decisionsFor(deps.db, draft.id)).map((d) => d.verb)).toEqual(['submit', 'recall_submission', 'submit', 'approve']);
    const audit = await deps.db.selectFrom('audit_events').select('action').where('entity_id', '=', String(draft.id)).where('action', '=', 'publication.recall_submission').execute();
    expect(audit).toHaveLength(1);
  });
});

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { renderDocumentDocx, renderDocumentPage, renderDocumentPdf } from '../../../platform/documents/index.ts';
import { asString, asStrings, fieldErrorsOf, setFlash } from '../../../platform/views/admin-helpers.ts';
import type { Reminder } from '../../../platform/views/reminders.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { DomainError, isDomainError } from '../../../shared/domain-error.ts';
import { findPublication, listCatalogNodes, resolveAmendingDocument, staffContext, type Publication } from '../../catalog/index.ts';
import { actorOf, requireStaff } from '../../identity/index.ts';
import { REVIEW_VERBS, VERB_LABELS, waitsOn, type ReviewVerb } from '../domain/review-workflow.ts';
import { loadChain, loadForm, type StoredFinding } from '../storage/review-repository.ts';
import { reviewRowOf } from '../storage/review-state-repository.ts';
import { FINDING_TYPE_LABELS, suggestionInContext } from '../../privacy/index.ts';
import { returnedTo, reviewQueue } from '../storage/review-inbox.ts';
import { findAlert, openAlerts, resolveAlert } from '../storage/workflow-alerts-repository.ts';
import { reviewFormModel } from '../use-cases/review-form-model.ts';
import { reviewOverview } from '../use-cases/review-overview.ts';
import { WithdrawAmendmentConfirmPage } from './withdraw-amendment-confirm-page.tsx';
import { checkReviewVerb, performReviewVerb, type AcceptedFinding } from '../use-cases/perform-review-verb.ts';
import { saveReviewChain } from '../use-cases/save-review-chain.ts';
import { createSubmissionTask } from '../use-cases/submission-tasks.ts';
import { openTasks } from '../storage/submission-tasks-repository.ts';
import { inChainDeadlines } from '../use-cases/late-in-chain.ts';
import { ChainPage } from './chain-page.tsx';
import { CONFIRMED_PUBLIC_VERBS, PublicVerbConfirmPage, publicVerbDone, type ConfirmedPublicVerb } from './public-verb-confirm-page.tsx';
import { REVIEW_PANEL, SCAN_FINDINGS } from './item-page-places.ts';
import { InboxPage, type InboxRow } from './inbox-page.tsx';
import { revisionInboxRows } from './revision-inbox-rows.ts';
import { submittedMessage } from './submitted-message.ts';
import { TasksPage } from './tasks-page.tsx';
import { chinaDateOf, instantOfChinaTime } from '../../../shared/iso-date.ts';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';
import { queueWaitingLabel } from '../domain/queue-waiting-label.ts';



/** Back-office routes of the review workflow. The panel itself is shown on the publication page. */
/** 替代文件编号 as typed: blank is none; anything else must be an item's number (NaN is refused as not one). */
/**
 * 标记废止's 替代文件 as typed: nothing, or the published document named by its 编号, 文号, 索引号 or title — what
 * 标记已修改 takes (resolveAmendingDocument; none or several found is refused with the candidates).
 */
async function typedReplacement(db: AppDeps['db'], id: number, typed: string): Promise<number | null> {
  const text = typed.trim();
  if (text === '') return null;
  const item = await findPublication(db, id);
  return item ? resolveAmendingDocument(db, item, text, 'replacement') : null;
}

/** The finding 应用建议遮盖 names, as its form posts it (offsets that are not numbers name none). */
function namedFinding(body: Record<string, unknown>) {
  const offset = (v: unknown) => (/^\d{1,9}$/.test(asString(v)) ? Number(asString(v)) : -1);
  return { source: asString(body.source), start: offset(body.start), end: offset(body.end), text: asString(body.text) };
}

/** What 应用建议遮盖 put in place: where (正文, 标题…), what kind of finding, and its masked form as the findings show it (幸福小区*********) — never what it covered. */
const maskDone = (f: StoredFinding | undefined) => (f
  ? `已将${f.source}中的${(FINDING_TYPE_LABELS as Record<string, string>)[f.type] ?? '疑似个人信息'}遮盖为“${suggestionInContext(f, f.before)}”，并重新扫描。下方是重新扫描的结果。`
  : '已应用建议遮盖，并重新扫描。下方是重新扫描的结果。');

/** The findings a reviewer accepted on the 审核通过 form, each with its own reason (accept_N_source/start/end/text/reason). */
function acceptedFindings(body: Record<string, unknown>): AcceptedFinding[] {
  const out: AcceptedFinding[] = [];
  for (let i = 0; i < 1000; i++) {
    if (body[`accept_${i}_source`] === undefined) continue;
    const reason = asString(body[`accept_${i}_reason`]);
    if (!reason.trim()) continue;
    out.push({
      source: asString(body[`accept_${i}_source`]), start: Number(asString(body[`accept_${i}_start`])), end: Number(asString(body[`accept_${i}_end`])),
      text: asString(body[`accept_${i}_text`]), reason,
    });
  }
  return out;
}

export function reviewAdminRoutes(deps: AppDeps, opts: { reminders?: (request: FastifyRequest) => Promise<Reminder[]> } = {}) {
  const { db } = deps;
  const submitted = (id: number) => submittedMessage(db, id);
  /** 撤回 and 标记废止 done: the item and what the public now sees, with the replacement a 废止 named (read stored, as done). */
  async function publicVerbOutcome(verb: ConfirmedPublicVerb, done: Publication) {
    const row = await reviewRowOf(db, done.id);
    const replacement = verb === 'repeal' && done.replacedById ? await findPublication(db, done.replacedById) : null;
    return publicVerbDone(verb, { ...done, withdrawnReason: row.withdrawn_reason, withdrawnNote: row.withdrawn_note }, replacement);
  }
  async function reviewFormData(request: FastifyRequest, reply: FastifyReply, id: number) {
    const p = await findPublication(db, id);
    // Only the staff of the organ (or of the submitting unit) see its review forms.
    const scope = await staffContext(deps, request, reply);
    const model = p && scope.staffOf.some((o) => o.id === p.organId) ? await reviewFormModel(deps, id) : null;
    if (!model) throw new DomainError('ERR_NOT_FOUND', '保密审查表不存在（请先填写）', { httpStatus: 404 });
    return model;
  }

  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));

    // 保存审查表 (POST …/review-form) is the item editor's (review-form-routes.ts): its fields belong to the item's form.

    app.post<{ Params: { id: string; verb: string } }>('/admin/publications/:id/verbs/:verb', async (request, reply) => {
      const id = Number(request.params.id) || 0;
      const verb = request.params.verb as ReviewVerb;
      if (!REVIEW_VERBS.includes(verb) || verb === 'amend') throw new DomainError('ERR_NOT_FOUND', '没有这个操作', { httpStatus: 404 });
      const body = (request.body ?? {}) as Record<string, unknown>;
      const publishAtLocal = asString(body.publishAt);
      // Where the page comes back, and its outcome is told: 应用建议遮盖 at the findings, every other verb at 审核与发布.
      const landing = verb === 'apply_mask' ? SCAN_FINDINGS : REVIEW_PANEL;
      // The finding a mask is for, as the scan the reviewer saw found it: the flash says what stands there now.
      const named = verb === 'apply_mask' ? namedFinding(body) : undefined;
      const masked = named && (await loadForm(db, id))?.scanFindings.find((f) => f.source === named.source && f.start === named.start && f.end === named.end && f.text === named.text);
      // 撤回修订 deletes what was uploaded with the revision: a page saying what will be lost (and that the published
      // version stays) comes first, as for 撤回 and 标记废止; only its POST with confirm=1 discards it. The API's verb stays direct.
      if (verb === 'withdraw_amendment' && asString(body.confirm) !== '1') {
        try {
          const actor = actorOf(request, 'web');
          const item = await checkReviewVerb(deps, actor, id, verb);
          const o = await reviewOverview(deps, actor, id);
          const scope = await staffContext(deps, request, reply);
          return sendPage(reply, (
            <WithdrawAmendmentConfirmPage user={scope.user} csrf={scope.csrf} item={item} revisedTitle={String(o.revision?.input.title ?? item.title)} changeNote={o.revision?.changeNote ?? ''}
              changedFields={o.revision?.changes.map((c) => c.label) ?? []} files={o.revisionAttachments} />
          ));
        } catch (e) {
          if (!isDomainError(e) || e.httpStatus === 404) throw e;
          setFlash(reply, `未能${VERB_LABELS[verb]}：`, { at: landing, refused: true, reasons: e.reasons.length ? e.reasons.map((r) => r.message) : [e.message] });
          return reply.redirect(`/admin/publications/${id}#${landing}`, 303);
        }
      }
      // 撤回 and 标记废止 change what the public reads: asked with what was typed, the same decide answers
      // first, and a page naming the item and what the public will see comes before anything is done;
      // only its POST with confirm=1 acts (a refusal is told at 审核与发布 as before).
      if (CONFIRMED_PUBLIC_VERBS.includes(verb) && asString(body.confirm) !== '1') {
        const typed = { withdrawReason: asString(body.withdrawReason), withdrawNote: asString(body.withdrawNote), replacedById: asString(body.replacedById).trim() };
        try {
          const replacedById = verb === 'repeal' ? await typedReplacement(db, id, typed.replacedById) : null;
          const item = await checkReviewVerb(deps, actorOf(request, 'web'), id, verb, {
            withdrawReason: typed.withdrawReason || undefined, withdrawNote: typed.withdrawNote, replacedById,
          });
          const scope = await staffContext(deps, request, reply);
          const organ = scope.organs.find((o) => o.id === item.organId);
          const replacement = verb === 'repeal' && replacedById ? await findPublication(db, replacedById) : null;
          return sendPage(reply, (
            <PublicVerbConfirmPage user={scope.user} csrf={scope.csrf} verb={verb as ConfirmedPublicVerb} item={item} publicPath={`/organs/${organ?.code ?? ''}/items/${item.id}`}
              fields={verb === 'withdraw' ? { withdrawReason: typed.withdrawReason, withdrawNote: typed.withdrawNote } : { replacedById: typed.replacedById }} replacement={replacement} />
          ));
        } catch (e) {
          if (!isDomainError(e) || e.httpStatus === 404) throw e;
          setFlash(reply, `未能${VERB_LABELS[verb]}：`, { at: landing, refused: true, reasons: e.reasons.length ? e.reasons.map((r) => r.message) : [e.message] });
          return reply.redirect(`/admin/publications/${id}#${landing}`, 303);
        }
      }
      try {
        // 标记已修改: the officer types the amending document's 文号, title or 编号 (docs/adr/0026).
        const amending = verb === 'mark_amended' ? asString(body.amending).trim() : '';
        const item = amending ? await findPublication(db, id) : null;
        const amendingId = item ? await resolveAmendingDocument(db, item, amending) : null;
        const done = await performReviewVerb(deps, actorOf(request, 'web'), id, verb, {
          amendingId,
          comment: asString(body.comment), scanJustification: asString(body.scanJustification), acceptFindings: acceptedFindings(body),
          // The form gives Beijing time without a zone.
          publishAt: publishAtLocal ? instantOfChinaTime(publishAtLocal).toISOString() : undefined,
          withdrawReason: asString(body.withdrawReason) || undefined, withdrawNote: asString(body.withdrawNote),
          replacedById: verb === 'repeal' ? await typedReplacement(db, id, asString(body.replacedById)) : null,
          finding: named,
          // 修订审核通过 and 退回修订: the revision as the page showed it.
          revisionSeen: asString(body.revisionSeen) || undefined,
        });
        setFlash(reply, verb === 'apply_mask' ? maskDone(masked) : verb === 'submit' ? await submitted(id) : CONFIRMED_PUBLIC_VERBS.includes(verb)
          ? await publicVerbOutcome(verb as ConfirmedPublicVerb, done)
          : `已${VERB_LABELS[verb]}`, { at: landing });
      } catch (e) {
        if (!isDomainError(e) || e.httpStatus === 404) throw e;
        const reasons = e.reasons.length ? e.reasons.map((r) => r.message) : [e.message];
        setFlash(reply, verb === 'apply_mask' ? '未能应用建议遮盖，内容未作改动（下方是最新的扫描结果，请按它处理）：' : `未能${VERB_LABELS[verb]}：`, { at: landing, refused: true, reasons });
      }
      return reply.redirect(`/admin/publications/${id}#${landing}`, 303);
    });

    // A published item's attachments change with its pending revision (issue 9): those routes are the item
    // editor's (item-attachment-routes.ts), whose buttons send the item's form with them.

    app.get<{ Params: { id: string } }>('/admin/publications/:id/review-form', async (request, reply) => {
      const doc = await reviewFormData(request, reply, Number(request.params.id) || 0);
      return reply.type('text/html; charset=utf-8').send(renderDocumentPage(doc));
    });
    app.get<{ Params: { id: string } }>('/admin/publications/:id/review-form.pdf', async (request, reply) => {
      const doc = await reviewFormData(request, reply, Number(request.params.id) || 0);
      return reply.type('application/pdf').header('Content-Disposition', contentDisposition('保密审查表.pdf')).send(await renderDocumentPdf(doc));
    });
    app.get<{ Params: { id: string } }>('/admin/publications/:id/review-form.docx', async (request, reply) => {
      const doc = await reviewFormData(request, reply, Number(request.params.id) || 0);
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('Content-Disposition', contentDisposition('保密审查表.docx'))
        .send(await renderDocumentDocx(doc));
    });

    app.get('/admin/review', async (request, reply) => {
      const principal = request.principal!;
      const scope = await staffContext(deps, request, reply);
      const ids = scope.staffOf.map((o) => o.id);
      const queue = await reviewQueue(db, ids);
      const deadlines = new Map((await inChainDeadlines(deps, ids)).map((d) => [d.id, d]));
      const rows: InboxRow[] = [];
      const direct = new Set(scope.directStaffOf.map((o) => o.id));
      // Each organ's chain read once for the page, however many of its items and revisions wait.
      const chains = new Map<number, ReturnType<typeof loadChain>>();
      const chainOf = (organId: number) => {
        if (!chains.has(organId)) chains.set(organId, loadChain(db, organId));
        return chains.get(organId)!;
      };
      for (const q of queue) {
        // A unit's staff see their unit's submissions, not the whole organ's queue.
        if (!direct.has(q.organ_id) && !(q.submitting_unit_id !== null && direct.has(q.submitting_unit_id))) continue;
        const chain = await chainOf(q.organ_id);
        const stage = chain.stages.find((s) => s.position === q.review_stage);
        const mine = waitsOn({ userId: principal.userId, roles: scope.rolesOn(q.submitting_unit_id ?? q.organ_id) }, {
          status: q.status, createdBy: q.created_by, submittedBy: q.submitted_by, publishedBy: q.published_by, stageRole: stage?.role ?? null, publisherRole: chain.publisherRole,
        });
        rows.push({
          id: q.id, title: q.title, organName: q.organ_name, status: q.status, stageName: queueWaitingLabel(q.status, stage?.name ?? null),
          submittedAt: q.submitted_at, findingsCount: q.findingsCount, blockingCount: q.blockingCount, mine,
          dueOn: deadlines.get(q.id)?.dueOn ?? null, late: deadlines.get(q.id)?.late ?? false,
        });
      }
      // Pending revisions of published items wait there too (an outside tester's revision was in no list).
      rows.push(...await revisionInboxRows(db, ids, chainOf, { userId: principal.userId, rolesOn: scope.rolesOn },
        (organId, unitId) => direct.has(organId) || (unitId !== null && direct.has(unitId))));
      rows.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id - b.id);
      const returned = await returnedTo(db, principal.userId);
      const alerts = await openAlerts(db, ids);
      const today = chinaDateOf(deps.clock.now());
      const tasks = (await openTasks(db, [...direct])).map((t) => ({ id: t.id, title: t.title, unitName: t.unit_name, nextDueOn: t.next_due_on, overdue: t.next_due_on < today, organCode: t.organ_code, nodeId: t.node_id }));
      const reminders = opts.reminders ? await opts.reminders(request) : [];
      return sendPage(reply, <InboxPage user={scope.user} csrf={scope.csrf} flash={scope.flash} rows={rows} returned={returned} alerts={alerts.map((a) => ({ id: a.id, message: a.message, publicationId: a.publication_id }))} tasks={tasks} reminders={reminders} />);
    });

    app.post<{ Params: { id: string } }>('/admin/alerts/:id/resolve', async (request, reply) => {
      const alert = await findAlert(db, Number(request.params.id) || 0);
      const scope = await staffContext(deps, request, reply);
      if (!alert || !scope.staffOf.some((o) => o.id === alert.organ_id)) throw new DomainError('ERR_NOT_FOUND', '提醒不存在', { httpStatus: 404 });
      await resolveAlert(db, alert.id, deps.clock.now().toISOString());
      setFlash(reply, '提醒已标记为已处理');
      return reply.redirect('/admin/review', 303);
    });

    const chainPage = async (request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply, errors: Record<string, string>, status = 200) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'organ_admin');
      const chain = await loadChain(db, organ.id);
      return sendPage(reply, <ChainPage user={scope.user} csrf={scope.csrf} flash={scope.flash} organ={organ} stages={chain.stages} publisherRole={chain.publisherRole} errors={errors} />, status);
    };
    app.get<{ Params: { code: string } }>('/admin/organs/:code/review-chain', async (request, reply) => chainPage(request, reply, {}));
    app.post<{ Params: { code: string } }>('/admin/organs/:code/review-chain', async (request, reply) => {
      const organ = await (await staffContext(deps, request, reply)).organ(request.params.code, 'organ_admin');
      const body = (request.body ?? {}) as Record<string, unknown>;
      const names = asStrings(body.stageName);
      const roles = asStrings(body.stageRole);
      const stages = names.map((name, i) => ({ name: name.trim(), role: roles[i] })).filter((s) => s.name);
      try {
        await saveReviewChain(deps, actorOf(request, 'web'), organ.id, { stages, publisherRole: asString(body.publisherRole) });
        setFlash(reply, '审核流程已保存，对此后报送的信息生效');
        return reply.redirect(`/admin/organs/${organ.code}/review-chain`, 303);
      } catch (e) {
        return chainPage(request, reply, fieldErrorsOf(e), 400);
      }
    });

    // The disclosure office (or the organ's administrator) assigns submission tasks.
    const tasksPage = async (request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply, errors: Record<string, string>, values: Record<string, string>, status = 200) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'office');
      const units = scope.organs.filter((o) => o.id === organ.id || o.parentId === organ.id);
      const tasks = await openTasks(db, [organ.id]);
      const nodes = (await listCatalogNodes(db, organ.id)).map((n) => ({ id: n.id, name: n.name }));
      return sendPage(reply, <TasksPage user={scope.user} csrf={scope.csrf} flash={scope.flash} organ={organ} units={units} nodes={nodes} tasks={tasks} errors={errors} values={values} />, status);
    };
    app.get<{ Params: { code: string } }>('/admin/organs/:code/tasks', async (request, reply) => tasksPage(request, reply, {}, {}));
    app.post<{ Params: { code: string } }>('/admin/organs/:code/tasks', async (request, reply) => {
      const organ = await (await staffContext(deps, request, reply)).organ(request.params.code, 'office');
      try {
        await createSubmissionTask(deps, actorOf(request, 'web'), organ.id, request.body);
        setFlash(reply, '报送任务已布置');
        return reply.redirect(`/admin/organs/${organ.code}/tasks`, 303);
      } catch (e) {
        return tasksPage(request, reply, fieldErrorsOf(e), request.body as Record<string, string>, 400);
      }
    });
  };
}

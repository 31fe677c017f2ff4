import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../platform/app-deps.ts';
import { countWork, DEFAULT_DUE_SOON_WORKING_DAYS, UNCONFIRMED_AGEING_WORKING_DAYS } from '../modules/applications/index.ts';
import { countOverdueInterpretations, organScope } from '../modules/catalog/index.ts';
import {
  countLateConsultationFeedback, countLetterWork, countUnitLetterWork, countProposalWork, FEEDBACK_WORKING_DAYS, LETTER_DUE_SOON_WORKING_DAYS, PROPOSAL_DUE_SOON_WORKING_DAYS,
} from '../modules/interaction/index.ts';
import type { Reminder } from '../platform/views/reminders.ts';
import { countLateInChain, returnedTo } from '../modules/review/index.ts';
import { chinaDateOf } from '../shared/iso-date.ts';

/**
 * What 待办 and 工作台 remind a person of beyond the review queue, with counts: for each organ whose
 * applications they handle (the staff organ scope; units take no applications, 条例第二十七条), the
 * overdue cases, online/fax/e-mail applications waiting for 确认收到 (the reply clock starts only
 * then, 条例第三十一条第（三）项) and those waiting for days, and cases due within 5 working days of
 * the calendar in force (docs/workflows/application-states.md, "Where staff see their cases"); and
 * annual reports coming due.
 */
export async function staffReminders(deps: AppDeps, request: FastifyRequest): Promise<Reminder[]> {
  const scope = await organScope(deps.db, request.principal!);
  const organs = scope.directStaffOf.filter((o) => o.kind !== 'unit');
  const counts = await countWork(deps, organs.map((o) => o.id));
  const out: Reminder[] = [];
  for (const organ of organs) {
    const c = counts.get(organ.id);
    if (!c) continue;
    const href = (view: string) => `/admin/applications?organ=${organ.code}&view=${view}`;
    if (c.overdue > 0) out.push({ message: `${organ.name}：${c.overdue} 件依申请公开已超过答复期限`, href: href('overdue') });
    if (c.unconfirmed_aged > 0) {
      out.push({ message: `${organ.name}：${c.unconfirmed_aged} 件网上、传真或电子邮件申请到达已超过 ${UNCONFIRMED_AGEING_WORKING_DAYS} 个工作日仍未与申请人确认`, href: href('unconfirmed_aged') });
    }
    if (c.due_soon > 0) out.push({ message: `${organ.name}：${c.due_soon} 件依申请公开将在 ${DEFAULT_DUE_SOON_WORKING_DAYS} 个工作日内到期`, href: href('due_soon') });
    if (c.awaiting_confirmation > 0) out.push({ message: `${organ.name}：${c.awaiting_confirmation} 件网上、传真或电子邮件申请等待确认收到`, href: href('awaiting_confirmation') });
  }
  // The department mailbox: letters past their due date or the three-month line, due soon, new
  // letters nobody has acted on (待办理), or with a reply waiting for its second reader (docs/workflows/mailbox.md).
  const letters = await countLetterWork(deps, organs.map((o) => o.id));
  for (const organ of organs) {
    const c = letters.get(organ.id);
    if (!c) continue;
    const href = (view: string) => `/admin/letters?organ=${organ.code}&view=${view}`;
    if (c.pastThreeMonths > 0) out.push({ message: `${organ.name}：${c.pastThreeMonths} 件部门信箱来信超过三个月未答复`, href: href('past_three_months') });
    if (c.overdue > 0) out.push({ message: `${organ.name}：${c.overdue} 件部门信箱来信已超过答复期限`, href: href('overdue') });
    if (c.dueSoon > 0) out.push({ message: `${organ.name}：${c.dueSoon} 件部门信箱来信将在 ${LETTER_DUE_SOON_WORKING_DAYS} 个工作日内到期`, href: href('due_soon') });
    if (c.received > 0) out.push({ message: `${organ.name}：${c.received} 件部门信箱来信待办理`, href: href('received') });
    if (c.replyReview > 0) out.push({ message: `${organ.name}：${c.replyReview} 件部门信箱答复等待审核`, href: href('reply_review') });
    // Until the organ's staff act on the letter after the unit's note (unitOpinionUnread).
    if (c.unitOpinionNew > 0) out.push({ message: `${organ.name}：${c.unitOpinionNew} 件交办来信的承办单位已报送办理意见，待阅办`, href: href('unit_opinion_new') });
  }
  // Letters an organ handed to (交办) the person's internal units that wait for the unit's 办理意见: the
  // unit's staff are told here, as the organ's handlers are of their letters (docs/workflows/mailbox.md).
  const units = scope.directStaffOf.filter((o) => o.kind === 'unit');
  const handedToUnits = await countUnitLetterWork(deps, { unitIds: units.map((u) => u.id), handledOrganIds: organs.map((o) => o.id) });
  for (const unit of units) {
    const n = handedToUnits.get(unit.id) ?? 0;
    if (n > 0) out.push({ message: `${unit.name}：${n} 件部门信箱来信交办本单位，待报送办理意见`, href: '/admin/letters/units' });
  }
  // 意见征集: closed consultations whose feedback report is past its due date, 15 working days after
  // closing on the one calendar (docs/workflows/consultation.md).
  const lateFeedback = await countLateConsultationFeedback(deps, organs.map((o) => o.id));
  for (const organ of organs) {
    const n = lateFeedback.get(organ.id) ?? 0;
    if (n > 0) out.push({ message: `${organ.name}：${n} 项意见征集截止已超过 ${FEEDBACK_WORKING_DAYS} 个工作日仍未公布反馈情况`, href: `/admin/consultations?organ=${organ.code}` });
  }
  // 建议提案: records past their reply due date (3 months by default) or due within 10 working days, and
  // replies whose publication decision is past the organ's working days (docs/workflows/proposals.md).
  const proposals = await countProposalWork(deps, organs.map((o) => o.id));
  for (const organ of organs) {
    const c = proposals.get(organ.id);
    if (!c) continue;
    const href = (state: string) => `/admin/proposals?organ=${organ.code}&state=${state}`;
    if (c.overdue > 0) out.push({ message: `${organ.name}：${c.overdue} 件人大代表建议、政协提案已超过答复期限`, href: href('overdue') });
    if (c.dueSoon > 0) out.push({ message: `${organ.name}：${c.dueSoon} 件人大代表建议、政协提案将在 ${PROPOSAL_DUE_SOON_WORKING_DAYS} 个工作日内到期`, href: href('due_soon') });
    if (c.publishLate > 0) out.push({ message: `${organ.name}：${c.publishLate} 件建议提案已答复，逾期未决定是否公开办理结果`, href: href('publish_late') });
  }
  // 条例第二十六条: items still in the review chain whose 20 working days from formation have run out
  // (the organ's staff and its units' submissions alike; docs/rules/proactive-disclosure.md).
  const lateInChain = await countLateInChain(deps, organs.map((o) => o.id));
  for (const organ of organs) {
    const n = lateInChain.get(organ.id) ?? 0;
    if (n > 0) out.push({ message: `${organ.name}：${n} 件审核中的信息自形成之日起已超过 20 个工作日仍未公开`, href: '/admin/review#late' });
  }
  // 政策解读: policies published without a published interpretation within the organ's working days
  // (default 3, on the calendar in force; docs/rules/proactive-disclosure.md "Policy interpretation").
  const uninterpreted = await countOverdueInterpretations(deps, organs.map((o) => o.id));
  for (const organ of organs) {
    const c = uninterpreted.get(organ.id);
    if (c && c.overdue > 0) {
      out.push({ message: `${organ.name}：${c.overdue} 件政策文件发布已超过 ${c.workingDays} 个工作日仍无已发布的政策解读`, href: `/admin/organs/${organ.code}/interpretations` });
    }
  }
  // 条例第四十九条: departments publish last year's report by 31 January (governments by 31 March) — told
  // only to whoever may write one (a role on an organ itself; the annual-report pages refuse the others).
  const today = chinaDateOf(deps.clock.now());
  if (organs.length > 0 && (today.slice(5) >= '12-01' || today.slice(5) <= '03-31')) {
    out.push({ message: '年度报告编制期：部门最迟于 1 月 31 日（含当日）、人民政府最迟于 3 月 31 日（含当日）公布上一年度报告', href: '/admin/annual-reports' });
  }
  return out;
}

/**
 * The 工作台's reminders: those of 待办, and first the person's own items returned for changes — the
 * 工作台 counts them among the drafts, while 待办 lists each with the reviewer's comment (found by an
 * outside tester: an author was not told on the 工作台 that an item came back).
 */
export async function dashboardReminders(deps: AppDeps, request: FastifyRequest): Promise<Reminder[]> {
  const returned = await returnedTo(deps.db, request.principal!.userId);
  const own: Reminder[] = returned.length > 0 ? [{ message: `${returned.length} 件信息被退回修改，请按审核意见修改后重新报送`, href: '/admin/review#ret-h' }] : [];
  return [...own, ...await staffReminders(deps, request)];
}

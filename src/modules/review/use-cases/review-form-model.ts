import type { AppDeps } from '../../../platform/app-deps.ts';
import type { DocumentModel } from '../../../platform/documents/index.ts';
import { chinaTimeOf } from '../../../shared/iso-date.ts';
import { DISCLOSURE_MODE_LABELS, findOrganById, findPublication } from '../../catalog/index.ts';
import { reviewFormDocument } from '../domain/review-form-document.ts';
import { REVIEW_ROLE_LABELS } from '../domain/review-roles.ts';
import { VERB_LABELS, type ReviewVerb } from '../domain/review-workflow.ts';
import { decisionsFor, loadForm } from '../storage/review-repository.ts';
import { FINDING_TYPE_LABELS, PERSONAL_DATA_TYPES } from '../../privacy/index.ts';
import { namedDocument } from '../domain/named-document.ts';

/**
 * An item's 保密审查表 with every sign-off, as a document (HTML, PDF or Word), or null when the item
 * has no form. Who may see it is the caller's decision: the back office checks the staff's organs,
 * the yearly archive (src/main/archive) is run by the organ's operator.
 */
export async function reviewFormModel(deps: AppDeps, publicationId: number): Promise<DocumentModel | null> {
  const p = await findPublication(deps.db, publicationId);
  const form = p ? await loadForm(deps.db, publicationId) : null;
  if (!p || !form) return null;
  const organ = (await findOrganById(deps.db, p.organId))!;
  const decisions = await decisionsFor(deps.db, publicationId);
  const blocking = form.scanFindings.filter((f) => f.severity === 'block').length;
  // Each accepted finding by its masked form and the reviewer's reason (the number itself is never printed).
  const accepted = form.scanFindings.filter((f) => f.accepted)
    .map((f) => `${f.source}中的${(FINDING_TYPE_LABELS as Record<string, string>)[f.type] ?? f.type}“${f.suggestion}”（${f.accepted!.byLabel}）：${f.accepted!.reason}`);
  // Personal data a reviewer accepted stands in the published text: the form's 涉及个人信息 says so (personalInfoAnswer).
  const personal = new Map<string, number>();
  for (const f of form.scanFindings) {
    if (!f.accepted || !(PERSONAL_DATA_TYPES as readonly string[]).includes(f.type)) continue;
    const label = (FINDING_TYPE_LABELS as Record<string, string>)[f.type] ?? f.type;
    personal.set(label, (personal.get(label) ?? 0) + 1);
  }
  return reviewFormDocument({
    organName: organ.name, title: p.title, documentNumber: p.documentNumber, formedOn: p.formedOn, disclosureModeLabel: DISCLOSURE_MODE_LABELS[p.disclosureMode],
    indexNumber: p.indexNumber, summary: p.summary, secrecyLevel: form.secrecyLevel, involvesPersonalInfo: form.involvesPersonalInfo, personalInfoAccepted: [...personal].map(([label, count]) => ({ label, count })), avoidanceNote: form.avoidanceNote,
    scanSummary: form.scannedAt ? `${chinaTimeOf(form.scannedAt)} 扫描正文和附件，发现 ${form.scanFindings.length} 处，其中须处理 ${blocking} 处${accepted.length ? `，审核人逐处接受 ${accepted.length} 处` : ''}` : '尚未扫描',
    scanJustification: [...accepted, ...(form.scanJustification ? [form.scanJustification] : [])].join('；'),
    signOffs: (await Promise.all(decisions.map(async (d) => ({ ...d, comment: await namedAmendingDocument(deps, d.comment) })))).map((d) => ({
      stage: d.stage_name ?? VERB_LABELS[d.verb as ReviewVerb] ?? d.verb, role: d.role ? (REVIEW_ROLE_LABELS as Record<string, string>)[d.role] ?? d.role : '起草人',
      person: d.user_label, decision: VERB_LABELS[d.verb as ReviewVerb] ?? d.verb, comment: d.comment, at: chinaTimeOf(d.decided_at), version: d.publication_version,
    })),
    printedAt: chinaTimeOf(deps.clock.now().toISOString()),
  });
}

/**
 * A 标记已修改 signed before the amending document was named by title recorded its platform number (修改文件编号 4786):
 * printed by title and 文号 instead, as sign-offs now record it.
 */
async function namedAmendingDocument(deps: AppDeps, comment: string): Promise<string> {
  const m = /修改文件编号 (\d+)/.exec(comment);
  if (!m) return comment;
  const doc = await findPublication(deps.db, Number(m[1]));
  return doc ? comment.replace(m[0], `修改文件：${namedDocument(doc)}`) : comment;
}

import type { AppDeps } from '../../../platform/app-deps.ts';
import { renderDocumentHtml } from '../../../platform/documents/index.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { createPublication, distinctNodeLabels, findPublication, listCatalogNodes, listOrgans, subtreeIds, type Organ, type Publication } from '../../catalog/index.ts';
import type { Actor } from '../../identity/index.ts';
import { isUniqueViolation } from '../../applications/index.ts';
import { dispatchDocument, monthBounds, monthlyDispatch, type Dispatch } from '../domain/dispatch.ts';
import { findDispatchNotice, insertDispatchNotice } from '../storage/dispatch-notice-repository.ts';
import { latePublishedByUnit, publishDatesByNode } from '../storage/node-supervision-repository.ts';
import { nodeCadences } from './node-cadences.ts';

/** The node a dispatch notice is published in: the organ's 监督保障 column. */
export const DISPATCH_NODE_NAME = '监督保障';

/**
 * An organ's dispatch for a month (docs/rules/website-inspection.md, "Monthly dispatch"): its
 * columns without sub-columns, each with its responsible unit and cadence, judged on the month (named
 * by their path where a name is shared); the organ itself (its 政务公开办公室) and each of its units ranked.
 */
export async function loadMonthlyDispatch(deps: AppDeps, organ: Organ, month: string): Promise<Dispatch> {
  const { fromOn, toOn } = monthBounds(month);
  const [cadences, nodes, dates, organs, late] = await Promise.all([
    nodeCadences(deps.db, organ.id, deps.clock.now()), listCatalogNodes(deps.db, organ.id), publishDatesByNode(deps.db, organ.id), listOrgans(deps.db),
    latePublishedByUnit(deps.db, organ.id, fromOn, toOn),
  ]);
  // A column another column of the organ shares a name with is named by its path (保障性住房 › 政策文件), on the page and in the notice.
  const labels = distinctNodeLabels(nodes);
  const columns = cadences.filter((c) => !nodes.some((n) => n.parentId === c.node.id)).map((c) => ({
    nodeId: c.node.id, name: labels.get(c.node.id) ?? c.node.name, unitId: c.responsibleUnit?.id ?? null, cadence: c.cadence,
    publishedOns: [...new Set(subtreeIds(nodes, c.node.id).flatMap((id) => dates.get(id) ?? []))],
  }));
  const units = [{ id: null, name: `${organ.name}（政务公开办公室）` }, ...organs.filter((o) => o.parentId === organ.id && o.kind === 'unit').map((o) => ({ id: o.id as number | null, name: o.name }))];
  return monthlyDispatch({ month, columns, units, latePublished: late });
}

/** The dispatch notice as a document (HTML, DOCX, PDF exports), dated today. */
export async function dispatchNoticeDocument(deps: AppDeps, organ: Organ, month: string) {
  return dispatchDocument(await loadMonthlyDispatch(deps, organ, month), organ.name, chinaDateOf(deps.clock.now()));
}

/**
 * Drafts the month's notice (通报) as an item in the organ's 监督保障 column; it is then submitted
 * and published through the organ's review chain like any item. Once per organ and month: when the
 * month's notice was drafted already — also by a press a moment ago still in its transaction (the
 * record's key is the organ and month) — that item is returned with `created: false` and nothing is made.
 */
export async function draftDispatchNotice(deps: AppDeps, actor: Actor, organ: Organ, month: string): Promise<{ publication: Publication; created: boolean }> {
  const existing = await existingNotice(deps, organ.id, month);
  if (existing) return { publication: existing, created: false };
  const node = (await listCatalogNodes(deps.db, organ.id)).find((n) => n.name === DISPATCH_NODE_NAME);
  if (!node) throw new DomainError('ERR_SUPERVISION_DISPATCH_NODE', `本机关目录中没有“${DISPATCH_NODE_NAME}”栏目，请先在公开目录中建立该栏目，再生成通报`, { httpStatus: 409 });
  const doc = await dispatchNoticeDocument(deps, organ, month);
  const today = chinaDateOf(deps.clock.now());
  try {
    const publication = await createPublication(deps, actor, organ.id, {
      title: doc.title, formedOn: today, stage: 'management', docType: 'other', genre: '通报', subject: '政务公开',
      bodyHtml: renderDocumentHtml({ ...doc, blocks: doc.blocks.filter((b) => b.kind !== 'title') }),
      nodeIds: [node.id],
    }, { inTransaction: (trx, id) => insertDispatchNotice(trx, { organId: organ.id, month, publicationId: id, createdAt: deps.clock.now().toISOString() }) });
    return { publication, created: true };
  } catch (e) {
    const raced = isUniqueViolation(e) ? await existingNotice(deps, organ.id, month) : null;
    if (!raced) throw e;
    return { publication: raced, created: false };
  }
}

async function existingNotice(deps: AppDeps, organId: number, month: string): Promise<Publication | null> {
  const id = await findDispatchNotice(deps.db, organId, month);
  return id === null ? null : findPublication(deps.db, id);
}

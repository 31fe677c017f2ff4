import type { Selectable } from 'kysely';
import type { PublicationsTable } from '../../../platform/db/schema.ts';
import type { Attachment, Publication } from '../domain/publication.ts';
import type {
  Audience, DisclosureMode, DisclosurePeriod, DisclosureStage, DocType, PublicationStatus, Validity, WithheldReason,
} from '../domain/labels.ts';
import type { InterpretationForm, ItemKind } from '../domain/interpretation.ts';
import type { Executor } from './executor.ts';
import { containsText } from '../../../platform/db/like.ts';

export const toPublication = (r: Selectable<PublicationsTable>, nodeIds: number[], policyIds: number[] = []): Publication => ({
  id: r.id,
  organId: r.organ_id,
  indexNumber: r.index_number,
  title: r.title,
  documentNumber: r.document_number,
  publishingOrganName: r.publishing_organ_name,
  formedOn: r.formed_on,
  formedOnSet: r.formed_on_set !== 0,
  publishedOn: r.published_on,
  publishedAt: r.published_at,
  subject: r.subject,
  genre: r.genre,
  stage: r.stage as DisclosureStage,
  disclosureMode: r.disclosure_mode as DisclosureMode,
  withheldReason: r.withheld_reason as WithheldReason | null,
  disclosurePeriod: r.disclosure_period as DisclosurePeriod,
  audience: r.audience as Audience,
  validity: r.validity as Validity,
  replacedById: r.replaced_by_id,
  validThroughOn: r.valid_through_on ?? null,
  keywords: r.keywords ? r.keywords.split(' ').filter(Boolean) : [],
  summary: r.summary,
  bodyHtml: r.body_html,
  source: r.source,
  consultPhone: r.consult_phone,
  docType: r.doc_type as DocType,
  status: r.status as PublicationStatus,
  publishRoute: r.publish_route,
  publishedBy: r.published_by,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
  viewCount: r.view_count,
  submittingUnitId: r.submitting_unit_id,
  nodeIds,
  itemKind: r.item_kind as ItemKind,
  interpretationForm: r.interpretation_form as InterpretationForm | null,
  videoUrl: r.video_url,
  graphicAttachmentId: r.graphic_attachment_id,
  policyIds,
  matterId: r.directory_matter_id ?? null,
});

/** The organ's latest 文号 (by 成文日期, then newest item), as an example of its own form for the item form's hint; null when it has none. */
export async function latestDocumentNumber(db: Executor, organId: number): Promise<string | null> {
  const r = await db.selectFrom('publications').select('document_number').where('organ_id', '=', organId)
    .where('document_number', 'is not', null).where('document_number', '<>', '')
    .orderBy('formed_on', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r?.document_number ?? null;
}

export async function findPublication(db: Executor, id: number): Promise<Publication | null> {
  const r = await db.selectFrom('publications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  const nodes = await db.selectFrom('publication_placements').select('node_id').where('publication_id', '=', id).orderBy('node_id').execute();
  // Only an interpretation names policies: an ordinary item costs no extra query.
  const policies = r.item_kind === 'interpretation'
    ? await db.selectFrom('policy_interpretations').select('policy_id').where('interpretation_id', '=', id).orderBy('policy_id').execute()
    : [];
  return toPublication(r, nodes.map((n) => n.node_id), policies.map((p) => p.policy_id));
}

/**
 * An item's attachments as seen by: `live` — the public and the published version (a file a pending
 * revision adds is not yet there, one it removes still is); `revision` — the text under review (the
 * pending revision's view); `all` — staff, with each file's revision state.
 */
export type AttachmentView = 'live' | 'revision' | 'all';

export async function listAttachments(db: Executor, publicationId: number, view: AttachmentView = 'live'): Promise<(Attachment & { storageKey: string })[]> {
  let q = db.selectFrom('attachments').selectAll().where('publication_id', '=', publicationId);
  if (view !== 'all') {
    const hidden = view === 'live' ? 'pending_add' : 'pending_remove';
    q = q.where((eb) => eb.or([eb('revision_state', 'is', null), eb('revision_state', '!=', hidden)]));
  }
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, publicationId: r.publication_id, fileName: r.file_name, mimeType: r.mime_type, sizeBytes: r.size_bytes,
    sha256: r.sha256, createdAt: r.created_at, storageKey: r.storage_key, revisionState: r.revision_state,
    // The public keeps a live file's title until the revision changing it is approved ('' takes it away).
    title: view === 'revision' && r.pending_title !== null ? r.pending_title || null : r.title,
    ...(view === 'all' && r.pending_title !== null ? { pendingTitle: r.pending_title } : {}),
  }));
}

export type PublicationListItem = {
  id: number; organId: number; organCode: string; organName: string; indexNumber: string | null; title: string;
  publishedOn: string | null; formedOn: string; documentNumber: string | null; stage: DisclosureStage; status: PublicationStatus; validity: Validity;
  /** A 政策解读 is listed without a 效力 mark: it has none of its own. */
  itemKind: ItemKind;
  /** 报送单位: the internal unit that submitted the item (信息报送), null when the organ's own staff did. */
  submittingUnitId: number | null;
};

const listColumns = [
  'p.id', 'p.organ_id', 'o.code as organ_code', 'o.name as organ_name', 'p.index_number', 'p.title', 'p.published_on', 'p.formed_on',
  'p.document_number', 'p.stage', 'p.status', 'p.validity', 'p.item_kind', 'p.submitting_unit_id',
] as const;

function toListItem(r: {
  id: number; organ_id: number; organ_code: string; organ_name: string; index_number: string | null; title: string;
  published_on: string | null; formed_on: string; document_number: string | null; stage: string; status: string; validity: string; item_kind: string; submitting_unit_id: number | null;
}): PublicationListItem {
  return {
    id: r.id, organId: r.organ_id, organCode: r.organ_code, organName: r.organ_name, indexNumber: r.index_number, title: r.title,
    publishedOn: r.published_on, formedOn: r.formed_on, documentNumber: r.document_number, stage: r.stage as DisclosureStage,
    status: r.status as PublicationStatus, validity: r.validity as Validity, itemKind: r.item_kind as ItemKind, submittingUnitId: r.submitting_unit_id,
  };
}

/** Published items with their organ, the start of the paged lists below. */
const publishedWithOrgan = (db: Executor) =>
  db.selectFrom('publications as p').innerJoin('organs as o', 'o.id', 'p.organ_id').where('p.status', '=', 'published');

/** Published items placed in any of `nodeIds`, newest first, one page, with the total. */
export async function pagePublishedInNodes(db: Executor, nodeIds: number[], page: number, pageSize: number) {
  if (nodeIds.length === 0) return { items: [], total: 0 };
  const inNodes = db.selectFrom('publication_placements').select('publication_id').where('node_id', 'in', nodeIds);
  const base = publishedWithOrgan(db).where('p.id', 'in', inNodes);
  return publishedPage(base, page, pageSize);
}

/** One page of published items, newest first, and how many there are in all (the node and unit lists). */
async function publishedPage(base: ReturnType<typeof publishedWithOrgan>, page: number, pageSize: number) {
  const [{ n }] = await base.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const rows = await base
    .select([...listColumns])
    .orderBy('p.published_on', 'desc')
    .orderBy('p.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: rows.map(toListItem), total: Number(n) };
}

/**
 * The newest published items, across organs or for a set of organs. `submittingUnitId`: only those that internal unit
 * submitted (报送单位) — a unit without a catalog of its own shows on its home the items of its organ it
 * submitted; read along the organ's published items by date (publications_organ_status_published).
 */
export async function latestPublished(db: Executor, limit: number, organIds?: number[], submittingUnitId?: number) {
  let q = db.selectFrom('publications as p').innerJoin('organs as o', 'o.id', 'p.organ_id').select([...listColumns]).where('p.status', '=', 'published');
  if (organIds) q = q.where('p.organ_id', 'in', organIds.length ? organIds : [-1]);
  if (submittingUnitId !== undefined) q = q.where('p.submitting_unit_id', '=', submittingUnitId);
  const rows = await q.orderBy('p.published_on', 'desc').orderBy('p.id', 'desc').limit(limit).execute();
  return rows.map(toListItem);
}

/**
 * A page of the published items of an organ that one of its internal units submitted (报送单位), newest first, with
 * how many there are: the page and feed of a unit without a catalog of its own (as `pagePublishedInNodes` pages a
 * node). Read by the index of submitted items (publications_submitting_unit, migration 054).
 */
export async function pagePublishedSubmittedBy(db: Executor, organId: number, submittingUnitId: number, page: number, pageSize: number) {
  const base = publishedWithOrgan(db).where('p.submitting_unit_id', '=', submittingUnitId).where('p.organ_id', '=', organId);
  return publishedPage(base, page, pageSize);
}

/** `organIds` null: every organ's items (a system administrator's list, asked without an organ filter). */
/** `submittingUnitId`: only the items that unit submitted (报送单位, as `submittedCounts` counts them). */
export type StaffListFilter = {
  organIds: number[] | null; status?: PublicationStatus; q?: string; submittingUnitId?: number; page: number; pageSize: number;
  /** 'changed' (default): the most recently changed first; 'published': the newest 发布日期 first, the unpublished after. */
  order?: StaffListOrder;
};
export type StaffListOrder = 'changed' | 'published';

/**
 * A page of the items of some organs, the most recently changed first, with how many there are. For
 * every organ the list walks the index of change times (migration 042) instead of sorting the whole
 * catalog (6 s on SQLite at 1,000,000 items). By 发布日期 on request (`order`).
 */
/** A row of the staff list: a list item with its 有效期至 (docs/adr/0027), so officers see what lapses soon. */
export type StaffListItem = PublicationListItem & { validThroughOn: string | null };

export async function pageForStaff(db: Executor, f: StaffListFilter): Promise<{ items: StaffListItem[]; total: number }> {
  let base = db.selectFrom('publications as p').innerJoin('organs as o', 'o.id', 'p.organ_id');
  if (f.organIds) base = base.where('p.organ_id', 'in', f.organIds.length ? f.organIds : [-1]);
  if (f.status) base = base.where('p.status', '=', f.status);
  if (f.q) base = base.where(containsText('p.title', f.q));
  if (f.submittingUnitId !== undefined) base = base.where('p.submitting_unit_id', '=', f.submittingUnitId);
  const [{ n }] = await base.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  // By 发布日期: the published alone (every one has its day) read backwards through (status, published_on, id), organ first
  // when one is asked (migration 001); with other states, the unpublished (no day) after the rest, sorted.
  const ordered = f.order === 'published'
    ? (f.status === 'published' ? base.orderBy('p.published_on', 'desc') : base.orderBy('p.published_on', (ob) => ob.desc().nullsLast())).orderBy('p.id', 'desc')
    : base.orderBy('p.updated_at', 'desc').orderBy('p.id', 'desc');
  const rows = await ordered.select([...listColumns, 'p.valid_through_on']).limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.map((r) => ({ ...toListItem(r), validThroughOn: r.valid_through_on })), total: Number(n) };
}

/** Published items with ids in [fromId, toId), for one sitemap file (at most toId − fromId rows). */
export async function publishedForSitemap(db: Executor, fromId: number, toId: number) {
  return db
    .selectFrom('publications as p')
    .innerJoin('organs as o', 'o.id', 'p.organ_id')
    .select(['p.id', 'o.code as organ_code', 'p.updated_at'])
    .where('p.status', '=', 'published')
    .where('p.id', '>=', fromId)
    .where('p.id', '<', toId)
    .orderBy('p.id')
    .execute();
}

/** Ids of an organ's items published in a year, in id order (the yearly archive). */
export async function publishedIdsInYear(db: Executor, organId: number, year: number): Promise<number[]> {
  const rows = await db.selectFrom('publications').select('id').where('organ_id', '=', organId).where('status', '=', 'published')
    .where('published_on', '>=', `${year}-01-01`).where('published_on', '<=', `${year}-12-31`).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** The lowest and highest id of a published item (null when none is): how many sitemap files there are. */
export async function publishedIdRange(db: Executor): Promise<{ min: number; max: number } | null> {
  const r = await db.selectFrom('publications').select((eb) => [eb.fn.min<number>('id').as('min'), eb.fn.max<number>('id').as('max')]).where('status', '=', 'published').executeTakeFirst();
  return r && r.min !== null && r.max !== null ? { min: Number(r.min), max: Number(r.max) } : null;
}

/** Adds views counted in memory (ViewCounter), one statement per item, in one transaction. */
export async function addViewCounts(db: Executor, counts: [id: number, views: number][]): Promise<void> {
  for (const [id, n] of counts) {
    await db.updateTable('publications').set((eb) => ({ view_count: eb('view_count', '+', n) })).where('id', '=', id).execute();
  }
}

/** Next serial of an index-number prefix, allocated atomically inside the caller's transaction. */
export async function allocateSerial(trx: Executor, scope: string): Promise<number> {
  const row = await trx
    .insertInto('index_serials')
    .values({ scope, last_serial: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet((eb) => ({ last_serial: eb('index_serials.last_serial', '+', 1) })))
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return row.last_serial;
}

/** For 工作台: per organ, how many drafts and published items it has. */
export async function draftAndPublishedCounts(db: Executor): Promise<Map<number, { draft: number; published: number }>> {
  // Asked organ by organ (every item has one) so that SQLite counts from the organ-and-status index
  // alone: by status it read every item's row (5.8 s on SQLite at 1,000,000 items; 0.2 s this way).
  const rows = await db.selectFrom('publications').select(['organ_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organ_id', 'in', db.selectFrom('organs').select('id')).where('status', 'in', ['draft', 'published']).groupBy(['organ_id', 'status']).execute();
  const counts = new Map<number, { draft: number; published: number }>();
  for (const r of rows) {
    const c = counts.get(r.organ_id) ?? { draft: 0, published: 0 };
    c[r.status as 'draft' | 'published'] = Number(r.n);
    counts.set(r.organ_id, c);
  }
  return counts;
}

/**
 * For 工作台: per internal unit (下属单位) of `unitIds`, how many drafts and published items of its organ it
 * submitted (报送单位) — the items whose organ is the unit's organ and whose submitting unit is the unit,
 * as the supervision chart ranks an organ's units (publishedAndOnTime by unit). A unit without catalog
 * has no items of its own, so counting its organ_id always gave 0 (found by an outside tester). Read
 * from the submitting-unit index (migration 054).
 */
export async function submittedCounts(db: Executor, unitIds: number[]): Promise<Map<number, { draft: number; published: number }>> {
  const counts = new Map<number, { draft: number; published: number }>();
  if (unitIds.length === 0) return counts;
  const rows = await db.selectFrom('publications as p').innerJoin('organs as u', (j) => j.onRef('u.id', '=', 'p.submitting_unit_id').onRef('u.parent_id', '=', 'p.organ_id'))
    .select(['p.submitting_unit_id as unit_id', 'p.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('p.submitting_unit_id', 'in', unitIds).where('p.status', 'in', ['draft', 'published'])
    .groupBy(['p.submitting_unit_id', 'p.status']).execute();
  for (const r of rows) {
    const c = counts.get(r.unit_id!) ?? { draft: 0, published: 0 };
    c[r.status as 'draft' | 'published'] = Number(r.n);
    counts.set(r.unit_id!, c);
  }
  return counts;
}

/** Per organ, how many items published since `fromOn` were late (条例第二十六条, the `published_late` flag). */
export async function lateCountsSince(db: Executor, fromOn: string): Promise<Map<number, number>> {
  const rows = await db.selectFrom('publications').select(['organ_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('published_late', '=', 1).where('published_on', '>=', fromOn).groupBy('organ_id').execute();
  return new Map(rows.map((r) => [r.organ_id, Number(r.n)]));
}

/** Per unit of `unitIds`, how many items of its organ it submitted (报送单位) and were published late since `fromOn`, as `submittedCounts` attributes them. */
export async function submittedLateCountsSince(db: Executor, unitIds: number[], fromOn: string): Promise<Map<number, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.selectFrom('publications as p').innerJoin('organs as u', (j) => j.onRef('u.id', '=', 'p.submitting_unit_id').onRef('u.parent_id', '=', 'p.organ_id'))
    .select(['p.submitting_unit_id as unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('p.submitting_unit_id', 'in', unitIds).where('p.published_late', '=', 1).where('p.published_on', '>=', fromOn).groupBy('p.submitting_unit_id').execute();
  return new Map(rows.map((r) => [r.unit_id!, Number(r.n)]));
}

/** Why and when a withdrawn item was withdrawn (its address answers 410 with this). */
export async function withdrawalOf(db: Executor, publicationId: number) {
  return db.selectFrom('publications').select(['withdrawn_reason', 'withdrawn_note', 'withdrawn_at']).where('id', '=', publicationId).executeTakeFirstOrThrow();
}

/** An item's earlier versions with their change notes, for its page's 修订记录 (kept by review's amendments). */
export async function amendmentHistory(db: Executor, publicationId: number) {
  return db.selectFrom('publication_versions').select(['version_no', 'change_note', 'created_at']).where('publication_id', '=', publicationId).orderBy('version_no').execute();
}

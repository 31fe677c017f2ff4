import type { InterpretationForm, ItemKind, LinkTarget } from '../domain/interpretation.ts';
import type { Validity } from '../domain/labels.ts';
import { isInForce, MAX_REPLACEMENT_STEPS, replacementChain } from '../domain/replacement-chain.ts';
import { sql } from 'kysely';
import type { Executor } from './executor.ts';

/**
 * Policy interpretation (政策解读) in the database: which policies an interpretation explains (one
 * table read both ways), each organ's setting of policy nodes and working days, and the published
 * policies still waiting for an interpretation.
 */

/** Replaces the policies an interpretation names (none for an ordinary document). */
export async function replaceInterpretedPolicies(db: Executor, interpretationId: number, policyIds: readonly number[], at: string): Promise<void> {
  await db.deleteFrom('policy_interpretations').where('interpretation_id', '=', interpretationId).execute();
  if (policyIds.length) {
    await db.insertInto('policy_interpretations').values(policyIds.map((policy_id) => ({ interpretation_id: interpretationId, policy_id, created_at: at }))).execute();
  }
}

/** The items with these ids, as far as the linking rule needs them. */
export async function linkTargets(db: Executor, ids: readonly number[]): Promise<(LinkTarget & { submittingUnitId: number | null })[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('publications').select(['id', 'organ_id', 'item_kind', 'status', 'submitting_unit_id']).where('id', 'in', [...ids]).execute();
  return rows.map((r) => ({ id: r.id, organId: r.organ_id, itemKind: r.item_kind as ItemKind, status: r.status, submittingUnitId: r.submitting_unit_id }));
}

/** An item at the other end of a link, for pages and the API. */
export type LinkedEnd = {
  id: number; title: string; status: string; publishedOn: string | null; documentNumber: string | null;
  interpretationForm: InterpretationForm | null; organId: number; organCode: string; organName: string;
  /** Its 效力: a page marks a linked policy no longer in force (已废止, 已失效). */
  validity: Validity;
};

/**
 * The published document that replaced a repealed or lapsed policy (its 替代文件) — followed on to the one in force
 * now when it was replaced in its turn — with its own published interpretations, newest first; `via` holds the
 * replacements passed on the way (the policy's own 替代文件 first), each no longer in force, none for one step.
 */
export type ReplacingPolicy = LinkedEnd & { interpretations: LinkedEnd[]; via: LinkedEnd[] };

/** A linked item; a policy an interpretation explains that is 已废止 or 已失效 also names what replaced it, if that is published. */
export type LinkedItem = LinkedEnd & { replacedBy: ReplacingPolicy | null };

const newestFirst = (a: LinkedEnd, b: LinkedEnd) => (b.publishedOn ?? '9999').localeCompare(a.publishedOn ?? '9999') || b.id - a.id;

/**
 * Both directions of an item's links in one query: the policies it explains (when it is an
 * interpretation) and the interpretations that explain it (when it is a policy), newest first.
 * Published items, and the unpublished ones (not withdrawn) of `unpublishedOf` — the organs whose
 * drafts the reader works on; none for the public.
 */
export async function linksOf(db: Executor, id: number, unpublishedOf: readonly number[]): Promise<{ policies: LinkedItem[]; interpretations: LinkedItem[] }> {
  let q = db
    .selectFrom('policy_interpretations as l')
    .innerJoin('publications as p', (join) => join.on((eb) => eb.or([
      eb.and([eb('l.interpretation_id', '=', id), eb('p.id', '=', eb.ref('l.policy_id'))]),
      eb.and([eb('l.policy_id', '=', id), eb('p.id', '=', eb.ref('l.interpretation_id'))]),
    ])))
    .innerJoin('organs as o', 'o.id', 'p.organ_id')
    .select([
      'l.interpretation_id', 'l.policy_id', 'p.id', 'p.title', 'p.status', 'p.published_on', 'p.document_number', 'p.interpretation_form', 'p.organ_id', 'p.validity',
      'o.code as organ_code', 'o.name as organ_name',
    ])
    .where((eb) => eb.or([eb('l.interpretation_id', '=', id), eb('l.policy_id', '=', id)]));
  q = q.where((eb) => eb.or([
    eb('p.status', '=', 'published'),
    ...(unpublishedOf.length ? [eb.and([eb('p.status', '!=', 'withdrawn'), eb('p.organ_id', 'in', [...unpublishedOf])])] : []),
  ]));
  const rows = await q.execute();
  const item = (r: (typeof rows)[number]): LinkedItem => ({ ...linkedEnd(r), replacedBy: null });
  const policies = rows.filter((r) => r.interpretation_id === id).map(item).sort(newestFirst);
  // Only a page naming a policy no longer in force asks again: what replaced it, and that one's interpretations.
  const ended = policies.filter((p) => p.validity === 'repealed' || p.validity === 'expired').map((p) => p.id);
  const replacing = ended.length ? await replacingPoliciesOf(db, ended, id) : new Map<number, ReplacingPolicy>();
  return {
    policies: policies.map((p) => ({ ...p, replacedBy: replacing.get(p.id) ?? null })),
    interpretations: rows.filter((r) => r.policy_id === id).map(item).sort(newestFirst),
  };
}

type EndRow = {
  id: number; title: string; status: string; published_on: string | null; document_number: string | null; interpretation_form: string | null;
  organ_id: number; organ_code: string; organ_name: string; validity: string;
};
const linkedEnd = (r: EndRow): LinkedEnd => ({
  id: r.id, title: r.title, status: r.status, publishedOn: r.published_on, documentNumber: r.document_number,
  interpretationForm: r.interpretation_form as InterpretationForm | null, organId: r.organ_id, organCode: r.organ_code, organName: r.organ_name,
  validity: r.validity as Validity,
});

const ENDED = ['repealed', 'expired'];

/**
 * For each of these policies that is 已废止 or 已失效 and names a published 替代文件 (`replaced_by_id`):
 * where that leads (replacementChainsOf), the last one with its published interpretations other than `exceptId`
 * (the interpretation being read, when it names both), and those passed on the way in `via`. One query for the
 * policies, those of the chains, and one for the interpretations. Published items only, whoever reads.
 */
export async function replacingPoliciesOf(db: Executor, policyIds: readonly number[], exceptId: number): Promise<Map<number, ReplacingPolicy>> {
  if (policyIds.length === 0) return new Map();
  const firsts = await db.selectFrom('publications').select(['id', 'replaced_by_id'])
    .where('id', 'in', [...policyIds]).where('validity', 'in', ENDED).where('replaced_by_id', 'is not', null).execute();
  const chains = await replacementChainsOf(db, firsts.map((f) => ({ id: f.id, replacedById: f.replaced_by_id! })));
  const lasts = [...new Set([...chains.values()].map((chain) => chain[chain.length - 1]!.id))];
  const interpretations = await publishedInterpretationsOf(db, lasts, exceptId);
  const out = new Map<number, ReplacingPolicy>();
  for (const [policyId, chain] of chains) {
    const last = chain[chain.length - 1]!;
    out.set(policyId, { ...last, interpretations: interpretations.get(last.id) ?? [], via: chain.slice(0, -1) });
  }
  return out;
}

/**
 * Where each of these documents' 替代文件 leads (the caller gives those no longer in force): the replacement,
 * followed on while it is no longer in force itself and names a published replacement (domain/replacement-chain.ts:
 * at most MAX_REPLACEMENT_STEPS, a circle ends it), first to last. The one rule the 政策解读 line and an item's
 * 效力 banner follow. Published documents only, whoever reads: a document whose 替代文件 is unpublished has no
 * entry. One query a step (one when the replacement is in force).
 */
export async function replacementChainsOf(db: Executor, starts: readonly { id: number; replacedById: number }[]): Promise<Map<number, LinkedEnd[]>> {
  if (starts.length === 0) return new Map();
  // The published documents on the way, a step at a time: each knows where it leads on, if it is no longer in force.
  const docs = new Map<number, LinkedEnd>();
  const onward = new Map<number, number | null>();
  let wanted = [...new Set(starts.map((s) => s.replacedById))];
  for (let step = 0; step < MAX_REPLACEMENT_STEPS && wanted.length > 0; step++) {
    const rows = await db.selectFrom('publications as r').innerJoin('organs as ro', 'ro.id', 'r.organ_id')
      .select(['r.id', 'r.title', 'r.status', 'r.published_on', 'r.document_number', 'r.interpretation_form', 'r.organ_id', 'r.validity', 'r.replaced_by_id', 'ro.code as organ_code', 'ro.name as organ_name'])
      .where('r.id', 'in', wanted).where('r.status', '=', 'published').execute();
    for (const r of rows) {
      docs.set(r.id, linkedEnd(r));
      onward.set(r.id, isInForce(r.validity) ? null : r.replaced_by_id);
    }
    wanted = [...new Set(rows.map((r) => onward.get(r.id)).filter((id): id is number => id != null && !onward.has(id)))];
  }
  const out = new Map<number, LinkedEnd[]>();
  for (const s of starts) {
    const chain = replacementChain(s.id, s.replacedById, onward);
    if (chain.length > 0) out.set(s.id, chain.map((id) => docs.get(id)!));
  }
  return out;
}

/** The published interpretations of these policies other than `exceptId`, newest first, by policy. */
async function publishedInterpretationsOf(db: Executor, policyIds: readonly number[], exceptId: number): Promise<Map<number, LinkedEnd[]>> {
  if (policyIds.length === 0) return new Map();
  const rows = await db.selectFrom('policy_interpretations as l')
    .innerJoin('publications as i', 'i.id', 'l.interpretation_id')
    .innerJoin('organs as io', 'io.id', 'i.organ_id')
    .select(['l.policy_id', 'i.id', 'i.title', 'i.status', 'i.published_on', 'i.document_number', 'i.interpretation_form', 'i.organ_id', 'i.validity', 'io.code as organ_code', 'io.name as organ_name'])
    .where('l.policy_id', 'in', [...policyIds]).where('i.status', '=', 'published').where('i.id', '!=', exceptId)
    .execute();
  const out = new Map<number, LinkedEnd[]>();
  for (const r of rows) out.set(r.policy_id, [...(out.get(r.policy_id) ?? []), linkedEnd(r)]);
  for (const list of out.values()) list.sort(newestFirst);
  return out;
}

export type InterpretationSettingRow = { organId: number; nodeIds: number[]; workingDays: number; updatedAt: string };

/** The organs' own settings (an organ without a row uses the defaults). */
export async function interpretationSettingsOf(db: Executor, organIds: readonly number[]): Promise<Map<number, InterpretationSettingRow>> {
  if (organIds.length === 0) return new Map();
  const rows = await db.selectFrom('interpretation_settings').selectAll().where('organ_id', 'in', [...organIds]).execute();
  return new Map(rows.map((r) => [r.organ_id, { organId: r.organ_id, nodeIds: (JSON.parse(r.node_ids) as number[]).filter(Number.isInteger), workingDays: r.working_days, updatedAt: r.updated_at }]));
}

/** Stores an organ's setting, replacing the one before. */
export async function storeInterpretationSetting(db: Executor, v: { organId: number; nodeIds: number[]; workingDays: number; at: string; by: number | null }): Promise<void> {
  const values = { node_ids: JSON.stringify(v.nodeIds), working_days: v.workingDays, updated_at: v.at, updated_by: v.by };
  await db.insertInto('interpretation_settings').values({ organ_id: v.organId, ...values }).onConflict((oc) => oc.column('organ_id').doUpdateSet(values)).execute();
}

/** The catalog nodes of these organs (id, parent, name, organ), for working out their policy nodes. */
export async function nodesOfOrgans(db: Executor, organIds: readonly number[]) {
  if (organIds.length === 0) return [];
  const rows = await db.selectFrom('catalog_nodes').select(['id', 'parent_id', 'name', 'organ_id']).where('organ_id', 'in', [...organIds]).execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, organId: r.organ_id }));
}

/** A published policy with no published interpretation, with the nodes it is placed in among those asked for. */
export type UninterpretedPolicy = {
  id: number; organId: number; title: string; documentNumber: string | null; publishedOn: string; validity: string; publishRoute: string | null;
  itemKind: ItemKind; status: string; nodeIds: number[];
};

/** The policies a published interpretation explains: read from the links (few), each interpretation's state by its key. */
const publishedInterpretationOf = (db: Executor) =>
  db.selectFrom('policy_interpretations as l').select('l.policy_id')
    .where((eb) => eb.exists(eb.selectFrom('publications as i').select('i.id').whereRef('i.id', '=', 'l.interpretation_id').where('i.status', '=', 'published')));

/**
 * Published documents in force of these organs, placed in any of `nodeIds`, published through the
 * platform (not imported) and explained by no published interpretation: the domain's
 * `needsInterpretation` written as SQL, so that a site's policies are counted and paged without
 * reading them all (interpretations.db.test.ts keeps the two in step).
 */
function awaitingInterpretation(db: Executor, organIds: readonly number[], nodeIds: readonly number[]) {
  return db
    .selectFrom('publications as p')
    .where('p.organ_id', 'in', [...organIds])
    .where('p.status', '=', 'published')
    .where('p.item_kind', '=', 'document')
    .where('p.validity', '=', 'valid')
    .where('p.published_on', 'is not', null)
    .where((eb) => eb.or([eb('p.publish_route', 'is', null), eb('p.publish_route', '!=', 'system_import')]))
    // The items of the policy nodes as one list (read through the placements' node index), which the
    // rows from migration 042's covering index are checked against: `+` keeps SQLite from looking up
    // each listed item's row instead (the row, body first, is what is slow to read).
    .where((eb) => eb(sql<number>`+${sql.ref('p.id')}`, 'in', eb.selectFrom('publication_placements as pp').select('pp.publication_id').where('pp.node_id', 'in', [...nodeIds])))
    .where('p.id', 'not in', publishedInterpretationOf(db));
}

/** Per organ, how many policies await an interpretation (only those published on or before `publishedOnOrBefore`, when given); organs with none are left out. */
export async function countUninterpretedPolicies(db: Executor, organIds: readonly number[], nodeIds: readonly number[], publishedOnOrBefore: string | null = null): Promise<Map<number, number>> {
  if (organIds.length === 0 || nodeIds.length === 0) return new Map();
  let q = awaitingInterpretation(db, organIds, nodeIds);
  if (publishedOnOrBefore !== null) q = q.where('p.published_on', '<=', publishedOnOrBefore);
  const rows = await q.select((eb) => ['p.organ_id', eb.fn.countAll<number | string>().as('n')]).groupBy('p.organ_id').execute();
  return new Map(rows.map((r) => [r.organ_id, Number(r.n)]));
}

/** One page of the policies awaiting an interpretation, oldest publication first, each with the nodes it is placed in among `nodeIds`. */
export async function uninterpretedPoliciesPage(db: Executor, organIds: readonly number[], nodeIds: readonly number[], offset: number, limit: number): Promise<UninterpretedPolicy[]> {
  if (organIds.length === 0 || nodeIds.length === 0) return [];
  const rows = await awaitingInterpretation(db, organIds, nodeIds)
    .select(['p.id', 'p.organ_id', 'p.title', 'p.document_number', 'p.published_on', 'p.validity', 'p.publish_route', 'p.item_kind', 'p.status'])
    .orderBy('p.published_on').orderBy('p.id')
    .offset(offset).limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const placements = await db.selectFrom('publication_placements').select(['publication_id', 'node_id'])
    .where('publication_id', 'in', rows.map((r) => r.id)).where('node_id', 'in', [...nodeIds]).orderBy('node_id').execute();
  return rows.map((r) => ({
    id: r.id, organId: r.organ_id, title: r.title, documentNumber: r.document_number, publishedOn: r.published_on!, validity: r.validity,
    publishRoute: r.publish_route, itemKind: r.item_kind as ItemKind, status: r.status,
    nodeIds: placements.filter((pl) => pl.publication_id === r.id).map((pl) => pl.node_id),
  }));
}

/** A policy the editor offers to link: a document placed in a policy node. */
export type PolicyCandidate = { id: number; organId: number; organName: string; title: string; documentNumber: string | null; status: string; publishedOn: string | null; interpreted: boolean };

/**
 * Documents placed in any of `nodeIds` (the policy nodes of the organ and its related organs) that an
 * interpretation could name: published ones, and the unpublished ones of `unpublishedOf` (the organ
 * whose drafts the person may link), newest first, at most `limit`. The documents of `include` (the
 * policies the form already names) come first whatever their node or age, when they are of
 * `organIds` (the organ and its related organs) and the same rule lets them be named.
 */
export async function policyCandidates(
  db: Executor, nodeIds: readonly number[], unpublishedOf: readonly number[], limit: number, include: { ids: readonly number[]; organIds: readonly number[] } = { ids: [], organIds: [] },
): Promise<PolicyCandidate[]> {
  const linkable = () => db
    .selectFrom('publications as p')
    .innerJoin('organs as o', 'o.id', 'p.organ_id')
    .select((eb) => [
      'p.id', 'p.organ_id', 'o.name as organ_name', 'p.title', 'p.document_number', 'p.status', 'p.published_on',
      eb('p.id', 'in', publishedInterpretationOf(db)).as('interpreted'),
    ])
    .where('p.item_kind', '=', 'document')
    .where((eb) => eb.or([
      eb('p.status', '=', 'published'),
      ...(unpublishedOf.length ? [eb.and([eb('p.status', '!=', 'withdrawn'), eb('p.organ_id', 'in', [...unpublishedOf])])] : []),
    ]));
  const [named, newest] = await Promise.all([
    include.ids.length && include.organIds.length
      ? linkable().where('p.id', 'in', [...include.ids]).where('p.organ_id', 'in', [...include.organIds]).orderBy('p.id').execute()
      : Promise.resolve([]),
    nodeIds.length
      ? linkable()
        .where('p.id', 'in', db.selectFrom('publication_placements').select('publication_id').where('node_id', 'in', [...nodeIds]))
        .orderBy((eb) => eb.fn.coalesce('p.published_on', 'p.formed_on'), 'desc')
        .orderBy('p.id', 'desc')
        .limit(limit)
        .execute()
      : Promise.resolve([]),
  ]);
  const namedIds = new Set(named.map((r) => r.id));
  return [...named, ...newest.filter((r) => !namedIds.has(r.id))].map((r) => ({
    id: r.id, organId: r.organ_id, organName: r.organ_name, title: r.title, documentNumber: r.document_number, status: r.status,
    publishedOn: r.published_on, interpreted: Boolean(Number(r.interpreted)),
  }));
}

/** The item's 图解 picture, if it is still one of its attachments. */
export async function graphicAttachmentOf(db: Executor, publicationId: number, attachmentId: number) {
  return db.selectFrom('attachments').select(['id', 'mime_type', 'revision_state', 'file_name'])
    .where('id', '=', attachmentId).where('publication_id', '=', publicationId).executeTakeFirst();
}

/** Forgets a 图解 picture that is being removed. */
export async function clearGraphicAttachment(db: Executor, attachmentId: number): Promise<void> {
  await db.updateTable('publications').set({ graphic_attachment_id: null }).where('graphic_attachment_id', '=', attachmentId).execute();
}

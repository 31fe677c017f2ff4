import { sql } from 'kysely';
import type { AmendingTarget } from '../domain/amendment-link.ts';
import type { Executor } from './executor.ts';

/**
 * Which documents amended which (migration 065, docs/adr/0026-amending-documents.md). An item marked
 * 已修改 before the table existed, through 替代文件编号 (the draft form, the import, the demo), names its
 * amender in `replaced_by_id`; both are read as amenders.
 */

/** A document as a 效力 link shows it: the portal links it at its own organ's address. */
export type ValidityLinkItem = {
  id: number; title: string; documentNumber: string | null; publishedOn: string | null; organId: number; organCode: string; status: string;
  /** 索引号, as the portal shows it (null before publication). */
  indexNumber?: string | null;
};

const item = (r: { id: number; title: string; document_number: string | null; published_on: string | null; organ_id: number; organ_code: string; status: string; index_number?: string | null }): ValidityLinkItem => ({
  id: r.id, title: r.title, documentNumber: r.document_number, publishedOn: r.published_on, organId: r.organ_id, organCode: r.organ_code, status: r.status,
});
const oldestFirst = (a: ValidityLinkItem, b: ValidityLinkItem) => (a.publishedOn ?? '').localeCompare(b.publishedOn ?? '') || a.id - b.id;
const unique = (items: ValidityLinkItem[]) => [...new Map(items.map((i) => [i.id, i])).values()].sort(oldestFirst);

const linked = (db: Executor) => db.selectFrom('publications as p').innerJoin('organs as o', 'o.id', 'p.organ_id')
  .select(['p.id', 'p.title', 'p.document_number', 'p.published_on', 'p.organ_id', 'o.code as organ_code', 'p.status']);

/**
 * An item's 效力 links: the documents that amended it, the documents (never a 政策解读) it amended or, as their 替代文件,
 * repealed, and its own 替代文件 when it is not 已修改 (the one that repealed it, or the current text of
 * an expired one).
 */
export type ValidityLinks = { amendedBy: ValidityLinkItem[]; amends: ValidityLinkItem[]; repeals: ValidityLinkItem[]; replacedBy: ValidityLinkItem | null };

/** Both directions of an item's 效力 links, every status (the caller shows the public ones). */
export async function validityLinksOf(db: Executor, id: number): Promise<ValidityLinks> {
  // One statement (every item page asks): the four ways a link is recorded, each row marked with what it is.
  const rows = await linked(db).select(sql<string>`'amended_by'`.as('link'))
    .innerJoin('publication_amendments as a', 'a.amending_id', 'p.id').where('a.amended_id', '=', id)
    .unionAll(linked(db).select(sql<string>`case when self.validity = 'amended' then 'amended_by' else 'replaced_by' end`.as('link'))
      .innerJoin('publications as self', 'self.replaced_by_id', 'p.id').where('self.id', '=', id))
    // What it amended or repealed is a document: a 政策解读 has no 效力 of its own, so one marked before the rule is not named.
    .unionAll(linked(db).select(sql<string>`'amends'`.as('link'))
      .innerJoin('publication_amendments as a', 'a.amended_id', 'p.id').where('a.amending_id', '=', id).where('p.item_kind', '=', 'document'))
    .unionAll(linked(db).select(sql<string>`case when p.validity = 'amended' then 'amends' else 'repeals' end`.as('link'))
      .where('p.replaced_by_id', '=', id).where('p.validity', 'in', ['amended', 'repealed']).where('p.item_kind', '=', 'document'))
    .execute();
  const of = (link: string) => unique(rows.filter((r) => r.link === link).map(item));
  return { amendedBy: of('amended_by'), amends: of('amends'), repeals: of('repeals'), replacedBy: of('replaced_by')[0] ?? null };
}

/** What the rule needs to know of a document named as an amender. */
export async function amendingTarget(db: Executor, id: number): Promise<AmendingTarget | null> {
  const r = await db.selectFrom('publications').select(['id', 'organ_id', 'status', 'title', 'document_number']).where('id', '=', id).executeTakeFirst();
  return r ? { id: r.id, organId: r.organ_id, status: r.status, title: r.title, documentNumber: r.document_number } : null;
}

/** Whether the pair is recorded (in the table, or as an amended item's 替代文件). */
export async function amendmentRecorded(db: Executor, amendedId: number, amendingId: number): Promise<boolean> {
  const [row, column] = await Promise.all([
    db.selectFrom('publication_amendments').select('amended_id').where('amended_id', '=', amendedId).where('amending_id', '=', amendingId).executeTakeFirst(),
    db.selectFrom('publications').select('id').where('id', '=', amendedId).where('validity', '=', 'amended').where('replaced_by_id', '=', amendingId).executeTakeFirst(),
  ]);
  return Boolean(row || column);
}

/**
 * Whether `fromId` amends or replaces `targetId`, directly or through other documents: then naming
 * `targetId`'s amender `fromId` would close a circle. Walks one step a query; the chains are short.
 */
export async function amendsOrReplaces(db: Executor, fromId: number, targetId: number): Promise<boolean> {
  const seen = new Set<number>([fromId]);
  let frontier = [fromId];
  while (frontier.length) {
    const [a, r] = await Promise.all([
      db.selectFrom('publication_amendments').select('amended_id as id').where('amending_id', 'in', frontier).execute(),
      db.selectFrom('publications').select('id').where('replaced_by_id', 'in', frontier).execute(),
    ]);
    const next = [...a, ...r].map((x) => x.id).filter((x) => !seen.has(x));
    if (next.includes(targetId)) return true;
    for (const x of next) seen.add(x);
    frontier = [...new Set(next)];
  }
  return false;
}

/** Records that `amendingId` amended `amendedId`, on `on` (China date), by `by`. */
export async function insertAmendment(db: Executor, amendedId: number, amendingId: number, on: string, by: number | null): Promise<void> {
  await db.insertInto('publication_amendments').values({ amended_id: amendedId, amending_id: amendingId, recorded_on: on, recorded_by: by }).execute();
}

/** The bracket spellings a 文号 is written in: 〔〕 as GB/T 9704 has it, and what people type. */
const BRACKETS: [string, string][] = [['〔', '〕'], ['[', ']'], ['(', ')'], ['（', '）'], ['【', '】'], ['［', '］']];
export function documentNumberSpellings(typed: string): string[] {
  const m = /^(.*?)[〔[(（【［]\s*(\d{4})\s*[〕\])）】］](.*)$/.exec(typed.trim());
  if (!m) return [typed.trim()];
  return BRACKETS.map(([l, r]) => `${m[1]}${l}${m[2]}${r}${m[3]}`);
}

/**
 * Published documents of `organIds` that what an officer typed names: its 编号, its 文号 in any bracket
 * spelling, its 索引号 (as the portal shows it), or its whole title (with or without 《》). At most `limit`, newest first.
 */
export async function findAmendingCandidates(db: Executor, organIds: readonly number[], typed: string, limit = 10): Promise<ValidityLinkItem[]> {
  const t = typed.trim();
  if (!t || !organIds.length) return [];
  const title = t.replace(/^《(.*)》$/, '$1');
  const id = /^\d{1,9}$/.test(t) ? Number(t) : null;
  const rows = await linked(db)
    .where('p.status', '=', 'published')
    .where('p.organ_id', 'in', [...organIds])
    .where((eb) => eb.or([
      eb('p.document_number', 'in', documentNumberSpellings(t)),
      eb('p.title', '=', title),
      eb('p.index_number', '=', t),
      ...(id !== null ? [eb('p.id', '=', id)] : []),
    ]))
    .orderBy('p.published_on', 'desc').orderBy('p.id', 'desc')
    .select('p.index_number')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...item(r), indexNumber: r.index_number }));
}

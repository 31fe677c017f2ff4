import type { Insertable, Selectable, Updateable } from 'kysely';
import type { StandardDirectoryTables } from '../../../platform/db/schema-areas/standard-directories.ts';
import type { DisclosureStage } from '../domain/labels.ts';
import type { DirectoryAudience, DirectoryMode } from '../domain/standard-directory.ts';
import type { Executor } from './executor.ts';

type Row = StandardDirectoryTables['directory_matters'];

/** A required 事项 of a standard-directory node, as imported from a template (docs/standard-directories.md). */
export type DirectoryMatter = {
  id: number;
  organId: number;
  nodeId: number;
  templateId: string;
  key: string;
  name: string;
  stage: DisclosureStage;
  elements: string;
  legalBasis: string;
  timeLimit: string;
  subject: string;
  channels: string[];
  audience: DirectoryAudience;
  mode: DirectoryMode;
  levels: string[];
  sortOrder: number;
};

const jsonList = (s: string): string[] => {
  const v = JSON.parse(s) as unknown;
  return Array.isArray(v) ? v.map(String) : [];
};

export const toDirectoryMatter = (r: Selectable<Row>): DirectoryMatter => ({
  id: r.id, organId: r.organ_id, nodeId: r.node_id, templateId: r.template_id, key: r.matter_key, name: r.name, stage: r.stage as DisclosureStage,
  elements: r.elements, legalBasis: r.legal_basis, timeLimit: r.time_limit, subject: r.subject, channels: jsonList(r.channels),
  audience: r.audience as DirectoryAudience, mode: r.disclosure_mode as DirectoryMode, levels: jsonList(r.levels), sortOrder: r.sort_order,
});

/** Every 事项 of an organ, by node and order. */
export async function listDirectoryMatters(db: Executor, organId: number): Promise<DirectoryMatter[]> {
  const rows = await db.selectFrom('directory_matters').selectAll().where('organ_id', '=', organId).orderBy('node_id').orderBy('sort_order').orderBy('id').execute();
  return rows.map(toDirectoryMatter);
}

/** The 事项 an organ already has from one template. */
/** The 事项 a catalog node must carry, in their order (the node's page lists them). */
export async function mattersOfNode(db: Executor, nodeId: number): Promise<DirectoryMatter[]> {
  const rows = await db.selectFrom('directory_matters').selectAll().where('node_id', '=', nodeId).orderBy('sort_order').orderBy('id').execute();
  return rows.map(toDirectoryMatter);
}

export async function mattersOfTemplate(db: Executor, organId: number, templateId: string): Promise<DirectoryMatter[]> {
  const rows = await db.selectFrom('directory_matters').selectAll().where('organ_id', '=', organId).where('template_id', '=', templateId).execute();
  return rows.map(toDirectoryMatter);
}

export async function findDirectoryMatter(db: Executor, id: number): Promise<DirectoryMatter | null> {
  const r = await db.selectFrom('directory_matters').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toDirectoryMatter(r) : null;
}

/** Inserts a 事项; returns its id. */
export async function insertDirectoryMatter(db: Executor, values: Insertable<Row>): Promise<number> {
  return (await db.insertInto('directory_matters').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateDirectoryMatterRow(db: Executor, id: number, values: Updateable<Row>): Promise<void> {
  await db.updateTable('directory_matters').set(values).where('id', '=', id).execute();
}

/**
 * Per 事项 of the organ: how many published items name it, and the newest publication date. Read
 * from the organ's 事项 through the items' 事项 index, so an organ without a standard directory costs
 * nothing and one with it only its 事项's items (read from the organ's items, it cost 31 ms an organ
 * on SQLite at 1,000,000 items whatever it had: 6 s on the supervision page).
 */
export async function publishedCountsByMatter(db: Executor, organId: number): Promise<Map<number, { items: number; lastPublishedOn: string | null }>> {
  const matterIds = (await db.selectFrom('directory_matters').select('id').where('organ_id', '=', organId).execute()).map((m) => m.id);
  if (matterIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('publications')
    .select(['directory_matter_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('published_on').as('last')])
    .where('directory_matter_id', 'in', matterIds)
    .where('status', '=', 'published')
    .where('organ_id', '=', organId)
    .groupBy('directory_matter_id')
    .execute();
  return new Map(rows.map((r) => [r.directory_matter_id!, { items: Number(r.n), lastPublishedOn: (r.last as string | null) ?? null }]));
}

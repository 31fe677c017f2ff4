import type { Insertable, Selectable, Updateable } from 'kysely';
import type { OrgansTable } from '../../../platform/db/schema.ts';
import type { Organ } from '../domain/organ.ts';
import type { OrganKind } from '../domain/labels.ts';
import type { Executor } from './executor.ts';

export const toOrgan = (r: Selectable<OrgansTable>): Organ => ({
  id: r.id,
  code: r.code,
  name: r.name,
  shortName: r.short_name,
  kind: r.kind as OrganKind,
  parentId: r.parent_id,
  creditCode: r.credit_code,
  indexPattern: r.index_pattern,
  consultPhone: r.consult_phone,
  address: r.address,
  officeHours: r.office_hours,
  guideHtml: r.guide_html,
  rulesHtml: r.rules_html,
  sortOrder: r.sort_order,
});

export async function listOrgans(db: Executor): Promise<Organ[]> {
  const rows = await db.selectFrom('organs').selectAll().orderBy('sort_order').orderBy('id').execute();
  return rows.map(toOrgan);
}

/** Every organ's place in the tree and its names, without its pages (guide, rules): what a search's scope and labels need. */
export type OrganInTree = Pick<Organ, 'id' | 'parentId' | 'name' | 'shortName'>;

export async function listOrgansInTree(db: Executor): Promise<OrganInTree[]> {
  const rows = await db.selectFrom('organs').select(['id', 'parent_id', 'name', 'short_name']).orderBy('sort_order').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, shortName: r.short_name }));
}

/** Whether the database holds any organ: the first start loads the demo only into one that holds none. */
export async function anyOrganExists(db: Executor): Promise<boolean> {
  return (await db.selectFrom('organs').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** The first organ without a parent, in the organs' order: the one the first start's `admin` belongs to. */
export async function firstTopOrgan(db: Executor): Promise<Organ | null> {
  const r = await db.selectFrom('organs').selectAll().where('parent_id', 'is', null).orderBy('sort_order').orderBy('id').limit(1).executeTakeFirst();
  return r ? toOrgan(r) : null;
}

export async function findOrganByCode(db: Executor, code: string): Promise<Organ | null> {
  const r = await db.selectFrom('organs').selectAll().where('code', '=', code).executeTakeFirst();
  return r ? toOrgan(r) : null;
}

export async function findOrganById(db: Executor, id: number): Promise<Organ | null> {
  const r = await db.selectFrom('organs').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toOrgan(r) : null;
}

/** When the organ's settings last changed: the date of a feed with no items yet. */
export async function organUpdatedAt(db: Executor, id: number): Promise<string | null> {
  const r = await db.selectFrom('organs').select('updated_at').where('id', '=', id).executeTakeFirst();
  return r?.updated_at ?? null;
}

/** The organ and its ancestors, self first (roles on an ancestor reach down). */
export async function organChain(db: Executor, organId: number): Promise<number[]> {
  const rows = await db.selectFrom('organs').select(['id', 'parent_id']).execute();
  const parent = new Map(rows.map((r) => [r.id, r.parent_id]));
  const chain: number[] = [];
  for (let cur: number | null | undefined = organId; cur != null && !chain.includes(cur); cur = parent.get(cur)) chain.push(cur);
  return chain;
}

/** Inserts an organ; returns it as stored. */
export async function insertOrgan(db: Executor, values: Insertable<OrgansTable>): Promise<Organ> {
  return toOrgan(await db.insertInto('organs').values(values).returningAll().executeTakeFirstOrThrow());
}

/** Updates an organ's fields; returns it as stored (throws when there is no such organ). */
export async function updateOrgan(db: Executor, id: number, values: Updateable<OrgansTable>): Promise<Organ> {
  return toOrgan(await db.updateTable('organs').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow());
}

/** The organ's units (kind 'unit' directly under it), as id and code. */
export async function unitsOf(db: Executor, organId: number) {
  return db.selectFrom('organs').select(['id', 'code']).where('parent_id', '=', organId).where('kind', '=', 'unit').execute();
}

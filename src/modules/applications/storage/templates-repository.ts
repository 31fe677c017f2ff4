import { DEFAULT_TEMPLATES, type LetterTemplate } from '../domain/letters/default-templates.ts';
import type { TemplateKind } from '../domain/letters/letter-kinds.ts';
import type { Executor } from './executor.ts';

export type OrganTemplate = LetterTemplate & { customised: boolean; version: number; updatedAt: string | null };

/** The organ's wording of a letter, or the built-in one. */
export async function templateFor(db: Executor, organId: number, kind: TemplateKind): Promise<OrganTemplate> {
  const row = await db.selectFrom('application_letter_templates').selectAll().where('organ_id', '=', organId).where('kind', '=', kind).executeTakeFirst();
  return row
    ? { kind, title: row.title, body: row.body, customised: true, version: row.version, updatedAt: row.updated_at }
    : { ...DEFAULT_TEMPLATES[kind], customised: false, version: 0, updatedAt: null };
}

export async function upsertTemplate(db: Executor, organId: number, kind: TemplateKind, title: string, body: string, userId: number | null, at: string): Promise<void> {
  await db
    .insertInto('application_letter_templates')
    .values({ organ_id: organId, kind, title, body, updated_by: userId, updated_at: at, version: 1 })
    .onConflict((oc) => oc.columns(['organ_id', 'kind']).doUpdateSet((eb) => ({ title, body, updated_by: userId, updated_at: at, version: eb('application_letter_templates.version', '+', 1) })))
    .execute();
}

export async function deleteTemplate(db: Executor, organId: number, kind: TemplateKind): Promise<void> {
  await db.deleteFrom('application_letter_templates').where('organ_id', '=', organId).where('kind', '=', kind).execute();
}

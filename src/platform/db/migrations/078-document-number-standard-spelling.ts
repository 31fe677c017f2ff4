import type { Kysely } from 'kysely';
import { standardDocumentNumber } from '../../../shared/document-number.ts';
import type { Migration } from './migration.ts';

/**
 * Every item's 文号 in the standard spelling (GB/T 9704-2012 7.2.4; shared/document-number.ts): 岚建[2026]56号,
 * 岚建（２０２６）５６号 and 岚建〔2026〕第056号 as typed before the form and the import stored the standard spelling
 * become 岚建〔2026〕56号, so that the portal shows one spelling, the form's hint (本机关最近的文号) offers it, and
 * the check that a 文号 names one document (docs/rules/proactive-disclosure.md, "文号") finds an earlier item by
 * equality on the index made here. Only the item's current 文号 changes, in `publications`: the audit log's entries
 * are sealed and keep what was typed, as do the versions of a revision history (what each version said) and the
 * search index (its 文号 key is the same for every spelling). A 文号 not written with the year in brackets keeps
 * its words (a 公告's 2026年第5号), only its digits half-width and its spaces tidied.
 */
export const migration: Migration = {
  name: '078-document-number-standard-spelling',
  async up(db: Kysely<any>) {
    await standardiseDocumentNumbers(db);
    await db.schema.createIndex('publications_organ_document_number').on('publications').columns(['organ_id', 'document_number']).execute();
  },
};

/** Rewrites, a thousand rows a read, the 文号 whose standard spelling differs from the stored one. */
export async function standardiseDocumentNumbers(db: Kysely<any>): Promise<number> {
  let after = 0;
  let changed = 0;
  for (;;) {
    const rows: { id: number; document_number: string }[] = await db.selectFrom('publications').select(['id', 'document_number'])
      .where('id', '>', after).where('document_number', 'is not', null).orderBy('id').limit(1000).execute();
    if (!rows.length) return changed;
    for (const r of rows) {
      const standard = standardDocumentNumber(r.document_number);
      if (standard === r.document_number) continue;
      await db.updateTable('publications').set({ document_number: standard || null }).where('id', '=', r.id).execute();
      changed++;
    }
    after = rows[rows.length - 1].id;
  }
}

import type { Executor } from './executor.ts';

/** An item of the organ an imported row may duplicate (docs/import-export.md, "Suspected duplicates"). */
export type DuplicateCandidate = {
  id: number; title: string; documentNumber: string; formedOn: string; publishedOn: string | null; status: string; indexNumber: string | null;
};

/**
 * The organ's items, withdrawn ones left out, written on one of these 成文日期: those an import's rows
 * may repeat. The caller compares titles and 文号 as the rule spells them (whitespace, brackets).
 */
export async function importDuplicateCandidates(db: Executor, organId: number, formedOn: string[]): Promise<DuplicateCandidate[]> {
  const out: DuplicateCandidate[] = [];
  const dates = [...new Set(formedOn)];
  for (let i = 0; i < dates.length; i += 500) {
    const rows = await db.selectFrom('publications')
      .select(['id', 'title', 'document_number', 'formed_on', 'published_on', 'status', 'index_number'])
      .where('organ_id', '=', organId).where('status', '!=', 'withdrawn').where('formed_on', 'in', dates.slice(i, i + 500))
      .orderBy('id').execute();
    for (const r of rows) {
      out.push({ id: r.id, title: r.title, documentNumber: r.document_number ?? '', formedOn: r.formed_on, publishedOn: r.published_on, status: r.status, indexNumber: r.index_number });
    }
  }
  return out;
}

import type { ItemKind } from '../domain/interpretation.ts';
import type { Executor } from './executor.ts';

/** An item an import file names by its 索引号 (a policy, a replacement), as the linking rules need it. */
export type IndexedItem = {
  id: number; organId: number; indexNumber: string; itemKind: ItemKind; status: string;
  /** What the counterpart rules weigh of a 替代文件 or 修改文件 (domain/counterpart-document.ts): its title, 文号 and dates. */
  title: string; documentNumber: string | null; formedOn: string; formedOnSet: boolean; publishedOn: string | null;
};

/** The items carrying these 索引号 (unique in the database), by 索引号. */
export async function itemsByIndexNumber(db: Executor, numbers: readonly string[]): Promise<Map<string, IndexedItem>> {
  const out = new Map<string, IndexedItem>();
  const unique = [...new Set(numbers)];
  // In slices: SQLite binds at most 32,766 values in one statement.
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await db.selectFrom('publications')
      .select(['id', 'organ_id', 'index_number', 'item_kind', 'status', 'title', 'document_number', 'formed_on', 'formed_on_set', 'published_on'])
      .where('index_number', 'in', unique.slice(i, i + 1000)).execute();
    for (const r of rows) {
      out.set(r.index_number!, {
        id: r.id, organId: r.organ_id, indexNumber: r.index_number!, itemKind: r.item_kind as ItemKind, status: r.status,
        title: r.title, documentNumber: r.document_number, formedOn: r.formed_on, formedOnSet: r.formed_on_set !== 0, publishedOn: r.published_on,
      });
    }
  }
  return out;
}

/** Sets an imported item's replacement, 标准目录事项 and 图解 picture (each only when given). */
export async function setImportedReferences(
  db: Executor, id: number, refs: { replacedById: number | null; matterId: number | null; graphicAttachmentId: number | null },
): Promise<void> {
  const set = {
    ...(refs.replacedById !== null ? { replaced_by_id: refs.replacedById } : {}),
    ...(refs.matterId !== null ? { directory_matter_id: refs.matterId } : {}),
    ...(refs.graphicAttachmentId !== null ? { graphic_attachment_id: refs.graphicAttachmentId } : {}),
  };
  if (Object.keys(set).length) await db.updateTable('publications').set(set).where('id', '=', id).execute();
}

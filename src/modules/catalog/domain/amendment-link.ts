/**
 * 已修改 and the document that amended it (docs/adr/0026-amending-documents.md): which document an
 * officer may name as the amender of a published item. Pure: the caller reads the facts.
 */

export const AmendmentErrorCode = {
  /** The named amender is missing, unpublished, withdrawn, the item itself or of an unrelated organ. */
  invalid: 'ERR_CATALOG_AMENDING_INVALID',
  /** Naming it would make a document amend (or repeal) itself through others. */
  cycle: 'ERR_CATALOG_AMENDING_CYCLE',
  /** It is already recorded as an amender of this item. */
  duplicate: 'ERR_CATALOG_AMENDING_DUPLICATE',
  /** Nothing found, or more than one item, for what the officer typed (文号, title or 编号). */
  notFound: 'ERR_CATALOG_AMENDING_NOT_FOUND',
  ambiguous: 'ERR_CATALOG_AMENDING_AMBIGUOUS',
} as const;

/** What the rule needs to know of a named amender. */
export type AmendingTarget = { id: number; organId: number; status: string; title: string; documentNumber: string | null };

/** 《标题》（文号）: how the portal and the messages name a document. */
export const documentName = (t: { title: string; documentNumber: string | null }): string => {
  const title = t.title.trim();
  const named = title.startsWith('《') && title.endsWith('》') ? title : `《${title}》`;
  return t.documentNumber ? `${named}（${t.documentNumber}）` : named;
};

/**
 * Why `target` may not be recorded as the document that amended item `amendedId`, or null when it may.
 * `related` are the organs whose documents may amend it (the item's organ, the organs above it and
 * below it — the interpretation rule's `relatedOrganIds`); `reaches` is true when the item already
 * amends or replaces `target`, directly or through others; `already` when the pair is recorded.
 */
export function amendingRefusal(
  amendedId: number, named: number, target: AmendingTarget | null,
  ctx: { related: ReadonlySet<number>; reaches: boolean; already: boolean },
): { code: string; message: string } | null {
  const E = AmendmentErrorCode;
  if (named === amendedId) return { code: E.invalid, message: '修改文件不能是本文件' };
  if (!target || (target.status !== 'published' && target.status !== 'withdrawn')) return { code: E.invalid, message: `修改文件（编号 ${named}）不存在或尚未发布` };
  if (target.status === 'withdrawn') return { code: E.invalid, message: `${documentName(target)}已撤回，不能作为修改文件` };
  if (!ctx.related.has(target.organId)) return { code: E.invalid, message: `${documentName(target)}不是本机关或上下级机关的文件，不能作为修改文件` };
  if (ctx.already) return { code: E.duplicate, message: `已记录本文件被${documentName(target)}修改` };
  if (ctx.reaches) return { code: E.cycle, message: `本文件已修改或替代了${documentName(target)}（直接或经其他文件），两份文件不能互相修改` };
  return null;
}

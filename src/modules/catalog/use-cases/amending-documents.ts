import { DomainError } from '../../../shared/domain-error.ts';
import { bookTitle } from '../../../shared/sentences.ts';
import { AmendmentErrorCode as E, amendingRefusal } from '../domain/amendment-link.ts';
import { relatedOrganIds } from '../domain/interpretation.ts';
import type { Publication } from '../domain/publication.ts';
import {
  amendingTarget, amendmentRecorded, amendsOrReplaces, findAmendingCandidates, insertAmendment, validityLinksOf, type ValidityLinkItem, type ValidityLinks,
} from '../storage/amendments-repository.ts';
import type { Executor } from '../storage/executor.ts';
import { replacementChainsOf, type LinkedEnd } from '../storage/interpretations-repository.ts';
import { isInForce } from '../domain/replacement-chain.ts';
import { listOrgans } from '../storage/organs-repository.ts';

/**
 * 已修改 with the document that amended it (docs/adr/0026-amending-documents.md). Its caller is the
 * review area's verb 标记已修改, which decides who may mark an item and raises the content version in
 * the same transaction.
 */

/** The organs whose documents may amend an item of `organId`: the interpretation rule's (itself, above, below). */
async function amendingOrgans(trx: Executor, organId: number): Promise<Set<number>> {
  return relatedOrganIds(await listOrgans(trx), organId);
}

/**
 * Records, in the caller's transaction, that `amendingId` amended the published item `p`; refuses (400,
 * field `amendingId`) a document that is missing, unpublished, withdrawn, the item itself, of an
 * unrelated organ, already recorded, or one the item itself amends or replaces (a circle).
 */
export async function recordAmendingDocument(trx: Executor, p: Publication, amendingId: number, on: string, by: number | null): Promise<void> {
  const target = await amendingTarget(trx, amendingId);
  const refusal = amendingRefusal(p.id, amendingId, target, {
    related: await amendingOrgans(trx, p.organId),
    already: target !== null && await amendmentRecorded(trx, p.id, amendingId),
    reaches: target !== null && await amendsOrReplaces(trx, p.id, amendingId),
  });
  if (refusal) throw new DomainError(refusal.code, refusal.message, { field: 'amendingId', reasons: [{ ...refusal, field: 'amendingId' }] });
  await insertAmendment(trx, p.id, amendingId, on, by);
}

/** Which document is being named: 标记已修改's amending document, or 标记废止's (and the form's) 替代文件. */
export type NamedDocumentRole = 'amending' | 'replacement';
const NAMED: Record<NamedDocumentRole, { field: string; notFound: string; ambiguous: string }> = {
  amending: { field: 'amendingId', notFound: E.notFound, ambiguous: E.ambiguous },
  replacement: { field: 'replacedById', notFound: 'ERR_CATALOG_REPLACEMENT_NOT_FOUND', ambiguous: 'ERR_CATALOG_REPLACEMENT_AMBIGUOUS' },
};

/**
 * The document an officer means by what they typed for item `p` (编号, 文号 in any bracket spelling, 索引号,
 * or title): one published document of an organ whose documents may amend it. None, or more than one,
 * is refused with what to type instead (the candidates, by 编号, 索引号 and title). The same for 标记已修改 and 标记废止.
 */
export async function resolveAmendingDocument(db: Executor, p: Pick<Publication, 'organId'>, typed: string, role: NamedDocumentRole = 'amending'): Promise<number> {
  const named = NAMED[role];
  const found = await findAmendingCandidates(db, [...await amendingOrgans(db, p.organId)], typed, 5);
  if (found.length === 0) {
    throw new DomainError(named.notFound, `没有找到文号、索引号、标题或编号为“${typed.trim()}”的已发布文件（限本机关及上下级机关）`, { field: named.field });
  }
  if (found.length > 1) {
    const listed = found.map((f) => `${f.id}（${[f.indexNumber ? `索引号 ${f.indexNumber}` : null, f.documentNumber, bookTitle(f.title)].filter(Boolean).join('，')}）`).join('、');
    throw new DomainError(named.ambiguous, `“${typed.trim()}”对应多份文件，请填写其中一份的编号：${listed}`, { field: named.field });
  }
  return found[0]!.id;
}

/**
 * An item's 效力 links as the public may see them: only published documents, so no link leads to a withdrawn page.
 * `amendersRecorded`: whether any amender is recorded at all, published or not — an amended item with none (an
 * imported or older item) has its banner say the site does not know, which would be untrue of one withdrawn since.
 */
export async function publicValidityLinks(db: Executor, id: number): Promise<ValidityLinks & { amendersRecorded: boolean }> {
  const all = await validityLinksOf(db, id);
  const published = (xs: ValidityLinkItem[]) => xs.filter((x) => x.status === 'published');
  return {
    amendedBy: published(all.amendedBy), amends: published(all.amends), repeals: published(all.repeals), replacedBy: all.replacedBy?.status === 'published' ? all.replacedBy : null,
    amendersRecorded: all.amendedBy.length > 0,
  };
}

/**
 * Where the 替代文件 of a document no longer in force leads, as its 效力 banner names it: the replacement, then
 * on while that one is no longer in force either, to the one in force now or the last published one (the rule of
 * 政策解读's replacement line, storage's replacementChainsOf). Published documents only; empty when the document
 * is in force, names no 替代文件, or names an unpublished one.
 */
export async function publicReplacementsOf(db: Executor, p: Pick<Publication, 'id' | 'validity' | 'replacedById'>): Promise<LinkedEnd[]> {
  if (isInForce(p.validity) || p.replacedById === null) return [];
  return (await replacementChainsOf(db, [{ id: p.id, replacedById: p.replacedById }])).get(p.id) ?? [];
}

export { validityLinksOf, type ValidityLinkItem };

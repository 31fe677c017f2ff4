import type { Attachment, Organ, Publication } from '../../index.ts';
import type { DirectoryMatter } from '../../storage/directory-matters-repository.ts';
import { buildTree, type CatalogNode, type PublicationListItem, type TreeBranch } from '../../index.ts';
import { itemPath } from '../../domain/portal-paths.ts';
import type { CatalogTreeItem } from './schemas.ts';
import type { LinkedEnd, LinkedItem } from '../../storage/interpretations-repository.ts';
import type { ValidityLinkItem } from '../../storage/amendments-repository.ts';
import { isInForce } from '../../domain/replacement-chain.ts';

/** Domain values → the API's JSON (camelCase). Internal columns (user ids, storage keys, hashes) stay out. */

export const attachmentUrl = (a: Pick<Attachment, 'id' | 'fileName'>) => `/attachments/${a.id}/${encodeURIComponent(a.fileName)}`;

export function presentOrganSummary(o: Organ, parentCode: string | null) {
  return { code: o.code, name: o.name, shortName: o.shortName, kind: o.kind, parentCode, consultPhone: o.consultPhone };
}

export function presentOrganDetail(o: Organ, parentCode: string | null) {
  return {
    ...presentOrganSummary(o, parentCode),
    creditCode: o.creditCode, indexPattern: o.indexPattern, address: o.address, officeHours: o.officeHours,
  };
}

export function presentNode(n: CatalogNode, organCode: string) {
  return {
    id: n.id, organCode, parentId: n.parentId, name: n.name, sortOrder: n.sortOrder, isStandardDirectory: n.isStandardDirectory,
    standardArea: n.standardArea, description: n.description,
  };
}

export function presentCatalogTree(nodes: CatalogNode[], publishedCounts: Map<number, number>): CatalogTreeItem[] {
  const present = (b: TreeBranch<CatalogNode>): CatalogTreeItem => ({
    id: b.id, name: b.name, isStandardDirectory: b.isStandardDirectory, standardArea: b.standardArea,
    publishedCount: publishedCounts.get(b.id) ?? 0, children: b.children.map(present),
  });
  return buildTree(nodes).map(present);
}

export function presentListItem(i: PublicationListItem) {
  return {
    id: i.id, organCode: i.organCode, organName: i.organName, indexNumber: i.indexNumber, title: i.title, documentNumber: i.documentNumber,
    formedOn: i.formedOn, publishedOn: i.publishedOn, stage: i.stage, status: i.status, validity: i.validity, url: itemPath(i.organCode, i.id),
  };
}

export function presentAttachment(a: Attachment) {
  return { id: a.id, title: a.title, fileName: a.fileName, mimeType: a.mimeType, sizeBytes: a.sizeBytes, url: attachmentUrl(a) };
}

function presentEnd(l: LinkedEnd) {
  return {
    id: l.id, title: l.title, organCode: l.organCode, organName: l.organName, documentNumber: l.documentNumber, interpretationForm: l.interpretationForm,
    status: l.status as Publication['status'], publishedOn: l.publishedOn, validity: l.validity, url: itemPath(l.organCode, l.id),
  };
}

export function presentLinked(l: LinkedItem) {
  return { ...presentEnd(l), replacedBy: l.replacedBy && { ...presentEnd(l.replacedBy), interpretations: l.replacedBy.interpretations.map(presentEnd), via: l.replacedBy.via.map(presentEnd) } };
}

/**
 * An item with its attachments and its 政策解读 links. `links` holds what the caller may see (the
 * public: published items only); `policyIds` then lists the policies an interpretation names as far
 * as the caller may see them, so a staff client can send back what it read. `validity.replacements`: where its
 * 替代文件 leads (use-cases' publicReplacementsOf, the 效力 banner's rule); its last one, when in force, is
 * `inForceReplacement` — null when the line ends at a document no longer in force, as the banner then names none.
 */
export function presentPublication(
  p: Publication, organ: Pick<Organ, 'code' | 'name'>, attachments: Attachment[],
  links: { policies: LinkedItem[]; interpretations: LinkedItem[] } = { policies: [], interpretations: [] }, staff = false, matter: DirectoryMatter | null = null,
  validity: { amendedBy: ValidityLinkItem[]; amends: ValidityLinkItem[]; repeals: ValidityLinkItem[]; replacements?: readonly LinkedEnd[] } = { amendedBy: [], amends: [], repeals: [] },
) {
  const validityLink = (l: Pick<ValidityLinkItem, 'id' | 'title' | 'organCode' | 'documentNumber' | 'publishedOn'>) =>
    ({ id: l.id, title: l.title, organCode: l.organCode, documentNumber: l.documentNumber, publishedOn: l.publishedOn, url: itemPath(l.organCode, l.id) });
  const lastReplacement = validity.replacements?.[validity.replacements.length - 1];
  return {
    id: p.id, organCode: organ.code, organName: organ.name, indexNumber: p.indexNumber, title: p.title, documentNumber: p.documentNumber,
    publishingOrganName: p.publishingOrganName, formedOn: p.formedOn, publishedOn: p.publishedOn, publishedAt: p.publishedAt,
    subject: p.subject, genre: p.genre, stage: p.stage, disclosureMode: p.disclosureMode, withheldReason: p.withheldReason,
    disclosurePeriod: p.disclosurePeriod, audience: p.audience, validity: p.validity, validThroughOn: p.validThroughOn, replacedById: p.replacedById,
    inForceReplacement: lastReplacement && isInForce(lastReplacement.validity) ? validityLink(lastReplacement) : null, keywords: p.keywords,
    summary: p.summary, bodyHtml: p.bodyHtml, source: p.source, consultPhone: p.consultPhone, docType: p.docType, status: p.status,
    version: p.version, nodeIds: p.nodeIds, createdAt: p.createdAt, updatedAt: p.updatedAt,
    url: itemPath(organ.code, p.id), attachments: attachments.map(presentAttachment),
    itemKind: p.itemKind, interpretationForm: p.interpretationForm, videoUrl: p.videoUrl, graphicAttachmentId: p.graphicAttachmentId,
    policyIds: staff ? p.policyIds : links.policies.map((l) => l.id).sort((a, b) => a - b),
    interprets: links.policies.map(presentLinked), interpretations: links.interpretations.map(presentLinked),
    amendedBy: validity.amendedBy.map(validityLink), amends: validity.amends.map(validityLink), repeals: validity.repeals.map(validityLink),
    matter: matter && {
      id: matter.id, key: matter.key, templateId: matter.templateId, nodeId: matter.nodeId, name: matter.name, stage: matter.stage, elements: matter.elements,
      legalBasis: matter.legalBasis, timeLimit: matter.timeLimit, subject: matter.subject, channels: matter.channels, audience: matter.audience, mode: matter.mode,
    },
  };
}

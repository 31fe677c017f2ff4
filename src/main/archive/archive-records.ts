import type { Attachment, ImportRecord, Publication } from '../../modules/catalog/index.ts';
import { IMPORT_MODE_LABELS } from './archive-codes.ts';

/**
 * The archive's JSON records (docs/archive-format.md): what a record says, in terms that hold outside
 * this database. Items are named by 索引号 and their folder in the archive, catalog nodes by their path
 * of names, organs and units by code and name, people by the name recorded with what they did (or
 * their name and user name, `张三（zhangsan）`, where only the account was recorded). Field names are
 * camelCase; `…On` is a China calendar date, `…At` a UTC instant (the project's conventions).
 */

/** An organ or a unit as the archive names it. */
export type NamedOrgan = { code: string; name: string };
/** Another item, by 索引号 and title, with its metadata file when it is in this archive. */
export type ItemRef = { indexNumber: string | null; title: string; metadata: string | null };

/** What the records' database numbers stand for, looked up by the writer. */
export type ArchiveNames = {
  person: (userId: number | null) => string | null;
  organ: (organId: number | null) => NamedOrgan | null;
};

export type ItemNames = ArchiveNames & {
  item: (publicationId: number) => ItemRef | null;
  catalogPath: (nodeId: number) => string | null;
  matter: (matterId: number) => { name: string; code: string } | null;
};

export type ArchivedAttachment = Pick<Attachment, 'fileName' | 'mimeType' | 'sizeBytes' | 'sha256'> & { path: string; uploadedAt: string; id: number };

/**
 * How each field of an item goes into metadata.json: as it is, named (a database number replaced by
 * what it stands for), or left out. A new field of Publication fails the type check here until it is
 * given its place, so no database number slips into an archive unnoticed.
 */
const ITEM_FIELDS: Record<keyof Publication, 'keep' | 'named' | 'drop'> = {
  indexNumber: 'keep', title: 'keep', documentNumber: 'keep', publishingOrganName: 'keep', formedOn: 'keep', publishedOn: 'keep', publishedAt: 'keep',
  subject: 'keep', genre: 'keep', stage: 'keep', disclosureMode: 'keep', withheldReason: 'keep', disclosurePeriod: 'keep', audience: 'keep',
  validity: 'keep', validThroughOn: 'keep', docType: 'keep', itemKind: 'keep', interpretationForm: 'keep', videoUrl: 'keep', keywords: 'keep', summary: 'keep', source: 'keep',
  consultPhone: 'keep', status: 'keep', publishRoute: 'keep', version: 'keep', createdAt: 'keep', updatedAt: 'keep',
  createdBy: 'named', publishedBy: 'named', submittingUnitId: 'named', nodeIds: 'named', matterId: 'named', replacedById: 'named', policyIds: 'named',
  graphicAttachmentId: 'named', bodyHtml: 'keep',
  // The item is its folder; its organ is the archive's (manifest.json); a view count is no record; nor is
  // whether a draft's 成文日期 was still the form's (a help for the Word import while drafting).
  id: 'drop', organId: 'drop', viewCount: 'drop', formedOnSet: 'drop',
};

/**
 * metadata.json: the item as published, its placements, links and attachments named as above, and
 * for an item brought in by a content import where it came from (`imported`, null for one made here).
 */
export function itemRecord(p: Publication, attachments: ArchivedAttachment[], names: ItemNames, imported: ImportRecord | null = null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, how] of Object.entries(ITEM_FIELDS) as [keyof Publication, string][]) {
    if (how === 'keep') out[key] = p[key];
    else if (how === 'named') Object.assign(out, namedItemField(key, p, attachments, names));
  }
  out.attachments = attachments.map((a) => ({ path: a.path, fileName: a.fileName, mimeType: a.mimeType, sizeBytes: a.sizeBytes, sha256: a.sha256, uploadedAt: a.uploadedAt }));
  out.imported = imported && {
    at: imported.at, by: imported.by, file: imported.from, mode: imported.mode, modeLabel: imported.mode === null ? null : IMPORT_MODE_LABELS[imported.mode], oldUrls: imported.oldUrls,
  };
  return out;
}

/** The import as the first step of an item's sign-offs (verb `import`). */
function importStep(imported: ImportRecord): Record<string, unknown> {
  const mode = imported.mode === null ? '' : `，${IMPORT_MODE_LABELS[imported.mode]}`;
  return {
    verb: 'import', verbName: '导入', stageNumber: null, stageName: null, role: null, roleName: null, person: imported.by,
    comment: `从文件“${imported.from}”导入${mode}`, itemVersion: 1, decidedAt: imported.at,
  };
}

function namedItemField(key: keyof Publication, p: Publication, attachments: ArchivedAttachment[], names: ItemNames): Record<string, unknown> {
  switch (key) {
    case 'createdBy': return { createdBy: names.person(p.createdBy) };
    case 'publishedBy': return { publishedBy: names.person(p.publishedBy) };
    case 'submittingUnitId': return { submittingUnit: names.organ(p.submittingUnitId) };
    case 'nodeIds': return { catalogPaths: p.nodeIds.map((n) => names.catalogPath(n)).filter((x): x is string => x !== null) };
    case 'matterId': return { matter: p.matterId === null ? null : names.matter(p.matterId) };
    case 'replacedById': return { replacedBy: p.replacedById === null ? null : names.item(p.replacedById) };
    case 'policyIds': return { interpretedPolicies: p.policyIds.map((id) => names.item(id)).filter((x): x is ItemRef => x !== null) };
    case 'graphicAttachmentId': return { graphicAttachment: attachments.find((a) => a.id === p.graphicAttachmentId)?.path ?? null };
    default: throw new Error(`metadata.json: no name for ${String(key)}`);
  }
}

type ReviewFormLike = { secrecyLevel: string; involvesPersonalInfo: boolean; avoidanceNote: string; scanJustification: string; scanFindings: unknown[]; scannedAt: string | null };
type DecisionRow = {
  verb: string; stage_position: number | null; stage_name: string | null; role: string | null; comment: string; user_label: string; publication_version: number; decided_at: string;
};

/**
 * sign-offs.json: the 保密审查表's answers and every decision of the review chain, by the names
 * recorded with them; an imported item's import comes first.
 */
export function signOffsRecord(
  item: ItemRef, form: ReviewFormLike | null, decisions: DecisionRow[], labels: { verb: (v: string) => string; role: (r: string) => string }, imported: ImportRecord | null = null,
): Record<string, unknown> {
  return {
    item,
    reviewForm: form && {
      secrecyLevel: form.secrecyLevel, involvesPersonalInfo: form.involvesPersonalInfo, avoidanceNote: form.avoidanceNote,
      scanFindings: form.scanFindings.map((f) => plainRecord(f, NO_NAMES)), scanJustification: form.scanJustification, scannedAt: form.scannedAt,
    },
    signOffs: [...(imported ? [importStep(imported)] : []), ...decisions.map((d) => ({
      verb: d.verb, verbName: labels.verb(d.verb), stageNumber: d.stage_position === null ? null : d.stage_position + 1, stageName: d.stage_name,
      role: d.role, roleName: d.role === null ? null : labels.role(d.role), person: d.user_label, comment: d.comment, itemVersion: d.publication_version,
      decidedAt: d.decided_at,
    }))],
  };
}

const NO_NAMES: ArchiveNames = { person: () => null, organ: () => null };

/** The record's own number and its parents': the folder it is in says which record it is. */
const OWN_NUMBERS = new Set(['id', 'organId', 'applicationId', 'letterId', 'proposalId', 'publicationId']);
/** Fields that hold a user's number without saying so in their name. */
const USER_FIELDS = new Set(['createdBy', 'publishedBy', 'extensionApprovedBy', 'replyDraftedBy', 'decidedBy', 'proposedBy']);

/**
 * An application's, a letter's or a proposal's record (and their events) as the archive writes it:
 * keys in camelCase; the record's own and its parents' numbers left out; a person's number as their
 * name (`actorUserId` beside `actorLabel` is left out: the label is what was recorded), a unit's or
 * another organ's number as its code and name (`unitId` → `unit`, `toOrganId` → `toOrgan`). Any other
 * field ending in Id is a programming error: a new database number must be given its name here.
 */
export function plainRecord(value: unknown, names: ArchiveNames, where = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => plainRecord(v, names, where));
  if (value === null || typeof value !== 'object') return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [rawKey, v] of Object.entries(src)) {
    const key = rawKey.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    if (OWN_NUMBERS.has(key)) continue;
    const user = /^(.*)UserId$/.exec(key);
    if (user) {
      if (typeof src[`${user[1]}Label`] === 'string' || typeof src[`${user[1]}_label`] === 'string') continue;
      out[user[1]!] = names.person(v as number | null);
      continue;
    }
    if (USER_FIELDS.has(key) && (typeof v === 'number' || v === null)) {
      out[key] = names.person(v);
      continue;
    }
    const organ = /^(.*(?:Organ|unit))Id$/i.exec(key);
    if (organ) {
      out[organ[1]!] = names.organ(v as number | null);
      continue;
    }
    if (/(Id|Ids)$/.test(key)) throw new Error(`归档：${where}${key} 是数据库编号，须在 archive-records.ts 中说明它指什么`);
    out[key] = plainRecord(v, names, `${where}${key}.`);
  }
  return out;
}

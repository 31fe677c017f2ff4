import fs from 'node:fs/promises';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { attachmentPath, listAttachments, type Executor, type PublicationInput } from '../../catalog/index.ts';
import { extractText, wordListsFor } from '../../privacy/index.ts';
import { organChain } from '../../catalog/index.ts';
import type { StoredFinding } from '../storage/review-repository.ts';
import { scanItemTexts, type AttachmentRead } from '../domain/item-scan.ts';

export { htmlToText } from '../domain/body-text.ts';

/** The text of each attachment file (by storage key), or why it could not be read. */
export type AttachmentTexts = Map<string, { text: string } | { error: string }>;

async function readAttachment(deps: AppDeps, a: { fileName: string; storageKey: string }): Promise<{ text: string } | { error: string }> {
  try {
    const bytes = await fs.readFile(attachmentPath(deps.dataDir, a.storageKey));
    return { text: (await extractText(new Uint8Array(bytes), a.fileName)).text };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/**
 * Reads the attachments' texts before the verb's transaction opens: reading a file may take up to
 * the extraction time budget, and an open transaction would hold the database (on SQLite, every
 * request) for that long. See docs/privacy-scanner.md.
 */
export async function readAttachmentTexts(deps: AppDeps, publicationId: number): Promise<AttachmentTexts> {
  const out: AttachmentTexts = new Map();
  // What is under review: a draft's files, or a published item's with its pending revision's changes.
  for (const a of await listAttachments(deps.db, publicationId, 'revision')) out.set(a.storageKey, await readAttachment(deps, a));
  return out;
}

type Scanned = Parameters<typeof scanPublication>[2];

/**
 * What of an item a scan reads: the item as it stands, or — `amended`, a published item's pending
 * revision — the revision's text (a 文号 or 发布机构 left empty is the item's own), with the files the
 * revision would publish (scanPublication lists them).
 */
export function scannedItemOf(p: Scanned, amended: PublicationInput | null): Scanned {
  if (!amended) return p;
  return {
    id: p.id, organId: p.organId, title: amended.title, summary: amended.summary, bodyHtml: amended.bodyHtml, keywords: amended.keywords, source: amended.source,
    documentNumber: amended.documentNumber || null, publishingOrganName: amended.publishingOrganName || p.publishingOrganName,
  };
}

/**
 * Scans the title, summary, body and every attachment (条例第十七条: review before publishing).
 * An attachment that cannot be read is itself a blocking finding: unread is never treated as clean.
 * `preread` holds attachment texts read before the transaction; others are read here.
 */
export async function scanPublication(
  trx: Executor, deps: AppDeps,
  p: { id: number; organId: number; title: string; summary: string; bodyHtml: string; keywords: string[]; source: string; documentNumber: string | null; publishingOrganName: string },
  preread: AttachmentTexts = new Map(),
): Promise<StoredFinding[]> {
  // The administrators' word lists that apply to this organ (region-wide and its own or its parents').
  const wordLists = await wordListsFor(trx, await organChain(trx, p.organId));
  const attachments: AttachmentRead[] = [];
  for (const a of await listAttachments(trx, p.id, 'revision')) attachments.push({ fileName: a.fileName, read: preread.get(a.storageKey) ?? (await readAttachment(deps, a)) });
  return scanItemTexts(p, attachments, wordLists);
}

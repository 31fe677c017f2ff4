import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { attachmentPath, findPublication, listAttachments, publicationInputSchema, type Executor, type PublicationInput } from '../../catalog/index.ts';
import { extractText, wordListsFor } from '../../privacy/index.ts';
import { organChain } from '../../catalog/index.ts';
import { loadForm, recordScanFindingsIfUnchanged, type StoredFinding } from '../storage/review-repository.ts';
import { findPendingRevision } from '../storage/revisions-repository.ts';
import { scanItemTexts, type AttachmentRead } from '../domain/item-scan.ts';

export { htmlToText } from '../domain/body-text.ts';

/** The text of each attachment file (by storage key), or why it could not be read. */
export type AttachmentTexts = Map<string, { text: string } | { error: string }>;

/**
 * The texts read lately, by the file's bytes (SHA-256) and extension — what extraction depends on: a draft
 * saved again, a returned draft's files scanned again, a verb after a save, read an unchanged file once
 * (a large PDF took seconds each time), and a file read once is never found unreadable on a later scan
 * (a timeout under load turned its accepted findings into a new unreadable one, asked again). Only
 * texts read are kept (a file that could not be read is tried again); the oldest go past
 * READ_TEXTS_MAX_CHARS. In memory: a restart reads each file once more (docs/privacy-scanner.md).
 */
const readTexts = new Map<string, string>();
let readTextsChars = 0;
export const READ_TEXTS_MAX_CHARS = 12_000_000;

function keepRead(key: string, text: string) {
  if (text.length > READ_TEXTS_MAX_CHARS / 3) return;
  readTexts.set(key, text);
  readTextsChars += text.length;
  for (const [k, t] of readTexts) {
    if (readTextsChars <= READ_TEXTS_MAX_CHARS) break;
    readTexts.delete(k);
    readTextsChars -= t.length;
  }
}

async function readAttachment(deps: AppDeps, a: { fileName: string; storageKey: string }): Promise<{ text: string } | { error: string }> {
  try {
    const bytes = await fs.readFile(attachmentPath(deps.dataDir, a.storageKey));
    const ext = /\.([A-Za-z0-9]+)$/.exec(a.fileName)?.[1]?.toLowerCase() ?? '';
    const key = `${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
    const known = readTexts.get(key);
    if (known !== undefined) {
      // The most recently used last, so that the oldest go first.
      readTexts.delete(key);
      readTexts.set(key, known);
      return { text: known };
    }
    const { text } = await extractText(new Uint8Array(bytes), a.fileName);
    keepRead(key, text);
    return { text };
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
 * Scans the title, summary, body and every attachment — its file name, its 附件名称 (a revision's pending one) and
 * its text (条例第十七条: review before publishing).
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
  for (const a of await listAttachments(trx, p.id, 'revision')) attachments.push({ fileName: a.fileName, title: a.title, read: preread.get(a.storageKey) ?? (await readAttachment(deps, a)) });
  return scanItemTexts(p, attachments, wordLists);
}

type NamedFinding = { source: string; start: number; end: number; text: string };
export const sameFinding = (a: NamedFinding, b: NamedFinding) => a.source === b.source && a.start === b.start && a.end === b.end && a.text === b.text;

/** A new scan keeps the acceptances of the findings it finds again, at the same place with the same text. */
export function carryAcceptances(previous: StoredFinding[], next: StoredFinding[]): StoredFinding[] {
  return next.map((f) => {
    const was = previous.find((x) => x.accepted && x.type === f.type && sameFinding(x, f));
    return was ? { ...f, accepted: was.accepted } : f;
  });
}

/**
 * The item's latest scan made to describe what is there now, after something changed it outside a gated
 * verb: a published item's pending revision — its text with the files and 附件名称 it would publish — once
 * one of its files is added, removed or kept or a title changed with it; a published item with none —
 * once 退回修订 has dropped it (its page showed the findings of the files the return deleted); a draft or
 * returned item that a round scanned — once its files or titles change (it kept the last round's scan
 * until resubmitted). Before, a file added after a revision was saved was first scanned by 修订审核通过,
 * whose refusal was the first anyone heard of it (an outside tester). Acceptances of findings found again
 * stay, as for any later scan of the same text (`carryFrom`: after 退回修订, the published version's scan the
 * revision kept, so acceptances of findings the revision had changed come back). The files are read before the transaction opens (a slow
 * file must not hold the database, issue 10), and a scan another request recorded meanwhile is not
 * overwritten by this one. Nothing is scanned for an item without a 保密审查表 to keep the scan on, nor for
 * a draft never scanned, nor while the item is in review (its files and titles cannot change).
 */
export async function rescanItem(deps: AppDeps, publicationId: number, carryFrom?: StoredFinding[]): Promise<void> {
  // A draft never scanned has nothing to follow: its files are not even read.
  if (!(await scannedOf(deps.db, publicationId))) return;
  const preread = await readAttachmentTexts(deps, publicationId);
  await deps.db.transaction().execute(async (trx) => {
    const scanned = await scannedOf(trx, publicationId);
    if (!scanned) return;
    const findings = await scanPublication(trx, deps, scanned.item, preread);
    await recordScanFindingsIfUnchanged(trx, publicationId, carryAcceptances(carryFrom ?? scanned.form.scanFindings, findings), deps.clock.now().toISOString(), scanned.form.scannedAt);
  });
}

/** What rescanItem scans of an item, with the 保密审查表 its scan is kept on, or null when it scans nothing. */
async function scannedOf(db: Executor, publicationId: number) {
  const p = await findPublication(db, publicationId);
  const form = await loadForm(db, publicationId);
  if (!p || !form) return null;
  if (p.status === 'published') {
    const pending = await findPendingRevision(db, publicationId);
    return { form, item: scannedItemOf(p, pending ? publicationInputSchema.parse(pending.input) : null) };
  }
  return ['draft', 'returned'].includes(p.status) && form.scannedAt ? { form, item: p } : null;
}

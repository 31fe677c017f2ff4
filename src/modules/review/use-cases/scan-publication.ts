import fs from 'node:fs/promises';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { attachmentPath, listAttachments, type Executor } from '../../catalog/index.ts';
import { extractText, scanText, wordListsFor } from '../../privacy/index.ts';
import { organChain } from '../../catalog/index.ts';
import type { StoredFinding } from '../storage/review-repository.ts';
import { htmlToText } from '../domain/body-text.ts';

/** Link targets in the body (a mailto: address is published as much as the text). */
const linksOf = (html: string) => [...html.matchAll(/\bhref\s*=\s*"([^"]*)"/gi)].map((m) => decodeURIComponent(m[1].replace(/^mailto:/i, ''))).join('\n');

/** A few characters either side of a finding, so a reviewer sees it in context wherever it is. */
const contextOf = (text: string, start: number, end: number) => ({
  before: text.slice(Math.max(0, start - 20), start).replace(/\s+/g, ' '),
  after: text.slice(end, end + 20).replace(/\s+/g, ' '),
});

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
  const findings: StoredFinding[] = [];
  // The administrators' word lists that apply to this organ (region-wide and its own or its parents').
  const wordLists = await wordListsFor(trx, await organChain(trx, p.organId));
  // Everything that is published: the metadata shown on the item page, the body and its links.
  const parts: [string, string][] = [
    ['标题', p.title], ['内容概述', p.summary], ['正文', htmlToText(p.bodyHtml)], ['正文链接', linksOf(p.bodyHtml)], ['关键词', p.keywords.join(' ')],
    ['信息来源', p.source], ['文号', p.documentNumber ?? ''], ['发布机构', p.publishingOrganName],
  ];
  for (const [source, text] of parts) for (const f of scanText(text, { wordLists })) findings.push({ source, ...f, ...contextOf(text, f.start, f.end) });
  for (const a of await listAttachments(trx, p.id, 'revision')) {
    const read = preread.get(a.storageKey) ?? (await readAttachment(deps, a));
    if ('text' in read) {
      for (const f of scanText(read.text, { wordLists })) findings.push({ source: `附件：${a.fileName}`, ...f, ...contextOf(read.text, f.start, f.end) });
    } else {
      findings.push({
        source: `附件：${a.fileName}`, type: 'unreadable_attachment', text: a.fileName, start: 0, end: 0, severity: 'block',
        suggestion: `无法读取附件内容（${read.error}），请人工审查或上传可读取的版本`,
      });
    }
  }
  return findings;
}

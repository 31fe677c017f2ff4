import fs from 'node:fs/promises';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { attachmentPath, listAttachments, type Executor } from '../../catalog/index.ts';
import { extractText, scanText, wordListsFor } from '../../privacy/index.ts';
import { organChain } from '../../catalog/index.ts';
import type { StoredFinding } from '../storage/review-repository.ts';

export const htmlToText = (html: string) =>
  html.replace(/<(br|\/p|\/div|\/tr|\/h\d|\/li)[^>]*>/gi, '\n').replace(/<\/t[dh]>/gi, '\t').replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * Scans the title, summary, body and every attachment (条例第十七条: review before publishing).
 * An attachment that cannot be read is itself a blocking finding: unread is never treated as clean.
 */
export async function scanPublication(
  trx: Executor, deps: AppDeps, p: { id: number; organId: number; title: string; summary: string; bodyHtml: string },
): Promise<StoredFinding[]> {
  const findings: StoredFinding[] = [];
  // The administrators' word lists that apply to this organ (region-wide and its own or its parents').
  const wordLists = await wordListsFor(trx, await organChain(trx, p.organId));
  const parts: [string, string][] = [['标题', p.title], ['内容概述', p.summary], ['正文', htmlToText(p.bodyHtml)]];
  for (const [source, text] of parts) for (const f of scanText(text, { wordLists })) findings.push({ source, ...f });
  for (const a of await listAttachments(trx, p.id)) {
    try {
      const bytes = await fs.readFile(attachmentPath(deps.dataDir, a.storageKey));
      const { text } = await extractText(new Uint8Array(bytes), a.fileName);
      for (const f of scanText(text, { wordLists })) findings.push({ source: `附件：${a.fileName}`, ...f });
    } catch (e) {
      findings.push({
        source: `附件：${a.fileName}`, type: 'unreadable_attachment', text: a.fileName, start: 0, end: 0, severity: 'block',
        suggestion: `无法读取附件内容（${(e as Error).message}），请人工审查或上传可读取的版本`,
      });
    }
  }
  return findings;
}

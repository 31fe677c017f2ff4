import { applyMasks, scanFileName, scanText, type WordList } from '../../privacy/index.ts';
import { htmlToText } from './body-text.ts';
import { isSecrecyMarking } from './mask-finding.ts';
import { gateScanReasons, type Reason } from './review-workflow.ts';

/** What of an item is published and so scanned: the metadata its page shows and its body as stored (sanitised). */
export type ScannedItem = {
  title: string; summary: string; bodyHtml: string; keywords: string[]; source: string; documentNumber: string | null; publishingOrganName: string;
};

/**
 * An attachment: its file name, its 附件名称 (the one to be published: a revision's pending one), and its text or why
 * it could not be read — or null when there is no file to read (an import row whose file is missing, refused for
 * that): its names are still scanned, as they would be published.
 */
export type AttachmentRead = { fileName: string; title?: string | null; read: { text: string } | { error: string } | null };

/** One finding with where it stands (标题, 正文, 附件：名单.pdf, 附件“名单.pdf”的附件名称 …) and a few characters around it. */
export type ItemFinding = {
  source: string; type: string; text: string; start: number; end: number; severity: string; suggestion: string; before?: string; after?: string;
};

/** Link targets in the body (a mailto: address is published as much as the text). */
const linksOf = (html: string) => [...html.matchAll(/\bhref\s*=\s*"([^"]*)"/gi)].map((m) => {
  const target = m[1].replace(/^mailto:/i, '');
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}).join('\n');

/** A few characters either side of a finding, so a reviewer sees it in context wherever it is. */
const contextOf = (text: string, start: number, end: number) => ({
  before: text.slice(Math.max(0, start - 20), start).replace(/\s+/g, ' '),
  after: text.slice(end, end + 20).replace(/\s+/g, ' '),
});

/**
 * The review scan of an item (条例第十七条: review before publishing): the title, summary, body and
 * its links, keywords, source, 文号, 发布机构 and every attachment's file name, 附件名称 and text, with the organ's word
 * lists. An attachment that could not be read is itself a blocking finding: unread is never clean.
 * One rule for every way in — the review chain and a content import alike.
 */
export function scanItemTexts(p: ScannedItem, attachments: readonly AttachmentRead[], wordLists: readonly WordList[]): ItemFinding[] {
  const findings: ItemFinding[] = [];
  const parts: [string, string][] = [
    ['标题', p.title], ['内容概述', p.summary], ['正文', htmlToText(p.bodyHtml)], ['正文链接', linksOf(p.bodyHtml)], ['关键词', p.keywords.join(' ')],
    ['信息来源', p.source], ['文号', p.documentNumber ?? ''], ['发布机构', p.publishingOrganName],
  ];
  for (const [source, text] of parts) for (const f of scanText(text, { wordLists })) findings.push({ source, ...f, ...contextOf(text, f.start, f.end) });
  for (const a of attachments) {
    // A file's name and its 附件名称 are published with it (the link, its tooltip, the download's name).
    const inName = scanFileName(a.fileName, { wordLists });
    // Every source names the file with what its name holds masked: a signed decision or an audit entry
    // that names a finding by its source never holds the number.
    const name = applyMasks(a.fileName, inName);
    for (const f of inName) findings.push({ source: `附件“${name}”的文件名`, ...f, ...contextOf(a.fileName, f.start, f.end) });
    if (a.title) for (const f of scanText(a.title, { wordLists })) findings.push({ source: `附件“${name}”的附件名称`, ...f, ...contextOf(a.title, f.start, f.end) });
    const read = a.read;
    if (!read) continue;
    if ('text' in read) {
      for (const f of scanText(read.text, { wordLists })) findings.push({ source: `附件：${name}`, ...f, ...contextOf(read.text, f.start, f.end) });
    } else {
      findings.push({
        source: `附件：${name}`, type: 'unreadable_attachment', text: a.fileName, start: 0, end: 0, severity: 'block',
        suggestion: `无法读取附件内容（${read.error}），请人工审查或上传可读取的版本`,
      });
    }
  }
  return findings;
}

/** What the scan gate weighs of a scan: its 密级标志, and the other blocking findings neither masked nor accepted. */
export function scanFactsOf(findings: readonly (ItemFinding & { accepted?: unknown })[]): { markings: number; unresolved: number; unreadable: string[] } {
  const blocking = findings.filter((f) => f.severity === 'block');
  const unresolved = blocking.filter((f) => !isSecrecyMarking(f) && !f.accepted);
  // The attachments among them that could not be read, by file name (a refusal names them).
  const unreadable = unresolved.filter((f) => f.type === 'unreadable_attachment').map((f) => f.text);
  return { markings: blocking.filter(isSecrecyMarking).length, unresolved: unresolved.length, unreadable };
}

/**
 * Why a scanned item may not be published without a reviewer, by the review chain's own gate
 * (ERR_REVIEW_SECRECY_MARKING, ERR_REVIEW_SCAN_BLOCKED): none when it may. An item fresh from a scan
 * has nothing masked or accepted yet.
 */
export function scanGateReasons(findings: readonly (ItemFinding & { accepted?: unknown })[]): Reason[] {
  return gateScanReasons(scanFactsOf(findings));
}

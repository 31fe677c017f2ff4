import fs from 'node:fs/promises';
import type { DialectName } from '../../../platform/db/dialect.ts';
import { attachmentPath, type Executor } from '../../catalog/index.ts';
import { extractText } from '../../privacy/index.ts';
import { documentNumberKey, indexNumberKey } from '../domain/numbers.ts';
import { chunkRowsOf, type ChunkRow, type IndexPart } from '../domain/index-entry.ts';
import { htmlToPlainText } from '../domain/text.ts';
import { TOKENIZER_VERSION } from '../domain/tokenize.ts';
import type { Segmenter } from '../domain/word-signal.ts';
import { jiebaSegmenter } from '../segmenter/jieba-segmenter.ts';
import { sortKeyOf } from '../domain/sort-key.ts';
import { fullTextIndexFor, type IndexedDoc } from '../storage/full-text-index.ts';
import { clearDocs, insertDocs, loadIndexSource, type DocRow } from '../storage/search-repository.ts';

export type IndexDeps = { dialect: DialectName; dataDir: string; clock: { now(): Date } };

/** Attachment text, read once per file content (the same file re-indexed is not read again). */
const attachmentTextCache = new Map<string, string>();

/**
 * Hands over an attachment's text read before a transaction (review reads attachments before it
 * opens one), so indexing inside the transaction does not read the file again (issue 10).
 */
export function rememberAttachmentText(storageKey: string, text: string): void {
  if (attachmentTextCache.size > 2000) attachmentTextCache.clear();
  attachmentTextCache.set(storageKey, text);
}

async function attachmentText(dataDir: string, a: { file_name: string; storage_key: string }): Promise<string> {
  const hit = attachmentTextCache.get(a.storage_key);
  if (hit !== undefined) return hit;
  let text = '';
  try {
    text = (await extractText(await fs.readFile(attachmentPath(dataDir, a.storage_key)), a.file_name)).text;
  } catch {
    // An unreadable or missing file is simply not searchable; the item itself still is.
    text = '';
  }
  if (attachmentTextCache.size > 2000) attachmentTextCache.clear();
  attachmentTextCache.set(a.storage_key, text);
  return text;
}

type Source = NonNullable<Awaited<ReturnType<typeof loadIndexSource>>>;

/** The texts of a published item the index reads: title, 文号/索引号/keywords/summary, body, each attachment's title, file name and text. */
export async function indexPartsOf(deps: IndexDeps, src: Source): Promise<IndexPart[]> {
  const p = src.row;
  const parts: IndexPart[] = [
    { field: 'title', attachmentId: null, text: p.title },
    { field: 'meta', attachmentId: null, text: [p.document_number, p.index_number, p.keywords, p.publishing_organ_name, p.summary].filter(Boolean).join('\n') },
    { field: 'body', attachmentId: null, text: htmlToPlainText(p.body_html) },
  ];
  // An attachment is found by its 附件名称 (the portal's link text), its file name and its text, each on a line of
  // its own: the title first, so a search hit's snippet leaves both names out (domain/snippet-text.ts).
  for (const a of src.attachments) {
    parts.push({ field: 'attachment', attachmentId: a.id, text: [a.title, a.file_name, await attachmentText(deps.dataDir, a)].filter((t) => t !== null).join('\n') });
  }
  return parts;
}

/** Whether the item belongs in the index: published, with a publication date. */
export const isIndexable = (src: Source | null): src is Source => !!src && src.row.status === 'published' && !!src.row.published_on;

export type IndexEntry = { doc: DocRow; indexed: IndexedDoc };

/** An item's entry: its search_docs row (facets, numbers, sort key) and its chunks with their tokens. */
export function indexEntryOf(deps: IndexDeps, src: Source, rows: ChunkRow[]): IndexEntry {
  const p = src.row;
  const sortKey = sortKeyOf(p.published_on!, p.id);
  return {
    doc: {
      sort_key: sortKey,
      publication_id: p.id, organ_id: p.organ_id, published_on: p.published_on!, year: Number(p.published_on!.slice(0, 4)), stage: p.stage,
      genre: p.genre, validity: p.validity, document_number_key: documentNumberKey(p.document_number), index_number_key: indexNumberKey(p.index_number),
      tokenizer_version: TOKENIZER_VERSION, indexed_at: deps.clock.now().toISOString(),
    },
    indexed: { publicationId: p.id, sortKey, organId: p.organ_id, stage: p.stage, genre: p.genre, validity: p.validity, chunks: rows },
  };
}

/** Writes entries of items whose old entries the caller has cleared. */
export async function writeIndexEntries(trx: Executor, deps: IndexDeps, entries: IndexEntry[]): Promise<void> {
  await insertDocs(trx, entries.map((e) => e.doc));
  await fullTextIndexFor(deps.dialect).insert(trx, entries.map((e) => e.indexed));
}

/**
 * Brings one item's index entry in line with the item, inside the caller's transaction: a
 * published item is (re)indexed — title, 文号/索引号/keywords/summary, body, attachments' text — and
 * anything else (withdrawn, back in review) is taken out. Review calls this in the same
 * transaction as every verb that changes what the public sees.
 */
export async function indexPublication(trx: Executor, deps: IndexDeps, publicationId: number, segment: Segmenter = jiebaSegmenter()): Promise<void> {
  await clearDocs(trx, fullTextIndexFor(deps.dialect), [publicationId]);
  const src = await loadIndexSource(trx, publicationId);
  if (!isIndexable(src)) return;
  await writeIndexEntries(trx, deps, [indexEntryOf(deps, src, chunkRowsOf(await indexPartsOf(deps, src), segment))]);
}

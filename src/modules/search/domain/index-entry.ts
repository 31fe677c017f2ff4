import { chunksOf } from './text.ts';
import { indexTokens } from './tokenize.ts';
import { wordTokens, type Segmenter } from './word-signal.ts';

export type ChunkField = 'title' | 'meta' | 'body' | 'attachment';

/** One text of an item as the index sees it: the title, the metadata, the body or one attachment. */
export type IndexPart = { field: ChunkField; attachmentId: number | null; text: string };

/** A chunk with its tokens, each list as one space-separated string (tokens never hold a space; one string crosses threads cheaply). */
export type ChunkRow = { field: ChunkField; attachmentId: number | null; seq: number; text: string; grams: string; words: string };

/**
 * The chunks of an item's texts with their tokens: the title whole, the other texts cut into
 * overlapping chunks (domain/text.ts). Pure given the segmenter, so a rebuild can run it on every
 * core (use-cases/tokenize-pool.ts) and a single publish in the request's own thread.
 */
export function chunkRowsOf(parts: IndexPart[], segment: Segmenter): ChunkRow[] {
  const rows: ChunkRow[] = [];
  for (const part of parts) {
    const chunks = part.field === 'title' ? [part.text] : chunksOf(part.text, indexTokens);
    chunks.forEach((text, seq) => rows.push({ field: part.field, attachmentId: part.attachmentId, seq, text, grams: indexTokens(text).join(' '), words: wordTokens(segment, text).join(' ') }));
  }
  return rows;
}

import { parentPort } from 'node:worker_threads';
import { chunkRowsOf, type IndexPart } from '../domain/index-entry.ts';
import { jiebaSegmenter } from '../segmenter/jieba-segmenter.ts';

/** A rebuild's tokenizer thread (tokenize-pool.ts): items' texts in, their chunk rows out. */
const segment = jiebaSegmenter();
parentPort!.on('message', (m: { id: number; items: IndexPart[][] }) => {
  parentPort!.postMessage({ id: m.id, rows: m.items.map((parts) => chunkRowsOf(parts, segment)) });
});
parentPort!.postMessage({ ready: true });

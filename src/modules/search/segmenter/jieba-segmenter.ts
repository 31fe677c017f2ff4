import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Segmenter } from '../domain/word-signal.ts';

/**
 * jieba's precise mode (no HMM, so the result depends only on the shipped dictionary) through
 * @node-rs/jieba (docs/adr/0008-search-tokens-and-segmentation.md). Loading the dictionary takes about 0.4 s,
 * so it happens once, on first use.
 */
let cut: Segmenter | null = null;

export function jiebaSegmenter(): Segmenter {
  if (!cut) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    // The shipped dictionary file itself, not the package's dict.js: that module also reads the 6 MB
    // idf.txt (keyword extraction, unused here) and keeps both buffers for the life of the process.
    const jieba = Jieba.withDict(fs.readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
    cut = (text) => (text ? jieba.cut(text, false) : []);
  }
  return cut;
}

/** Part of the tokenizer version: a different dictionary gives different word tokens. */
export const SEGMENTER_ID = 'jieba-rs@node-rs/jieba 2.0.3 precise, no HMM';

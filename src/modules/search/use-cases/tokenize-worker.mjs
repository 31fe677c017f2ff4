// Boots a tokenizing worker thread (compiled or TypeScript: platform/runtime/boot-worker.mjs).
import { bootWorker } from '../../../platform/runtime/boot-worker.mjs';

await bootWorker(import.meta.url, 'tokenize-worker');

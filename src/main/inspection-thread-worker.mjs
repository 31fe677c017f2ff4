// Boots the nightly inspection's worker thread (compiled or TypeScript: platform/runtime/boot-worker.mjs).
import { bootWorker } from '../platform/runtime/boot-worker.mjs';

await bootWorker(import.meta.url, 'inspection-thread-worker');

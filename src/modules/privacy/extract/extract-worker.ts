import { parentPort } from 'node:worker_threads';
import type { ExtractionLimits } from './extraction-limits.ts';
import { readText } from './read-text.ts';

/** The extraction worker: reads one file per message and answers with its text or the reason it could not. */
export type ExtractJob = { id: number; bytes: Uint8Array; ext: string; limits: ExtractionLimits };

if (parentPort) {
  const port = parentPort;
  port.on('message', async (job: ExtractJob) => {
    port.postMessage({ id: job.id, ...(await readText(job.bytes, job.ext, job.limits)) });
  });
  port.postMessage({ ready: true });
}

import { describe, expect, it } from 'vitest';
import { stalledJobs } from './readiness.ts';
import type { JobStatus } from '../jobs/job-runner.ts';

const job = (over: Partial<JobStatus>): JobStatus => ({
  name: 'j', everySeconds: 60, running: false, lastStartedAt: '2026-12-03T08:00:00.000Z', lastFinishedAt: null, lastFailedAt: null, lastError: null, ...over,
});

describe('stalled jobs', () => {
  const now = new Date('2026-12-03T08:03:00.000Z'); // 180 s after the start; the limit is 2 × 60 + 60 = 180 s
  it.each([
    ['started within two intervals and a minute', job({}), false],
    ['started just over the limit', job({ lastStartedAt: '2026-12-03T07:59:59.000Z' }), true],
    ['never started', job({ lastStartedAt: null }), true],
    ['running for a long time (a long reindex)', job({ lastStartedAt: '2026-12-03T06:00:00.000Z', running: true }), false],
    ['failed last time but ticking', job({ lastFailedAt: '2026-12-03T08:00:01.000Z', lastError: 'x' }), false],
  ])('%s', (_what, j, stalled) => {
    expect(stalledJobs([j], now).length === 1).toBe(stalled);
  });
});

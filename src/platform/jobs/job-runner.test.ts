import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startJobs } from './job-runner.ts';

describe('job runner', () => {
  it('runs each job at start, never overlaps a job with itself, and survives a failing job', async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const jobs = startJobs(
      [
        { name: 'slow', everySeconds: 3600, run: async () => { runs++; await gate; } },
        { name: 'broken', everySeconds: 3600, run: async () => { throw new Error('boom'); } },
      ],
      pino({ level: 'silent' }),
    );
    const again = jobs.runNow('slow');
    expect(runs).toBe(1);
    release();
    await again;
    await jobs.runNow('slow');
    expect(runs).toBe(2);
    await jobs.runNow('broken');
    await jobs.stop();
  });
});

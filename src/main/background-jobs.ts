import type { AppDeps } from '../platform/app-deps.ts';
import type { Job } from '../platform/jobs/job-runner.ts';
import { publishScheduled } from '../modules/review/index.ts';

/** Every background job of the platform, wired here so each area's job stays a plain use case. */
export function backgroundJobs(deps: AppDeps): Job[] {
  return [{ name: 'publish-scheduled', everySeconds: 60, run: () => publishScheduled(deps) }];
}

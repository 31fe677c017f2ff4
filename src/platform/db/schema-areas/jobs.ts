/** Background jobs' claims per time window (migration 027-job-claims; src/platform/jobs). */
export interface JobsTables {
  job_claims: { job: string; window_start: string; claimed_by: string; claimed_at: string };
}

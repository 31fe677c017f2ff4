import { expect, it } from 'vitest';
import type { ImportReport } from './import-items.ts';
import { DRY_RUN_KEPT_MINUTES, ImportJobs } from './import-jobs.ts';

const report = (dryRun: boolean): ImportReport => ({
  ok: true, dryRun, mode: 'draft', items: 1, records: 1, attachments: 0, nodesCreated: 0, redirects: 0, problems: [], warnings: [], written: [], findings: [], heldBack: [], published: 0, duplicates: [], notKept: [], noDocumentNumber: [],
});
const meta = { organCode: 'zjj', userId: 1, fileName: '信息.csv', startedAt: '2026-03-10T02:00:00Z' };

it('keeps a clean dry run’s files for its import 30 minutes, and 64 MB of such files in all', async () => {
  let now = 0;
  const jobs = new ImportJobs(() => now);
  let imports = 0;
  const thenImport = (bytes: number) => ({ bytes, run: async () => { imports++; return report(false); } });
  const a = jobs.start({ ...meta, thenImport: thenImport(1_000) }, async () => report(true));
  await jobs.settled(a.id);
  expect(jobs.canImportAfter(a.id)).toBe(true);
  now += DRY_RUN_KEPT_MINUTES * 60_000;
  expect(jobs.canImportAfter(a.id)).toBe(false);
  expect(jobs.importAfterDryRun(a.id, { startedAt: meta.startedAt })).toBeNull();

  // Two large files: the older is dropped to keep the newer.
  const b = jobs.start({ ...meta, thenImport: thenImport(40 * 1024 * 1024) }, async () => report(true));
  const c = jobs.start({ ...meta, thenImport: thenImport(40 * 1024 * 1024) }, async () => report(true));
  await jobs.settled(b.id);
  await jobs.settled(c.id);
  expect([jobs.canImportAfter(b.id), jobs.canImportAfter(c.id)]).toEqual([false, true]);
  const started = jobs.importAfterDryRun(c.id, { startedAt: meta.startedAt })!;
  await jobs.settled(started.id);
  expect(jobs.importAfterDryRun(c.id, { startedAt: meta.startedAt })).toBe(started);
  expect(imports).toBe(1);

  // A real import, or a dry run that found problems, keeps nothing.
  const d = jobs.start({ ...meta, thenImport: thenImport(10) }, async () => ({ ...report(true), ok: false }));
  await jobs.settled(d.id);
  expect(jobs.canImportAfter(d.id)).toBe(false);
});

import type { Executor } from './executor.ts';

/** What staff entered for an organ-year: table 二 figures from other systems, and row 四 for a year before the platform. */
export type ReportInputs = { proactive: Record<string, number>; carriedOut: Record<string, number> | null; source: string; updatedAt: string };

export async function findInputs(db: Executor, organId: number, year: number): Promise<ReportInputs | null> {
  return (await inputsFor(db, [organId], year)).get(organId) ?? null;
}

export async function inputsFor(db: Executor, organIds: number[], year: number): Promise<Map<number, ReportInputs>> {
  const out = new Map<number, ReportInputs>();
  if (!organIds.length) return out;
  const rows = await db.selectFrom('annual_report_inputs').selectAll().where('organ_id', 'in', organIds).where('year', '=', year).execute();
  for (const r of rows) {
    out.set(r.organ_id, {
      proactive: JSON.parse(r.proactive_json) as Record<string, number>,
      carriedOut: r.carried_out_json ? (JSON.parse(r.carried_out_json) as Record<string, number>) : null,
      source: r.source, updatedAt: r.updated_at,
    });
  }
  return out;
}

/** Saves the organ-year's entries: a figure set to null is cleared, one not given is kept; `carriedOut` undefined keeps what was there. */
export async function saveInputs(
  db: Executor, organId: number, year: number,
  v: { proactive?: Record<string, number | null>; carriedOut?: Record<string, number> | null; source: 'staff' | 'csv' | 'seed'; by: number | null; at: string },
): Promise<void> {
  const before = await findInputs(db, organId, year);
  const merged: Record<string, number | null> = { ...(before?.proactive ?? {}), ...(v.proactive ?? {}) };
  const proactive = JSON.stringify(Object.fromEntries(Object.entries(merged).filter(([, n]) => n !== null)));
  const carriedOut = v.carriedOut === undefined ? (before?.carriedOut ?? null) : v.carriedOut;
  const values = { proactive_json: proactive, carried_out_json: carriedOut ? JSON.stringify(carriedOut) : null, source: v.source, updated_by: v.by, updated_at: v.at };
  if (before) await db.updateTable('annual_report_inputs').set(values).where('organ_id', '=', organId).where('year', '=', year).execute();
  else await db.insertInto('annual_report_inputs').values({ organ_id: organId, year, ...values }).execute();
}

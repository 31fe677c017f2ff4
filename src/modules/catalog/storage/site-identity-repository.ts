import type { SiteIdentityInput } from '../domain/site-identity.ts';
import type { Executor } from './executor.ts';

/** `site`, or `organ:<id>`: whose identity a row holds. */
export type IdentityScope = 'site' | `organ:${number}`;

export async function listIdentityRows(db: Executor) {
  return db.selectFrom('site_identity').selectAll().execute();
}

export async function findIdentityRow(db: Executor, scope: IdentityScope) {
  return db.selectFrom('site_identity').selectAll().where('scope', '=', scope).executeTakeFirst();
}

export async function saveIdentityRow(
  db: Executor, scope: IdentityScope, v: SiteIdentityInput, emblem: { key: string; mime: string } | null | undefined, by: number | null, at: string,
): Promise<void> {
  const values = {
    site_name: v.siteName, host_unit: v.hostUnit, operator_unit: v.operatorUnit, address: v.address, phone: v.phone, icp_number: v.icpNumber,
    police_number: v.policeNumber, site_code: v.siteCode, error_report_url: v.errorReportUrl, updated_at: at, updated_by: by,
    // undefined keeps the emblem there is; null removes it.
    ...(emblem === undefined ? {} : { emblem_key: emblem?.key ?? null, emblem_mime: emblem?.mime ?? null }),
  };
  await db.insertInto('site_identity').values({ scope, ...values }).onConflict((oc) => oc.column('scope').doUpdateSet(values)).execute();
}

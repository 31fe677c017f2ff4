/** The portal's identity and filing data (migration 026-site-identity; the catalog area owns it). */
export interface SiteTables {
  site_identity: {
    scope: string; site_name: string; host_unit: string; operator_unit: string; address: string; phone: string; icp_number: string;
    police_number: string; site_code: string; error_report_url: string; emblem_key: string | null; emblem_mime: string | null;
    updated_at: string; updated_by: number | null;
  };
}

/** Tables of the supervision area, created by ../migrations/014-supervision-nodes.ts and 057-dispatch-notices.ts. Conventions: see ../schema.ts. */
import type { SupervisionInspectionTables } from './supervision-inspection.ts';

export interface SupervisionTables extends SupervisionInspectionTables {
  node_supervision: NodeSupervisionTable;
  dispatch_notices: DispatchNoticeTable;
}

/** The notice (通报) drafted for an organ's month (../migrations/057-dispatch-notices.ts): one per organ and month. */
export interface DispatchNoticeTable {
  organ_id: number;
  /** YYYY-MM */
  month: string;
  publication_id: number;
  created_at: string;
}

/** A node's responsible unit and expected cadence; no row (or a null cadence) means the class default. */
export interface NodeSupervisionTable {
  node_id: number;
  organ_id: number;
  responsible_unit_id: number | null;
  cadence: string | null;
  updated_by: number | null;
  updated_at: string;
}

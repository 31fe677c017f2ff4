/** Tables of the supervision area, created by ../migrations/014-supervision-nodes.ts. Conventions: see ../schema.ts. */
import type { SupervisionInspectionTables } from './supervision-inspection.ts';

export interface SupervisionTables extends SupervisionInspectionTables {
  node_supervision: NodeSupervisionTable;
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

import { mermaidStateDiagram } from '../../../shared/workflow.ts';
import { REPORT_STATUSES } from './report-types.ts';
import { STATUS_LABELS, TRANSITIONS } from './report-workflow.ts';

/** The report workflow as a mermaid state diagram, generated from TRANSITIONS (docs/workflows/annual-report.md shows it). */
export function reportStateDiagram(): string {
  return mermaidStateDiagram(TRANSITIONS, {
    states: REPORT_STATUSES, stateLabels: STATUS_LABELS, starts: [{ to: 'draft', label: '开始编制' }],
    // A correction leaves the published version as it is and starts the next version as a draft.
    edgeLabel: (verb, t) => (verb === 'correct' ? `${t.label}（新版本）` : t.label),
  });
}

import type { ReportStatus } from './report-types.ts';
import { STATUS_LABELS, TRANSITIONS, VERB_LABELS, type ReportVerb } from './report-workflow.ts';

/** The report workflow as a mermaid state diagram, generated from TRANSITIONS (docs/workflows/annual-report.md shows it). */
export function reportStateDiagram(): string {
  const states = Object.keys(TRANSITIONS) as ReportStatus[];
  const lines = ['stateDiagram-v2', '  [*] --> draft: 开始编制'];
  for (const s of states) lines.push(`  ${s}: ${s}（${STATUS_LABELS[s]}）`);
  for (const s of states) {
    for (const [verb, next] of Object.entries(TRANSITIONS[s]) as [ReportVerb, ReportStatus][]) {
      // A correction leaves the published version as it is and starts the next version as a draft.
      lines.push(verb === 'correct' ? `  ${s} --> ${next}: ${VERB_LABELS[verb]}（新版本）` : `  ${s} --> ${next}: ${VERB_LABELS[verb]}`);
    }
  }
  return lines.join('\n');
}

import { PUBLICATION_STATUS_LABELS, PUBLICATION_STATUSES } from '../../catalog/index.ts';
import { mermaidStateDiagram } from '../../../shared/workflow.ts';
import { TRANSITIONS } from './review-workflow.ts';

/** The review workflow as a mermaid state diagram, drawn from the transition table itself. */
export function reviewStateDiagram(): string {
  return mermaidStateDiagram(TRANSITIONS, { states: PUBLICATION_STATUSES, stateLabels: PUBLICATION_STATUS_LABELS, starts: [{ to: 'draft' }] });
}

import { PUBLICATION_STATUS_LABELS } from '../../catalog/index.ts';
import { TRANSITIONS, VERB_LABELS, type ReviewVerb } from './review-workflow.ts';

/** The review workflow as a mermaid state diagram, drawn from the transition table itself. */
export function reviewStateDiagram(): string {
  const lines = ['stateDiagram-v2', '  [*] --> draft'];
  for (const [status, label] of Object.entries(PUBLICATION_STATUS_LABELS)) lines.push(`  ${status}: ${status}（${label}）`);
  for (const [verb, t] of Object.entries(TRANSITIONS) as [ReviewVerb, (typeof TRANSITIONS)[ReviewVerb]][]) {
    for (const from of t.from) {
      const targets = t.to === 'same' ? [from] : t.to === 'next_stage_or_approved' ? ['in_review', 'approved'] : [t.to];
      for (const to of targets) lines.push(`  ${from} --> ${to}: ${VERB_LABELS[verb]}`);
    }
  }
  return lines.join('\n');
}

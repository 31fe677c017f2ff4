import { mermaidStateDiagram, verbsAllowedIn, type TransitionTable } from '../../../shared/workflow.ts';
import { PROPOSAL_STATE_LABELS, PROPOSAL_STATES, type ProposalInput, type ProposalState } from './proposal.ts';

/** What each verb needs. Registering is not a verb of the table: it creates the record in `registered`. */
export type ProposalCommand =
  | { verb: 'edit'; input: ProposalInput }
  | { verb: 'reply'; replyText: string; repliedOn: string; result: string }
  | { verb: 'recordSatisfaction'; satisfaction: string; note: string }
  | { verb: 'publish'; publicText: string }
  | { verb: 'withhold'; reason: string }
  | { verb: 'cancel'; reason: string };
export type ProposalVerb = ProposalCommand['verb'];

/**
 * The workflow as data: state × verb → next state (ADR 0016). A reply is recorded once; whether its
 * result may be published is decided afterwards and may be changed (公开 ↔ 不公开, each with its
 * reason recorded); the deputy's 满意度 may be recorded whenever it comes after the reply.
 */
export const PROPOSAL_TRANSITIONS: TransitionTable<ProposalState, ProposalVerb> = {
  edit: { label: '修改登记信息', from: ['registered'], to: 'same' },
  reply: { label: '答复', from: ['registered'], to: 'replied' },
  recordSatisfaction: { label: '记录满意度', from: ['replied', 'published', 'withheld'], to: 'same' },
  publish: { label: '公开办理结果', from: ['replied', 'withheld'], to: 'published' },
  withhold: { label: '不予公开', from: ['replied', 'published'], to: 'withheld' },
  cancel: { label: '撤销登记', from: ['registered'], to: 'cancelled' },
};
export const PROPOSAL_VERBS = Object.keys(PROPOSAL_TRANSITIONS) as ProposalVerb[];

export const proposalVerbsIn = (state: ProposalState): ProposalVerb[] => verbsAllowedIn(PROPOSAL_TRANSITIONS, state);

/** The table as the mermaid diagram of docs/workflows/proposals.md (a test keeps the document equal to it). */
export function proposalStateDiagram(): string {
  return mermaidStateDiagram(PROPOSAL_TRANSITIONS, {
    states: PROPOSAL_STATES, stateLabels: PROPOSAL_STATE_LABELS, starts: [{ to: 'registered', label: '登记' }], ends: ['published', 'withheld', 'cancelled'],
  });
}

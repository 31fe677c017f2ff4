import { APPLICATION_STATES, STATE_LABELS } from './application-states.ts';
import { TRANSITIONS, VERBS } from './application-verbs.ts';

/**
 * The state diagram of docs/workflows/application-states.md, generated from the transition table
 * (a test keeps the document equal to this output). Verbs that keep the state are listed per state.
 */
export function applicationStateDiagram(): string {
  const lines = ['stateDiagram-v2'];
  for (const s of APPLICATION_STATES) lines.push(`    ${s}: ${s}（${STATE_LABELS[s]}）`);
  lines.push('    [*] --> awaiting_confirmation: 网上、传真、电子邮件、平信');
  lines.push('    [*] --> registered: 当面、邮寄签收');
  for (const verb of VERBS) {
    const t = TRANSITIONS[verb];
    if (t.to === 'same') continue;
    for (const from of t.from) lines.push(`    ${from} --> ${t.to}: ${verb}（${t.label}）`);
  }
  lines.push('    archived --> [*]');
  lines.push('    discarded --> [*]');
  const staying = VERBS.filter((v) => TRANSITIONS[v].to === 'same');
  for (const verb of staying) {
    const t = TRANSITIONS[verb];
    lines.push(`    note right of ${t.from[0]}`);
    lines.push(`        ${verb}（${t.label}）不改变状态，可用于：${t.from.join('、')}`);
    lines.push('    end note');
  }
  return `${lines.join('\n')}\n`;
}

import { APPLICATION_STATES, STATE_LABELS } from './application-states.ts';
import { TRANSITIONS, VERBS, type Verb } from './application-verbs.ts';

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
  return lines.join('\n');
}

/** Who may use a verb: any staff of the organ, only the head of the disclosure office, or also the system's lapse job. */
const WHO: Partial<Record<Verb, string>> = {
  extendDeadline: '本机关管理员（政府信息公开工作机构负责人，条例第三十三条第二款）',
  closeCorrectionOverdue: '工作人员；期限届满后由到期处理任务自动执行',
  closeFeeUnpaid: '工作人员；期限届满后由到期处理任务自动执行',
};

/** The transition table as a Markdown table, for the same document. */
export function applicationVerbTable(): string {
  const rows = VERBS.map((verb) => {
    const t = TRANSITIONS[verb];
    const to = t.to === 'same' ? '（不变）' : `${t.to}（${STATE_LABELS[t.to]}）`;
    return `| \`${verb}\` | ${t.label} | ${t.from.map((s) => `${s}`).join('、')} | ${to} | ${WHO[verb] ?? '本机关工作人员'} |`;
  });
  return ['| verb | 操作 | 可用于状态 | 之后的状态 | 谁可以 |', '|---|---|---|---|---|', ...rows].join('\n');
}

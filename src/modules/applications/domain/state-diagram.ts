import { APPLICATION_STATES, STATE_LABELS } from './application-states.ts';
import { TRANSITIONS, VERBS, type Verb } from './application-verbs.ts';
import { isAdverseRecordCorrection, RECORD_CORRECTION_STATE_LABELS, RECORD_CORRECTION_STATES, RECORD_CORRECTION_TRANSITIONS, RECORD_CORRECTION_VERBS } from './record-correction.ts';

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

/** The state diagram of docs/workflows/record-corrections.md (条例第四十一条), generated from its transition table. */
export function recordCorrectionStateDiagram(): string {
  const lines = ['stateDiagram-v2'];
  for (const s of RECORD_CORRECTION_STATES) lines.push(`    ${s}: ${s}（${RECORD_CORRECTION_STATE_LABELS[s]}）`);
  lines.push('    [*] --> received: register（登记更正申请）');
  for (const verb of RECORD_CORRECTION_VERBS) {
    const t = RECORD_CORRECTION_TRANSITIONS[verb];
    for (const from of t.from) lines.push(`    ${from} --> ${t.to}: ${verb}（${t.label}）`);
  }
  for (const s of RECORD_CORRECTION_STATES.filter((s) => s !== 'received')) lines.push(`    ${s} --> [*]`);
  return lines.join('\n');
}

/** The correction requests' transition table as a Markdown table, with what each verb requires and whether its letter states remedies. */
export function recordCorrectionVerbTable(): string {
  const rows = RECORD_CORRECTION_VERBS.map((verb) => {
    const t = RECORD_CORRECTION_TRANSITIONS[verb];
    return `| \`${verb}\` | ${t.label} | ${t.from.join('、')} | ${t.to}（${RECORD_CORRECTION_STATE_LABELS[t.to]}） | ${isAdverseRecordCorrection(t.to) ? '是' : '否'} |`;
  });
  return ['| verb | 操作 | 可用于状态 | 之后的状态 | 告知书载明救济途径 |', '|---|---|---|---|---|', ...rows].join('\n');
}

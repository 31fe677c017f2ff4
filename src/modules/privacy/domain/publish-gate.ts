import type { Finding } from './finding.ts';

export type PublishGateResult = { blocked: boolean; blocking: Finding[] };

/**
 * The scan gate of the review workflow: "先审查、后公开" — a text with any `block` finding cannot be
 * published until it is changed (保守国家秘密法第三十五条; 条例第十七条). `warn` findings do not block;
 * the reviewer acknowledges them in the review record.
 */
export function publishGate(findings: readonly Finding[]): PublishGateResult {
  const blocking = findings.filter((f) => f.severity === 'block');
  return { blocked: blocking.length > 0, blocking };
}

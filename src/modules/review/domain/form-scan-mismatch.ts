import { PERSONAL_DATA_TYPES } from '../../privacy/index.ts';
import { isSecrecyMarking } from './mask-finding.ts';
import type { SecrecyLevel } from './review-roles.ts';

/**
 * Where the drafter's 保密审查表 says the opposite of what the scanner found (条例第十七条: the review is
 * the organ's own, and a form that says 非密 over a 密级标志, or 不涉及个人信息 over a mobile number,
 * was not read against the text). Told to the reviewer as a warning; the refusals themselves come
 * from the findings (review-workflow.ts), so a form cannot talk a finding away either way.
 */
export function formScanMismatches(
  form: { secrecyLevel: SecrecyLevel; involvesPersonalInfo: boolean } | null,
  findings: readonly { type: string }[],
): string[] {
  if (!form) return [];
  const out: string[] = [];
  const markings = findings.filter(isSecrecyMarking).length;
  if (form.secrecyLevel === 'non_secret' && markings > 0) {
    out.push(`保密审查表填写为“非密”，但扫描发现 ${markings} 处密级标志：请核实该信息是否已依法解密，或标志是否有误；标志未经起草人删除前，不能审核通过和发布。`);
  }
  const personal = findings.filter((f) => (PERSONAL_DATA_TYPES as readonly string[]).includes(f.type)).length;
  if (!form.involvesPersonalInfo && personal > 0) {
    out.push(`保密审查表填写为“不涉及个人信息”，但扫描发现 ${personal} 处疑似个人信息：请逐处核实，遮盖或说明可以公开的理由。`);
  }
  return out;
}

import { DomainError } from './domain-error.ts';

/** The longest 核验方式 kept (the form's maxLength, the event note and the audit log say it whole). */
export const VERIFIED_BY_MAX = 200;

/**
 * How staff checked who asks for a new 查询码 (核验方式), as both the applications area and the letters
 * area require it before resetting one: written (trimmed, not empty) and at most 200 characters. Each
 * area gives its own codes, the word for the person checked (申请人, 来信人) and its hint naming the
 * proof it accepts; the answer is the text to record, or a DomainError on the field `verifiedBy`.
 */
export function requireVerifiedBy(
  given: string | null | undefined,
  area: { requiredCode: string; invalidCode: string; person: string; hint: string },
): string {
  const how = (given ?? '').trim();
  if (!how) throw new DomainError(area.requiredCode, `请写明如何核验了${area.person}的身份（${area.hint}）`, { field: 'verifiedBy' });
  if (how.length > VERIFIED_BY_MAX) throw new DomainError(area.invalidCode, `核验方式不能超过${VERIFIED_BY_MAX}个字符`, { field: 'verifiedBy' });
  return how;
}

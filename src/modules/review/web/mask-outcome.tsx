/**
 * What 应用建议遮盖 did, told where its redirect lands (#scan-h, the findings' heading) rather than at
 * the top of the page, thousands of pixels above on a phone. The message is the staff context's flash
 * like every other; its wording is written and read here only, so the item's page knows it to place.
 */
const APPLIED = '已应用建议遮盖，并重新扫描';
const REFUSED = '未能应用建议遮盖：';

/** The flash after a mask was put in place. */
export const maskAppliedFlash = () => `${APPLIED}。`;
/** The flash after a refusal: its reasons, one a line (a reason may hold a ；). */
export const maskRefusedFlash = (reasons: string[]) => `${REFUSED}${reasons.join('\n')}`;

export type MaskOutcome = { applied: true; message: string } | { applied: false; reasons: string[] };

/** The outcome a flash tells, when it is one of 应用建议遮盖's; null for any other flash (shown at the top). */
export function maskOutcomeOf(flash: string | null): MaskOutcome | null {
  if (!flash) return null;
  if (flash.startsWith(APPLIED)) return { applied: true, message: flash };
  if (flash.startsWith(REFUSED)) return { applied: false, reasons: flash.slice(REFUSED.length).split('\n').filter((r) => r.trim()) };
  return null;
}

/** Right under the findings' heading: a status when applied, an alert with the reasons when refused. */
export function MaskOutcomeNote({ outcome }: { outcome: MaskOutcome | null }) {
  if (!outcome) return null;
  if (outcome.applied) return <p id="mask-outcome" class="flash" role="status">{outcome.message}下方是重新扫描的结果。</p>;
  return (
    <div id="mask-outcome" class="error-summary" role="alert">
      <p><strong>未能应用建议遮盖，内容未作改动：</strong></p>
      <ul>{outcome.reasons.map((r) => <li>{r}</li>)}</ul>
      <p>下方是最新的扫描结果，请按它处理。</p>
    </div>
  );
}

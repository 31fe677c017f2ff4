/**
 * The 申请编号 or 信件编号 a page shows in #tracking-no, as text: on the portal's receipts it is in parts that break only
 * after a hyphen (CaseNumber, src/platform/views/components.tsx), so its markup holds <span>s and <wbr>s.
 */
export function trackingNoOf(html: string): string | undefined {
  const m = /id="tracking-no">(.*?)<\/(?:td|strong)>/s.exec(html);
  return m ? m[1]!.replace(/<[^>]+>/g, '') : undefined;
}

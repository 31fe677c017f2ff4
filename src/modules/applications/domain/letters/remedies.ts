import { isRefusal, type Outcome } from '../outcomes.ts';

/**
 * The remedies a reply letter must state (reference.md §1.8): reconsideration with the same-level
 * people's government within 60 days (行政复议法第二十条、第二十四条); for 不予公开 or 部分公开 that
 * reconsideration comes first (第二十三条第一款第（四）项、第二款); otherwise also a lawsuit within
 * 6 months (行政诉讼法第四十六条); the online channel when the letter is delivered online (第二十二条第二款).
 */
export function remedyParagraphs(outcome: Outcome | null, reconsiderationBody: string, deliveredOnline: boolean): string[] {
  const reconsider = `如对本告知书不服，您可以自收到本告知书之日起60日内向${reconsiderationBody}申请行政复议（《中华人民共和国行政复议法》第二十条）`;
  const paragraphs =
    outcome !== null && isRefusal(outcome)
      ? [
          `${reconsider}。`,
          '根据《中华人民共和国行政复议法》第二十三条第一款第（四）项的规定，对行政机关不予公开政府信息不服的，应当先申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十五条）。',
        ]
      : [`${reconsider}，也可以自收到本告知书之日起6个月内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。`];
  if (deliveredOnline) {
    paragraphs.push(`本告知书以网络方式送达，您也可以通过${reconsiderationBody}的行政复议网上申请渠道提出行政复议申请（《中华人民共和国行政复议法》第二十二条第二款）。`);
  }
  return paragraphs;
}

/**
 * 复议机关 for an act of the organ (行政复议法第二十四条): a department's same-level people's
 * government; for a government itself, the government one level up. `chain` is the organ first,
 * then its ancestors.
 */
export function reconsiderationBodyFor(chain: readonly { name: string; kind: string }[]): string {
  const [self, ...above] = chain;
  if (!self || self.kind === 'government') return '上一级人民政府';
  return above.find((o) => o.kind === 'government')?.name ?? '本级人民政府';
}

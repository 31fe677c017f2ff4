import { isRefusal, type Outcome } from '../outcomes.ts';

/**
 * The remedies a reply letter must state (docs/rules/appeals.md): reconsideration with the same-level
 * people's government within 60 days (行政复议法第二十条、第二十四条); for 不予公开 or 部分公开 that
 * reconsideration comes first (第二十三条第一款第（四）项、第二款); otherwise also a lawsuit within
 * 6 months (行政诉讼法第四十六条); the online channel when the letter is delivered online (第二十二条第二款).
 */
export function remedyParagraphs(outcome: Outcome | null, body: ReconsiderationBody, servedOnline: boolean): string[] {
  // 行政复议法第二十条第三款: the body is named (an unnamed one may keep the 60 days from running).
  const where = body.address ? `${body.body}（地址：${body.address}）` : body.body;
  const reconsider = `如对本告知书不服，您可以自收到本告知书之日起60日内向${where}申请行政复议（《中华人民共和国行政复议法》第二十条）`;
  const paragraphs =
    outcome !== null && isRefusal(outcome)
      ? [
          `${reconsider}。`,
          '根据《中华人民共和国行政复议法》第二十三条第一款第（四）项的规定，对行政机关不予公开政府信息不服的，应当先申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十五条）。',
        ]
      : [`${reconsider}，也可以自收到本告知书之日起6个月内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。`];
  if (servedOnline) {
    const channel = body.online ? `${body.body}的行政复议网上申请渠道（${body.online}）` : `${body.body}的行政复议网上申请渠道`;
    paragraphs.push(`本告知书以网络方式送达，您也可以通过${channel}提出行政复议申请（《中华人民共和国行政复议法》第二十二条第二款）。`);
  }
  return paragraphs;
}

/** The reconsideration body as a letter names it. */
export type ReconsiderationBody = { body: string; address: string; online: string };

/** Service methods that are 网络方式 (e-mail, the online platform): the letter then offers online reconsideration. */
export const isServedOnline = (serviceMethod: string): boolean => serviceMethod === 'email' || serviceMethod === 'online';

type OrganLink = { name: string; kind: string };

/**
 * The organ that answers and signs (条例第二十七条): the 行政机关 itself. A case filed under an
 * internal unit (股室, 办公室) is answered by the nearest organ above it that is not a unit.
 */
export function answeringOrgan<T extends OrganLink>(chain: readonly T[]): T {
  return chain.find((o) => o.kind !== 'unit') ?? chain[chain.length - 1];
}

/**
 * 复议机关 for an act of the organ (行政复议法第二十四条), named (第二十条第三款): the organ's own
 * setting when saved; else, for a department, its same-level people's government; for a people's
 * government, the government one level up if the tree has it. Null when none can be named.
 * `chain` starts at the answering organ, then its ancestors.
 */
export function reconsiderationBodyFor(
  chain: readonly OrganLink[], configured: { body: string; address: string; online: string },
): ReconsiderationBody | null {
  if (configured.body) return configured;
  const [self, ...above] = chain;
  if (!self) return null;
  const government = above.find((o) => o.kind === 'government');
  return government ? { body: government.name, address: '', online: '' } : null;
}

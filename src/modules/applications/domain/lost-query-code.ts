/**
 * What an applicant who lost the 查询码 is told, in the same words wherever it is said — the online
 * receipt and the page shown after it lapsed, the status look-up (its form and its refusal), the
 * 申请登记回执 and the 查询码重新设置告知 — and what the officer's hint asks for. The code is kept only
 * hashed, so it cannot be given again: the organ that received the application sets a new one once it
 * has checked the applicant's identity document (身份证明: a person's ID card, a legal person's or
 * organisation's papers), shown in person or sent as the organ accepts, and the old code stops working (docs/workflows/application-states.md).
 *
 * `organ`: who resets it — the organ's name on its pages, 本机关 in its own letters, 收到申请的机关 where
 * the page does not know the organ. `lead`: how the sentence opens (再次遗失的 in the notice).
 */
export function lostApplicationCodeText(organ = '收到申请的机关', lead = '查询码遗失的'): string {
  const accepts = organ === '本机关' ? '本机关' : '该机关';
  return `${lead}，可凭申请编号和身份证明（当面或按${accepts}接受的方式提交）请${organ}重新设置，原查询码作废。`;
}

/**
 * The same on the 申请登记回执, which must keep to one A4 page and has no room for more than the old
 * sentence had (receipt-one-page.test.ts): the number, the 身份证明, the organ; how it is shown and that
 * the old code becomes void are said on the status look-up and in the 查询码重新设置告知.
 */
export const LOST_APPLICATION_CODE_ON_RECEIPT = '查询码遗失的，可凭申请编号和身份证明请本机关重新设置。';

/** The officer's hint for 核验方式, naming the same proof. */
export const APPLICATION_VERIFICATION_HINT = '如当面核验身份证件原件、核验申请人按本机关要求提供的身份证件';

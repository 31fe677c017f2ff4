/**
 * What a letter writer who lost the 查询码 is told, in the same words wherever it is said — the receipt,
 * the page shown after the receipt lapsed, the status look-up (its form and its refusal), the
 * 查询码重新设置告知 — and what the officer's hint asks for. The code is kept only hashed, so it cannot be
 * given again: the organ that received the letter sets a new one once it is sure who asks, by calling
 * back the phone number the letter left or by the writer's identity document, and the old code stops
 * working (docs/workflows/mailbox.md).
 *
 * `organ`: who resets it — the organ's name on its pages, 本机关 in its own notice, 收信机关 where the
 * page does not know the organ. `lead`: how the sentence opens (再次遗失的 in the notice).
 */
export function lostLetterCodeText(organ = '收信机关', lead = '查询码遗失的'): string {
  // The organ is named once (「联系…局：…局回拨…」 read oddly to an outside tester).
  return `${lead}，可凭信件编号联系${organ}，经回拨您来信时留下的联系电话或核验您的身份证件确认是您本人后，为您重新设置查询码，原查询码同时作废。`;
}

/** The officer's hint for 核验方式, naming the same two ways. */
export const LETTER_VERIFICATION_HINT = '如回拨来信所留的联系电话核实、核验身份证件';

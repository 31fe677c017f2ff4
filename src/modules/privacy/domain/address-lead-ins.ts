/**
 * Words that say the street address after them is a home (家住人民路88号, 现住址滨河路12号): in a
 * citizen's text its house number is then a finding (residential-address.ts, HOME_STREET).
 */
export const HOME_LABELS = ['家庭住址', '家庭地址', '住址', '家住', '住在', '现住'] as const;

/**
 * Every word that leads to an address rather than names it: the home labels, the 地址 words of forms
 * and letters (现住址, 联系地址 …), and the little words of a sentence (联系人住, 位于, 您反映的, 经查系,
 * 地址是). The review panel shows a house detail's mask after the estate it keeps and leaves these out
 * (suggestion-in-context.ts): 现住址幸福小区3栋2单元501室 reads 幸福小区*********.
 */
export const ADDRESS_LEAD_INS = [
  ...HOME_LABELS,
  '现住址', '现居住', '居住地址', '居住地', '居住在', '居住于', '住所', '户籍地址', '通讯地址', '通信地址', '联系地址', '送达地址', '收件地址', '地址',
  '住址为', '地址为', '位于', '坐落于',
  '住', '在', '于', '的', '系', '是',
] as const;

/**
 * How much a text typed into a form says, where a field must say something (来信内容, 意见内容, 所需信息的
 * 内容描述, 不准确的信息记录): its written characters — Chinese characters, letters of any script and digits
 * (full-width ones too, and 〇 of 二〇二六). Punctuation, spaces, emoji and other symbols are not counted: six
 * emoji, a row of 。 or 😀 😀 😀 passed “至少5个字” when spaces alone were left out, and told the organ nothing it
 * could answer. A keycap emoji (1️⃣) is a symbol, though it starts with a digit; so are ①② and ★. The one rule
 * for every form: the checks, the refusals and the hints take it from here.
 */
export const MIN_WRITTEN_CHARS = 5;

/** What counts, in the words of the refusals and the hints. */
export const WRITTEN_CHARS_RULE = '只计汉字、字母和数字，不计标点、空格和表情符号';

const KEYCAP = /[0-9#*]\uFE0F?\u20E3/gu;
const WRITTEN = /[\p{L}\p{Nd}\p{Nl}]/gu;

/** The written characters of a text (see above); a character outside the Basic Multilingual Plane counts once. */
export function writtenCharCount(text: string): number {
  return text.replace(KEYCAP, '').match(WRITTEN)?.length ?? 0;
}

/** Whether a text has at least `min` written characters. */
export const saysEnough = (text: string, min = MIN_WRITTEN_CHARS): boolean => writtenCharCount(text) >= min;

/** The refusal of a text with fewer: 来信内容至少5个字（只计汉字、字母和数字，不计标点、空格和表情符号）. */
export const tooShortMessage = (label: string, min = MIN_WRITTEN_CHARS): string => `${label}至少${min}个字（${WRITTEN_CHARS_RULE}）`;

/**
 * The same idea for a short field that must name or reach someone (a letter's 标题 and 姓名, 申请人姓名或名称, 证件号码,
 * 联系人, 通信地址): one written character is enough, none is not — 😀 as a 标题 or 。。 as a name was taken while only an
 * empty field was refused (an outside tester).
 */
export const hasWrittenChar = (text: string): boolean => writtenCharCount(text) > 0;

/** The refusal of such a field: 标题应含有汉字、字母或数字，不能只填标点、空格或表情符号. */
export const noWrittenCharMessage = (label: string): string => `${label}应含有汉字、字母或数字，不能只填标点、空格或表情符号`;

/** A letter's number in the organ's yearly series, written as 公文 文号 are: 岚建公开〔2026〕第12号. */
export const letterNumber = (prefix: string, year: number, serial: number): string => `${prefix}〔${year}〕第${serial}号`;

import { describe, expect, it } from 'vitest';
import { documentNumberKey, standardDocumentNumber } from './document-number.ts';

describe('a 文号 in its standard spelling (GB/T 9704-2012 7.2.4)', () => {
  it('writes the year in 〔〕, digits half-width, the serial without 第 or leading zeros, no spaces', () => {
    for (const typed of ['岚建[2026]56号', '岚建(2026)56号', '岚建（２０２６）５６号', '岚建【2026】56号', '岚建［2026］56号', ' 岚建 〔2026〕 56号 ', '岚建〔2026〕第56号', '岚建〔2026〕056号', '岚建〔2026〕56', '岚建[２０２６〕56号']) {
      expect(standardDocumentNumber(typed), typed).toBe('岚建〔2026〕56号');
    }
    expect(standardDocumentNumber('岚政办秘[2025]77号')).toBe('岚政办秘〔2025〕77号');
  });

  it('keeps the words of a 文号 not written with its year in brackets, and of anything else', () => {
    expect(standardDocumentNumber('岚山县住房和城乡建设局公告2026年第５号')).toBe('岚山县住房和城乡建设局公告2026年第5号');
    expect(standardDocumentNumber('财政部  税务总局公告2023年第1号')).toBe('财政部 税务总局公告2023年第1号');
    expect(standardDocumentNumber('(2026)5号')).toBe('(2026)5号');
    expect(standardDocumentNumber('')).toBe('');
  });

  it('gives the standard spelling the key of every spelling it stands for', () => {
    for (const typed of ['岚建[2026]56号', '岚建（２０２６）第０５６号', '岚建 〔2026〕 56']) expect(documentNumberKey(standardDocumentNumber(typed))).toBe(documentNumberKey(typed));
  });
});

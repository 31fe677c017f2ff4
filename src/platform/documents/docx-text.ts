import { TextRun, type IFontAttributesProperties } from 'docx';

/**
 * Word picks the East Asian font from `eastAsia`; Latin letters and digits stay in Times New Roman,
 * as 公文 templates set them. The names are those Word and WPS resolve on Chinese Windows.
 */
const latin = 'Times New Roman';
const font = (eastAsia: string): IFontAttributesProperties => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' });

export const DOCX_FONTS = {
  fangSong: font('FangSong'),
  song: font('SimSun'),
  hei: font('SimHei'),
  kai: font('KaiTi'),
} as const;

export const TWIPS_PER_PT = 20;

export type RunStyle = { font: IFontAttributesProperties; sizePt: number; bold?: boolean };

/** One run per line of the text, so a "\n" in the model becomes a line break in Word. */
export function textRuns(text: string, style: RunStyle): TextRun[] {
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i > 0 ? 1 : undefined,
        font: style.font,
        size: style.sizePt * 2,
        bold: style.bold,
        language: { value: 'en-US', eastAsia: 'zh-CN' },
      }),
  );
}

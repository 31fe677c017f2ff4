import { describe, expect, it } from 'vitest';
import { scanFileName } from './scan-file-name.ts';

const found = (name: string) => scanFileName(name).map((f) => [f.type, f.text, name.slice(f.start, f.end), f.suggestion]);

/**
 * A file's name is published with it (the link text of an attachment without a 附件名称, its tooltip, the
 * download's Content-Disposition), so it is scanned as text is. Its extension is no part of what it says:
 * read with it, `.pdf` glued the number before it to a decimal point and nothing was found.
 */
describe('scanFileName: a file name is scanned as text, without its extension', () => {
  it('finds a personal ID number and a mobile number glued to the extension', () => {
    expect(found('张三身份证110105194912310021.pdf')).toEqual([['id_card', '110105194912310021', '110105194912310021', '110105********0021']]);
    expect(found('李四13800138000.docx')).toEqual([['mobile_phone', '13800138000', '13800138000', '138****8000']]);
    expect(found('11010519491231002X.PDF')).toEqual([['id_card', '11010519491231002X', '11010519491231002X', '110105********002X']]);
  });

  it('reads an underscore as the space a file name cannot easily hold, keeping it in the text and the mask', () => {
    expect(found('ID_11010519491231002X_张三.xlsx')).toEqual([['id_card', '11010519491231002X', '11010519491231002X', '110105********002X']]);
    expect(found('名单_138_0013_8000.docx')).toEqual([['mobile_phone', '138_0013_8000', '138_0013_8000', '138_****_8000']]);
  });

  it('finds a 密级标志 and a personal e-mail address, the extension left out of its span', () => {
    expect(found('城区停水应急方案（秘密★1年）.docx').map((f) => f.slice(0, 2))).toEqual([['classified_marking', '秘密★1年']]);
    expect(found('zhangsan@163.com.txt').map((f) => f.slice(0, 2))).toEqual([['email', 'zhangsan@163.com']]);
  });

  it('finds nothing in an ordinary name, nor in a 文号 or a date', () => {
    expect(found('附件1：试点小区名单.xlsx')).toEqual([]);
    expect(found('岚建〔2026〕63号_20260302.pdf')).toEqual([]);
    expect(found('README')).toEqual([]);
  });
});

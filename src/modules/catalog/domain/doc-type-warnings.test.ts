import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC_TYPE_WARNING_CODES, docTypeWarnings } from './doc-type-warnings.ts';

const base = { documentNumber: '', nodeNames: ['政策文件'], organKind: 'department' as const };

describe('文件类型 warnings: an unlikely choice is told with the form, never refused (found by an outside tester)', () => {
  it('tells a 文号 with 规 (行政规范性文件的统一编号) or a 规范性文件 column under another type', () => {
    expect(docTypeWarnings({ ...base, docType: 'other', documentNumber: '岚建规〔2026〕2号' })).toEqual([
      { code: 'WARN_CATALOG_DOC_TYPE_NORMATIVE_NUMBER', message: '文号“岚建规〔2026〕2号”带“规”字，通常是行政规范性文件的统一编号，文件类型却是“其他”：如是行政规范性文件，请改选“行政规范性文件”，否则年报第二部分不计入它。' },
    ]);
    expect(docTypeWarnings({ ...base, docType: 'other', nodeNames: ['政策文件 > 规范性文件'] })).toEqual([
      { code: 'WARN_CATALOG_DOC_TYPE_NORMATIVE_COLUMN', message: '信息放入了栏目“政策文件 > 规范性文件”，文件类型却是“其他”：如是行政规范性文件，请改选“行政规范性文件”，否则年报第二部分不计入它。' },
    ]);
    expect(docTypeWarnings({ ...base, docType: 'normative_document', documentNumber: '岚建规〔2026〕2号', nodeNames: ['规范性文件'] })).toEqual([]);
    // Not a 规 before the bracket: 岚规划〔2026〕3号 is a 规划 office's number; an unchosen type is the form's error, not a warning.
    expect(docTypeWarnings({ ...base, docType: 'other', documentNumber: '岚规划〔2026〕3号' })).toEqual([]);
    expect(docTypeWarnings({ ...base, docType: '', documentNumber: '岚建规〔2026〕2号' })).toEqual([]);
  });

  it('tells 规章 from a 下属单位 as impossible, and from another organ as something the platform cannot check', () => {
    expect(docTypeWarnings({ ...base, docType: 'regulation', organKind: 'unit' })).toEqual([
      { code: 'WARN_CATALOG_DOC_TYPE_REGULATION_UNIT', message: '文件类型为“规章”，但下属单位不能制定规章：规章只由国务院部门和省、自治区、直辖市以及设区的市、自治州的人民政府制定（《立法法》第九十一条、第九十三条）。请核对文件类型。' },
    ]);
    for (const organKind of ['government', 'department'] as const) {
      expect(docTypeWarnings({ ...base, docType: 'regulation', organKind })).toEqual([
        { code: 'WARN_CATALOG_DOC_TYPE_REGULATION_UNCHECKED', message: '文件类型为“规章”：规章只由国务院部门和省、自治区、直辖市以及设区的市、自治州的人民政府制定（《立法法》第九十一条、第九十三条），县级人民政府及其部门不能制定规章。本平台不记录机关的行政级别，无法替您核对，请确认。' },
      ]);
    }
    // 规章 with a 规 文号 is told both ways.
    expect(docTypeWarnings({ ...base, docType: 'regulation', organKind: 'unit', documentNumber: '岚建规〔2026〕2号' }).map((w) => w.code)).toEqual([
      'WARN_CATALOG_DOC_TYPE_NORMATIVE_NUMBER', 'WARN_CATALOG_DOC_TYPE_REGULATION_UNIT',
    ]);
  });
});

describe('the 文件类型 warning codes', () => {
  it('are all listed in docs/errors.md, and the list names no code the rule lacks', () => {
    const doc = fs.readFileSync(path.resolve('docs/errors.md'), 'utf8');
    const codes = Object.values(DOC_TYPE_WARNING_CODES);
    const listed = [...doc.matchAll(/\| `(WARN_CATALOG_DOC_TYPE_[A-Z_]*)` \|/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...codes].sort());
  });
});

import { DOC_TYPE_LABELS, type DocType, type OrganKind } from './labels.ts';

/**
 * A 文号 whose 发文机关代字 ends in 规 (岚建规〔2026〕2号, 岚政规〔2026〕1号): the 统一编号 that a 行政规范性文件
 * is given when it is registered (国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知, 国办发〔2018〕37号).
 * Only 规 (or 规字) right before the bracket: 岚规划〔2026〕3号 is not one.
 */
const NORMATIVE_NUMBER = /规字?\s*[〔［[【（(]\s*\d{4}/u;
const COUNTED = '否则年报第二部分不计入它。';
const LAW = '规章只由国务院部门和省、自治区、直辖市以及设区的市、自治州的人民政府制定（《立法法》第九十一条、第九十三条）';

/** The warnings' stable codes, as the API and an import's report give them (docs/errors.md "Warnings"). */
export const DOC_TYPE_WARNING_CODES = {
  normativeNumber: 'WARN_CATALOG_DOC_TYPE_NORMATIVE_NUMBER',
  normativeColumn: 'WARN_CATALOG_DOC_TYPE_NORMATIVE_COLUMN',
  regulationByUnit: 'WARN_CATALOG_DOC_TYPE_REGULATION_UNIT',
  regulationUnchecked: 'WARN_CATALOG_DOC_TYPE_REGULATION_UNCHECKED',
} as const;
export type DocTypeWarningCode = (typeof DOC_TYPE_WARNING_CODES)[keyof typeof DOC_TYPE_WARNING_CODES];
export type DocTypeWarning = { code: DocTypeWarningCode; message: string };
const W = DOC_TYPE_WARNING_CODES;

/**
 * Soft warnings on an item's 文件类型 (docs/workflows/annual-report.md): told with the form, never a
 * refusal — the officer may know better. A 文号 with 规 or a column named 规范性文件 under another type;
 * 规章 from a 下属单位, which cannot make one; 规章 from any other organ, which the platform cannot check
 * (it records an organ's kind, not its administrative level, so a county department looks like a State
 * Council one) — the officer is reminded who makes 规章. An unchosen type is the form's error, not a warning.
 * The one rule for every way an item comes in: the item form, the API's POST and PUT (`warnings`), and
 * a spreadsheet import's report (each row's, never refusing it). `nodeNames` are the item's columns as
 * paths, in whatever form the caller shows them.
 */
export function docTypeWarnings(input: { docType: DocType | ''; documentNumber: string; nodeNames: string[]; organKind: OrganKind }): DocTypeWarning[] {
  const { docType } = input;
  if (docType === '') return [];
  const warnings: DocTypeWarning[] = [];
  const label = DOC_TYPE_LABELS[docType];
  if (docType !== 'normative_document') {
    const number = input.documentNumber.trim();
    if (NORMATIVE_NUMBER.test(number)) {
      warnings.push({ code: W.normativeNumber, message: `文号“${number}”带“规”字，通常是行政规范性文件的统一编号，文件类型却是“${label}”：如是行政规范性文件，请改选“行政规范性文件”，${COUNTED}` });
    }
    const column = input.nodeNames.find((n) => n.includes('规范性文件'));
    if (column) warnings.push({ code: W.normativeColumn, message: `信息放入了栏目“${column}”，文件类型却是“${label}”：如是行政规范性文件，请改选“行政规范性文件”，${COUNTED}` });
  }
  if (docType === 'regulation') {
    warnings.push(input.organKind === 'unit'
      ? { code: W.regulationByUnit, message: `文件类型为“规章”，但下属单位不能制定规章：${LAW}。请核对文件类型。` }
      : { code: W.regulationUnchecked, message: `文件类型为“规章”：${LAW}，县级人民政府及其部门不能制定规章。本平台不记录机关的行政级别，无法替您核对，请确认。` });
  }
  return warnings;
}

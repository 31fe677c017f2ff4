import { textDiff, type TextDiff } from './text-diff.ts';

/**
 * What a pending revision changes, field by field, for its reviewer: the published value and the
 * proposed one, for every field that differs (the body compared as text, as the scanner reads it, a
 * line a paragraph), and what was removed and added between them (`diff`, ADR 0052).
 */
export type FieldChange = { label: string; before: string; after: string; diff: TextDiff };

type Comparable = {
  title: string; documentNumber: string | null; publishingOrganName: string; formedOn: string; subject: string; genre: string; stage: string;
  disclosureMode: string; keywords: string[]; summary: string; bodyText: string; source: string; consultPhone: string | null; docType: string; nodeIds: number[];
};

const FIELDS: [keyof Comparable, string][] = [
  ['title', '标题'], ['documentNumber', '文号'], ['publishingOrganName', '发布机构'], ['formedOn', '成文日期'], ['subject', '主题分类'], ['genre', '体裁'],
  ['stage', '五公开类别'], ['disclosureMode', '公开方式'], ['keywords', '关键词'], ['summary', '内容概述'], ['bodyText', '正文'], ['source', '信息来源'],
  ['consultPhone', '政策咨询电话'], ['docType', '文件类型'], ['nodeIds', '目录栏目'],
];

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A field's value as compared and shown: a body keeps its paragraphs, one a line (empty ones dropped); any other field is one line. */
const shown = (field: keyof Comparable, v: Comparable[keyof Comparable]): string =>
  Array.isArray(v) ? [...v].map(String).sort().join(' ')
    : field === 'bodyText' ? (v ?? '').toString().split('\n').map(oneLine).filter(Boolean).join('\n') : oneLine((v ?? '').toString());

export function revisionChanges(before: Comparable, after: Comparable, labelOf: (field: keyof Comparable, value: string) => string = (_f, v) => v): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, label] of FIELDS) {
    const b = shown(field, before[field]);
    const a = shown(field, after[field]);
    if (b === a) continue;
    const [was, is] = [labelOf(field, b), labelOf(field, a)];
    out.push({ label, before: was, after: is, diff: textDiff(was, is, { paragraphs: field === 'bodyText' }) });
  }
  return out;
}

import type { DocBlock, DocumentModel } from '../../../platform/documents/index.ts';
import { FORMAT } from '../domain/report-format.ts';
import type { AnnualReport } from '../domain/report-types.ts';
import { appealsTable, applicationsTable, proactiveTable } from './report-tables.ts';

/** 国办公开办函〔2021〕30号, without the English note of the format file. */
export const FORMAT_BASIS = FORMAT.basis.split(' (')[0];

export const reportTitle = (organName: string, year: number) => `${organName}${year}年政府信息公开工作年度报告`;

/**
 * The report as one printable document in the national layout: title, the six sections in order
 * (text sections as paragraphs, table sections as the template's tables), and the organ's signature.
 * A corrected version says so under the title, with its note.
 */
export function reportDocument(report: AnnualReport, meta: { version: number; note: string; signedOn: string; draft: boolean }): DocumentModel {
  const blocks: DocBlock[] = [{ kind: 'title', text: reportTitle(report.organ.name, report.year) }];
  if (meta.draft) blocks.push({ kind: 'subtitle', text: '（草稿，未发布）' });
  if (meta.version > 1) blocks.push({ kind: 'subtitle', text: `（第${meta.version}版）` });
  if (meta.version > 1 && meta.note) blocks.push({ kind: 'paragraph', text: `更正说明：${meta.note}`, indent: true });
  blocks.push({
    kind: 'paragraph', indent: true,
    text: `本报告依照《中华人民共和国政府信息公开条例》第五十条，按${FORMAT_BASIS}规定的格式编制。所列数据的统计期限自${report.year}年1月1日起至${report.year}年12月31日止。`,
  });
  const tables = { proactive: proactiveTable, applications: applicationsTable, appeals: appealsTable } as const;
  for (const section of FORMAT.sections) {
    blocks.push({ kind: 'heading', level: 1, text: `${section.no}、${section.title}` });
    if (section.kind === 'table') {
      const key = section.table as keyof typeof tables;
      const f = report.figures;
      blocks.push(key === 'proactive' ? tables.proactive(f.proactive) : tables[key](f[key]));
      continue;
    }
    const text = report.sections[section.no] ?? '';
    for (const line of text.split('\n').filter((l) => l.trim())) blocks.push({ kind: 'paragraph', text: line.trim(), indent: true });
  }
  blocks.push({ kind: 'signature', lines: [report.organ.name, meta.signedOn] });
  return { title: reportTitle(report.organ.name, report.year), pageSize: 'A4', orientation: 'portrait', blocks };
}

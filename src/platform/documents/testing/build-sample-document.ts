import type { DocBlock, DocumentModel, TableCell } from '../document-model.ts';
import { annualReportApplicationsTable } from './annual-report-table.ts';

export const SAMPLE_TITLE = '霍山县住房和城乡建设局政府信息公开申请办理情况';

const BODY =
  '根据《中华人民共和国政府信息公开条例》第五十条规定，现将本机关本年度政府信息公开申请办理情况报告如下。' +
  '本年度共收到政府信息公开申请一百二十六件，均在法定期限内作出答复，未发生因答复不当被纠错的情形。';

/**
 * A document with every block kind: both heading levels, indented and aligned paragraphs, fields,
 * the annual report's merged-header table and a register of `registerRows` rows whose first column
 * groups rows four at a time (long enough to run over a page), a page break and a signature.
 */
export function buildSampleDocument(options: { registerRows?: number; orientation?: DocumentModel['orientation'] } = {}): DocumentModel {
  const blocks: DocBlock[] = [
    { kind: 'title', text: SAMPLE_TITLE },
    { kind: 'subtitle', text: '霍建〔2026〕18号' },
    {
      kind: 'fields',
      items: [
        { label: '申请编号：', value: 'YSQ-2026-000123' },
        { label: '申请人：', value: '某某科技有限公司' },
        { label: '申请内容：', value: '2025年度老旧小区改造项目的招标文件、中标结果及资金拨付情况' },
      ],
    },
    { kind: 'heading', level: 1, text: '一、总体情况' },
    { kind: 'paragraph', indent: true, text: BODY },
    { kind: 'heading', level: 2, text: '（一）主动公开情况' },
    { kind: 'paragraph', indent: true, text: BODY + BODY },
    { kind: 'paragraph', align: 'right', bold: true, text: '单位：件' },
    annualReportApplicationsTable(),
    { kind: 'heading', level: 1, text: '二、办理登记' },
    registerTable(options.registerRows ?? 64),
    { kind: 'pageBreak' },
    { kind: 'paragraph', indent: true, text: '特此报告。' },
    { kind: 'signature', lines: ['霍山县住房和城乡建设局', '（印章）', '2026年1月20日'] },
  ];
  return { title: SAMPLE_TITLE, pageSize: 'A4', orientation: options.orientation ?? 'portrait', blocks };
}

export function registerCellText(row: number): string {
  return `YSQ-2026-${String(row + 1).padStart(6, '0')}`;
}

function registerTable(rowCount: number): Extract<DocBlock, { kind: 'table' }> {
  const organs = ['局办公室', '城建股', '房产股', '质安站'];
  const rows: TableCell[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const group = Math.floor(r / 4);
    const groupRows = Math.min(4, rowCount - group * 4);
    const lead: TableCell[] = r % 4 === 0 ? [{ text: organs[group % organs.length], rowSpan: groupRows, align: 'center' }] : [];
    rows.push([
      ...lead,
      { text: String(r + 1), align: 'center' },
      { text: registerCellText(r) },
      { text: r % 5 === 0 ? '关于某小区加装电梯财政补助资金发放明细及审批材料的申请（含附件）' : '项目审批文件' },
      { text: ['予以公开', '部分公开', '无法提供', '不予处理'][r % 4], align: 'center' },
      { text: `2026-${String((r % 12) + 1).padStart(2, '0')}-${String((r % 27) + 1).padStart(2, '0')}`, align: 'center' },
    ]);
  }
  return {
    kind: 'table',
    caption: '政府信息公开申请登记表',
    columnWidths: [1.1, 0.7, 2.2, 3, 1.1, 1.3],
    header: [
      [{ text: '承办机构', rowSpan: 2 }, { text: '序号', rowSpan: 2 }, { text: '申请编号', rowSpan: 2 }, { text: '申请内容', rowSpan: 2 }, { text: '办理情况', colSpan: 2 }],
      [{ text: '答复类型' }, { text: '答复日期' }],
    ],
    rows,
  };
}

/** An annual report of about `sections` × 2 pages: prose, the applications table and a register each section. */
export function buildLongReport(sections: number): DocumentModel {
  const blocks: DocBlock[] = [{ kind: 'title', text: '霍山县2026年政府信息公开工作年度报告' }];
  for (let s = 0; s < sections; s++) {
    blocks.push(
      { kind: 'heading', level: 1, text: `${s + 1}、第${s + 1}部分` },
      { kind: 'paragraph', indent: true, text: BODY + BODY + BODY },
      annualReportApplicationsTable(s + 1),
      { kind: 'paragraph', indent: true, text: BODY },
    );
  }
  blocks.push({ kind: 'signature', lines: ['霍山县人民政府办公室', '2027年1月31日'] });
  return { title: '霍山县2026年政府信息公开工作年度报告', pageSize: 'A4', blocks };
}

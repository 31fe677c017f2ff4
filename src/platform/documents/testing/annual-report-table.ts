import type { DocBlock, TableCell } from '../document-model.ts';

/**
 * Table 三 of the annual report (收到和处理政府信息公开申请情况) in the national template's shape:
 * three grouped header rows over ten columns, and "三、本年度办理结果" spanning 22 rows. The figures
 * are made up but deterministic (`seed` varies them).
 */
export function annualReportApplicationsTable(seed = 1): Extract<DocBlock, { kind: 'table' }> {
  let n = seed;
  const figures = (): TableCell[] => {
    const xs = Array.from({ length: 6 }, () => (n = (n * 37 + 11) % 97) % 23);
    return [...xs, xs.reduce((a, b) => a + b, 0)].map((x) => ({ text: String(x), align: 'center' }));
  };
  const line = (label: string, span: number): TableCell[] => [{ text: label, colSpan: span }, ...figures()];
  const group = (title: string, items: string[]): TableCell[][] =>
    items.map((item, i) => [...(i === 0 ? [{ text: title, rowSpan: items.length }] : []), { text: item }, ...figures()]);

  const results: TableCell[][] = [
    line('（一）予以公开', 2),
    line('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 2),
    ...group('（三）不予公开', [
      '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益',
      '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项',
    ]),
    ...group('（四）无法提供', ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']),
    ...group('（五）不予处理', [
      '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请',
      '5.要求行政机关确认或重新出具已获取信息',
    ]),
    ...group('（六）其他处理', [
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
    ]),
    line('（七）总计', 2),
  ];
  results[0] = [{ text: '三、本年度办理结果', rowSpan: results.length }, ...results[0]];

  return {
    kind: 'table',
    caption: '三、收到和处理政府信息公开申请情况',
    columnWidths: [1.1, 1.3, 3, 1, 1, 1, 1, 1, 1, 1],
    header: [
      [
        { text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rowSpan: 3, colSpan: 3 },
        { text: '申请人情况', colSpan: 7 },
      ],
      [{ text: '自然人', rowSpan: 2 }, { text: '法人或其他组织', colSpan: 5 }, { text: '总计', rowSpan: 2 }],
      [{ text: '商业企业' }, { text: '科研机构' }, { text: '社会公益组织' }, { text: '法律服务机构' }, { text: '其他' }],
    ],
    rows: [
      line('一、本年新收政府信息公开申请数量', 3),
      line('二、上年结转政府信息公开申请数量', 3),
      ...results,
      line('四、结转下年度继续办理', 3),
    ],
  };
}

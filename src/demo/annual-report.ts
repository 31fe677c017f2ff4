import type { YearContext, YearStats } from './item-kind.ts';
import { heading, p, signature, table } from './body-templates.ts';

/**
 * The body of a 政府信息公开工作年度报告 in the national format (annual-report-format.json): six
 * sections; table 二 counts come from the demo's own items of the report year where known.
 */
/** Cases a demo organ is known to have had (the 住建局's 2020: one application, one reconsideration, one lawsuit). */
export type KnownCases = { withheldProcessInfo: number; reconsiderationUpheld: number; litigationAfterReconsiderationOther: number };

export function annualReportBody(ctx: YearContext, organName: string, reportYear: number, stats: YearStats | null, signedOn: string, known?: KnownCases): string {
  const r = ctx.rng;
  const s: YearStats = stats ?? {
    year: reportYear, total: r.int(300, 420), normativeIssued: r.int(0, 2), normativeRepealed: 0, normativeInForce: r.int(2, 5),
    permits: r.int(40, 90), penalties: r.int(8, 25), interpretations: r.int(10, 20),
  };
  const received = r.int(3, 18);
  const disclosed = r.int(1, Math.max(1, received - 3));
  const partly = r.int(0, Math.min(2, received - disclosed));
  const unable = r.int(0, received - disclosed - partly);
  const other = received - disclosed - partly - unable;
  // The random figures above are still drawn, so the rest of the demo stays the same.
  const t3 = known
    ? [
        ['一、本年新收政府信息公开申请数量', known.withheldProcessInfo], ['二、上年结转政府信息公开申请数量', 0],
        ['三、本年度办理结果：（三）不予公开 6.属于四类过程性信息', known.withheldProcessInfo], ['（七）总计', known.withheldProcessInfo],
        ['四、结转下年度继续办理', 0],
      ]
    : [
        // The demo records no application for this organ-year, so the report states none (the platform counts table 三 from the cases).
        ['一、本年新收政府信息公开申请数量', 0], ['二、上年结转政府信息公开申请数量', 0], ['（七）总计', 0], ['四、结转下年度继续办理', 0],
      ];
  void [received, disclosed, partly, unable, other];
  const t4 = known
    ? `${reportYear}年，本机关发生政府信息公开行政复议案件${known.reconsiderationUpheld}件，结果维持；复议后提起行政诉讼${known.litigationAfterReconsiderationOther}件，法院裁定驳回起诉（其他结果）。`
    : `${reportYear}年，本机关未发生因政府信息公开引起的行政复议和行政诉讼。`;
  const sections = annualReportSections(organName, reportYear, s);
  return [
    p(`本报告根据《中华人民共和国政府信息公开条例》第五十条的规定编制，所列数据的统计期限自${reportYear}年1月1日起至${reportYear}年12月31日止。`),
    heading('一、总体情况'),
    p(sections.一),
    heading('二、主动公开政府信息情况'),
    table(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], [['规章', 0, 0, 0], ['行政规范性文件', s.normativeIssued, s.normativeRepealed, s.normativeInForce]]),
    table(['信息内容', '本年处理决定数量'], [['行政许可', s.permits], ['行政处罚', s.penalties], ['行政强制', 0]]),
    table(['信息内容', '本年收费金额（单位：万元）'], [['行政事业性收费', 0]]),
    heading('三、收到和处理政府信息公开申请情况'),
    table(['项目', '总计'], t3 as (string | number)[][]),
    heading('四、政府信息公开行政复议、行政诉讼情况'),
    p(t4),
    heading('五、存在的主要问题及改进情况'),
    p(sections.五),
    heading('六、其他需要报告的事项'),
    p(sections.六),
    signature(organName, signedOn),
  ].join('\n');
}

/** Sections 一、五、六 of the demo report as its item states them (also the text the seed records in the reports area). */
export function annualReportSections(organName: string, reportYear: number, s: Pick<YearStats, 'total' | 'interpretations'>): { 一: string; 五: string; 六: string } {
  return {
    一: `${reportYear}年，${organName}认真贯彻落实政务公开工作部署，全年主动公开政府信息${s.total}条，其中政策解读${s.interpretations}条。依申请公开工作规范有序，政府信息管理、平台建设和监督保障工作持续加强。`,
    五: '存在的主要问题：一是部分栏目信息更新不够及时；二是政策解读形式较为单一。改进措施：落实信息公开工作月调度制度，丰富图解、问答等解读形式，进一步提升公开质量。',
    六: '本年度未收取信息处理费。人大代表建议和政协提案办理结果均已按规定公开。',
  };
}

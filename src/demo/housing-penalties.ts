/**
 * Violations a county 住建局 punishes, with the provision it cites and the range of the fine. Only
 * provisions whose wording is well known are cited by article; the rest say 有关规定.
 */
export type Violation = {
  short: string;
  facts: string;
  basis: string;
  party: string;
  fine: [number, number];
  /** Only housing estates can sell homes; other violations happen on any site. */
  estateOnly?: boolean;
};

export const VIOLATIONS: Violation[] = [
  {
    short: '未取得施工许可证擅自施工', party: '建设单位',
    facts: '建设单位在未取得建筑工程施工许可证的情况下擅自组织施工',
    basis: '《建设工程质量管理条例》第五十七条', fine: [1.2, 8.6],
  },
  {
    short: '施工工地未采取扬尘防治措施', party: '施工单位',
    facts: '施工工地未对裸露土方进行覆盖，出入口车辆冲洗设施未正常使用',
    basis: '《中华人民共和国大气污染防治法》第一百一十五条', fine: [1, 10],
  },
  {
    short: '未对建筑材料进行检验', party: '施工单位',
    facts: '施工单位未按规定对进场钢筋进行见证取样检测即投入使用',
    basis: '《建设工程质量管理条例》第六十五条', fine: [10, 20],
  },
  {
    short: '未按规定办理竣工验收备案', party: '建设单位',
    facts: '建设单位在工程竣工验收合格之日起15日内未办理竣工验收备案',
    basis: '《房屋建筑和市政基础设施工程竣工验收备案管理办法》第九条', fine: [20, 50],
  },
  {
    short: '未取得预售许可擅自预售商品房', party: '房地产开发企业',
    facts: '房地产开发企业在未取得商品房预售许可证的情况下以认购等名义收取购房款',
    basis: '《城市商品房预售管理办法》及《城市房地产开发经营管理条例》有关规定', fine: [0.5, 3], estateOnly: true,
  },
  {
    short: '未按规定配备专职安全生产管理人员', party: '施工单位',
    facts: '施工现场未按规定配备专职安全生产管理人员',
    basis: '《建设工程安全生产管理条例》第六十二条', fine: [1, 5],
  },
];

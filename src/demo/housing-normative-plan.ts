/**
 * The 规范性文件 of 县住房和城乡建设局 across the demo years. A row with `replaces` repeals the older
 * document: the generator marks the old one 'repealed' and points it at the new one.
 */
export type NormativePlanEntry = {
  id: string;
  year: number;
  /** Month it is signed (发布 follows within days). */
  month: number;
  topicId: string;
  /** The document's name without 《》. */
  name: string;
  /** 办法 / 规定 / 实施细则 … as used in "本办法". */
  docName: string;
  scope: string;
  articles: string[];
  validYears: number;
  /** Its state today, unless a later row replaces it (then 'repealed'). */
  validity: 'valid' | 'amended' | 'expired';
  replaces?: string;
  /**
   * A 修改决定 (关于修改《…》的决定): the plan id of the document it amends, whose validity is 'amended'. Its `articles`
   * are the changes (一、将第六条修改为…), its `name` unused (the title is made from the amended document's).
   */
  amends?: string;
  /** What the new version changes, for the 政策解读's 新旧政策差异. */
  changes?: string;
};

export const HOUSING_NORMATIVE_PLAN: NormativePlanEntry[] = [
  {
    id: 'wyfw-2019', year: 2019, month: 6, topicId: 'wyfw', name: '青岚县住宅专项维修资金管理实施细则', docName: '细则',
    scope: '本县行政区域内商品住宅、售后公有住房住宅专项维修资金的交存、使用、管理和监督',
    articles: [
      '商品住宅的业主应当在办理房屋交付手续前，按照所拥有物业的建筑面积交存首期住宅专项维修资金',
      '住宅专项维修资金实行专户存储、专款专用、所有权人决策、政府监督的原则',
      '住宅共用部位、共用设施设备保修期满后的维修和更新、改造，可以申请使用住宅专项维修资金',
    ],
    validYears: 5, validity: 'valid',
  },
  {
    id: 'yc-2019', year: 2019, month: 9, topicId: 'yc', name: '青岚县建筑工地扬尘污染防治管理规定', docName: '规定',
    scope: '本县行政区域内房屋建筑、市政基础设施、拆除等工程施工活动中的扬尘污染防治',
    articles: [
      '建设单位应当将扬尘污染防治费用列入工程造价，作为安全文明施工措施费单独列支，不得挪作他用',
      '施工单位应当制定扬尘污染防治实施方案，在施工现场出入口公示扬尘污染防治措施、负责人和举报电话',
    ],
    validYears: 5, validity: 'expired',
  },
  {
    id: 'gzf-2020', year: 2020, month: 4, topicId: 'gzf', name: '青岚县公共租赁住房管理办法', docName: '办法',
    scope: '本县行政区域内公共租赁住房的申请、审核、分配、使用、退出及其监督管理',
    articles: [
      '公共租赁住房租金标准按照不高于同地段同类型住房市场租金的一定比例确定，并实行动态调整',
      '承租人累计6个月以上未缴纳租金，经催告仍不缴纳的，应当退回公共租赁住房',
      '承租人不得将所承租的公共租赁住房转借、转租或者擅自调换，不得改变公共租赁住房的用途',
    ],
    validYears: 5, validity: 'valid',
  },
  {
    id: 'zs-2020', year: 2020, month: 6, topicId: 'zs', name: '青岚县国有土地上房屋征收与补偿实施办法', docName: '办法',
    scope: '在本县国有土地上为了公共利益的需要，征收单位、个人的房屋，对被征收房屋所有权人给予公平补偿',
    articles: [
      '县住房和城乡建设局为本县房屋征收部门，县房屋征收服务中心受房屋征收部门委托，承担房屋征收与补偿的具体工作',
      '被征收房屋的价值，由具有相应资质的房地产价格评估机构按照房屋征收评估办法评估确定',
      '被征收人在规定的签约期限内签订补偿协议并按期搬迁的，给予搬迁奖励',
    ],
    validYears: 5, validity: 'valid',
  },
  {
    id: 'wfgz-2020', year: 2020, month: 3, topicId: 'wfgz', name: '青岚县农村危房改造补助资金管理办法', docName: '办法',
    scope: '中央、省、市、县各级财政安排用于本县农村危房改造的补助资金的分配、拨付、使用和监督',
    articles: [
      '补助资金实行专账核算、专款专用，任何单位和个人不得截留、挤占、挪用',
      '补助资金在改造竣工验收合格后，通过财政惠民惠农补贴“一卡通”直接发放到户',
      '乡镇人民政府应当在村务公开栏公示补助对象、改造方式和补助标准，公示期不少于7日',
    ],
    validYears: 5, validity: 'amended',
  },
  {
    id: 'zlts-2020', year: 2020, month: 8, topicId: 'zlts', name: '青岚县住宅工程质量分户验收管理办法', docName: '办法',
    scope: '本县行政区域内新建、改建、扩建住宅工程的质量分户验收',
    articles: [
      '住宅工程竣工验收前，建设单位应当组织施工、监理单位对每一户住宅的观感质量和使用功能进行检查验收',
      '分户验收合格的，建设单位应当在每户住宅内张贴分户验收合格证明',
    ],
    validYears: 5, validity: 'expired',
  },
  {
    id: 'ljxq-2020', year: 2020, month: 10, topicId: 'ljxq', name: '青岚县城镇老旧小区改造实施办法', docName: '办法',
    scope: '本县城区范围内2000年底前建成、失养失修失管、市政配套设施不完善的住宅小区的改造',
    articles: [
      '老旧小区改造内容分为基础类、完善类和提升类，由居民结合小区实际自主选择',
      '改造项目实行居民出资、政府补助、管线单位投资等多渠道筹措资金',
    ],
    validYears: 5, validity: 'valid',
  },
  {
    id: 'nmg-2021', year: 2021, month: 5, topicId: 'nmg', name: '青岚县工程建设领域农民工工资支付管理办法', docName: '办法',
    scope: '本县行政区域内房屋建筑和市政基础设施工程建设领域农民工工资的支付及其监督管理',
    articles: [
      '建设单位应当按照合同约定及时拨付工程款，并将人工费用及时足额拨付至农民工工资专用账户',
      '施工总承包单位应当在工程项目部配备劳资专管员，建立用工管理台账',
    ],
    validYears: 5, validity: 'valid',
  },
  {
    id: 'wyfw-2022', year: 2022, month: 7, topicId: 'wyfw', name: '青岚县住宅专项维修资金管理办法', docName: '办法',
    scope: '本县行政区域内住宅专项维修资金的交存、使用、管理和监督', replaces: 'wyfw-2019',
    articles: [
      '发生危及房屋安全等紧急情况需要立即对住宅共用部位、共用设施设备进行维修的，可以申请应急使用住宅专项维修资金',
      '住宅专项维修资金的交存、使用、增值收益和结存情况，每年至少向业主公布一次',
    ],
    changes: '与原实施细则相比，本办法增加了应急使用程序，将维修资金使用审核时限由15个工作日压缩至5个工作日，并明确了维修资金信息定期公开的要求。原细则同时废止。',
    validYears: 5, validity: 'valid',
  },
  {
    id: 'wfgz-2022', year: 2022, month: 11, topicId: 'wfgz', name: '关于修改《青岚县农村危房改造补助资金管理办法》的决定', docName: '决定',
    scope: '本县农村危房改造补助资金的分配、拨付、使用和监督', amends: 'wfgz-2020',
    articles: [
      '将第五条修改为：“补助资金在改造竣工验收合格后15个工作日内，通过财政惠民惠农补贴‘一卡通’直接发放到户。”',
      '将第六条中的“公示期不少于7日”修改为“公示期不少于10日”',
      '增加一条，作为第七条：“对农村低保户、分散供养特困人员、低保边缘家庭等重点对象，补助标准可以适当提高。”',
    ],
    changes: '本决定将补助资金发放时限明确为竣工验收合格后15个工作日内，对农村低收入群体等重点对象适当提高补助标准，并将补助对象公示期由7日延长至10日；办法的其他规定不变。',
    validYears: 5, validity: 'valid',
  },
  {
    id: 'gzf-2023', year: 2023, month: 5, topicId: 'gzf', name: '青岚县公共租赁住房管理办法', docName: '办法',
    scope: '本县行政区域内公共租赁住房的申请、审核、分配、使用、退出及其监督管理', replaces: 'gzf-2020',
    articles: [
      '将符合条件的新就业无房职工、外来务工人员纳入公共租赁住房保障范围',
      '公共租赁住房申请、审核、轮候、配租全程实行网上办理',
      '承租人不得将所承租的公共租赁住房转借、转租或者擅自调换，不得改变公共租赁住房的用途',
    ],
    changes: '与原办法相比，本办法扩大了保障范围，将新就业无房职工和外来务工人员纳入保障，推行申请审核全程网办，并细化了退出管理规定。原办法同时废止。',
    validYears: 5, validity: 'valid',
  },
  {
    id: 'zs-2024', year: 2024, month: 4, topicId: 'zs', name: '青岚县国有土地上房屋征收与补偿实施办法', docName: '办法',
    scope: '在本县国有土地上为了公共利益的需要，征收单位、个人的房屋，对被征收房屋所有权人给予公平补偿', replaces: 'zs-2020',
    articles: [
      '被征收人选择产权调换的，可以在房屋征收部门提供的安置房源中自主选择',
      '房屋征收部门应当依法建立房屋征收补偿档案，并将分户补偿情况在房屋征收范围内向被征收人公布',
    ],
    changes: '与原办法相比，本办法调整了搬迁奖励和临时安置费标准，增加了安置房源自主选择的规定，并进一步明确了分户补偿信息公开的要求。原办法同时废止。',
    validYears: 5, validity: 'valid',
  },
  {
    id: 'gsrq-2024', year: 2024, month: 9, topicId: 'gsrq', name: '青岚县瓶装液化石油气安全管理办法', docName: '办法',
    scope: '本县行政区域内瓶装液化石油气的充装、储存、运输、供应、使用及其安全管理',
    articles: [
      '瓶装液化石油气经营企业应当取得燃气经营许可证，并在许可的范围内从事经营活动',
      '餐饮等用气场所应当安装可燃气体泄漏报警装置，并与燃气切断装置联动',
    ],
    validYears: 5, validity: 'valid',
  },
  {
    id: 'fdc-2025', year: 2025, month: 6, topicId: 'fdc', name: '青岚县商品房预售资金监督管理办法', docName: '办法',
    scope: '本县行政区域内商品房预售资金的收存、使用和监督管理',
    articles: [
      '商品房预售资金全部存入预售资金监管账户，由监管银行按照工程建设进度拨付使用',
      '重点监管额度内的预售资金应当确保用于有关的工程建设，不得挪作他用',
    ],
    validYears: 5, validity: 'valid',
  },
  {
    id: 'psfl-2026', year: 2026, month: 3, topicId: 'psfl', name: '青岚县城镇排水与污水处理管理办法', docName: '办法',
    scope: '本县城镇规划区内排水与污水处理设施的规划、建设、维护和管理',
    articles: [
      '从事工业、建筑、餐饮、医疗等活动的企业事业单位、个体工商户向城镇排水设施排放污水的，应当申请领取污水排入排水管网许可证',
      '城镇排水主管部门应当组织编制城镇排水与污水处理规划，明确排水与污水处理目标',
    ],
    validYears: 5, validity: 'valid',
  },
];

/**
 * The search relevance corpus: items written for the test, each with a key the queries refer to.
 * Dates differ so "newest first" ties are decided; bodies hold the words the queries look for, in
 * whole words and inside compounds, with the official wording and the everyday one.
 */
export type CorpusItem = {
  key: string; title: string; body: string; on: string; documentNumber?: string; genre?: string; stage?: string; attachment?: { name: string; text: string };
  /** 有效 unless said (valid, amended, repealed, expired). */
  validity?: string;
  /** A 政策解读 (item kind interpretation) of the item with this key, which comes earlier in the list. */
  interprets?: string;
};

export const RELEVANCE_ITEMS: CorpusItem[] = [
  { key: 'fgf', title: '关于已购公有住房（房改房）上市交易有关问题的通知', body: '房改房上市交易应当按规定缴纳土地收益等相关价款。房改政策规定的其他事项按原规定执行。', on: '2024-05-10', documentNumber: '岚建〔2024〕21号' },
  { key: 'wfgz1', title: '2025年农村危房改造补助资金分配公示', body: '根据农村危房改造工作安排，现将补助资金分配情况予以公示，公示期七天。', on: '2025-06-03', genre: '公示', stage: 'result' },
  { key: 'wfgz2', title: '农村危房改造对象认定结果公告', body: '经农户申请、村级评议、乡镇审核，认定危房改造对象一百二十户。', on: '2024-08-19', genre: '公告', stage: 'result' },
  { key: 'wfgz3', title: '关于做好2026年农村危房改造工作的通知', body: '各乡镇：为保障农村低收入群体住房安全，做好危房改造和抗震改造工作，现就有关事项通知如下。', on: '2026-02-11', documentNumber: '岚建〔2026〕63号' },
  { key: 'wf-jd', title: '城镇危房排查整治工作方案', body: '对城镇既有房屋开展安全隐患排查，发现危房及时采取停用、加固等措施。', on: '2023-04-07', genre: '方案' },
  { key: 'yc1', title: '关于加强建筑工地扬尘治理的通知', body: '施工现场应当做到六个百分之百，扬尘治理不到位的项目一律停工整改。', on: '2025-03-15', documentNumber: '岚建〔2025〕12号' },
  { key: 'yc2', title: '城区道路扬尘污染防治工作方案', body: '强化道路保洁，降低道路扬尘，落实渣土运输车辆密闭运输。', on: '2024-11-02', genre: '方案' },
  { key: 'yc3', title: '2023年第三季度建筑施工安全生产检查情况通报', body: '检查发现部分工地扬尘防治措施落实不到位，已责令整改。', on: '2023-10-09', genre: '通报' },
  { key: 'ysxk1', title: '青岚府邸项目商品房预售许可证核发公告', body: '经审查，青岚府邸1号楼符合商品房预售条件，准予核发预售许可证。', on: '2025-09-22', genre: '公告', stage: 'result' },
  { key: 'ysxk2', title: '关于规范商品房预售资金监管的通知', body: '取得预售许可后，开发企业应当将预售资金全部存入监管账户。', on: '2024-03-18' },
  { key: 'xzxkf', title: '中华人民共和国行政许可法宣传活动开展情况', body: '局机关组织学习行政许可法，深化放管服改革。', on: '2022-06-20', genre: '工作动态' },
  { key: 'xzxk', title: '2025年行政许可事项清单', body: '本局实施的行政许可事项共十八项，包括建筑工程施工许可、商品房预售许可等。', on: '2025-01-20', stage: 'service' },
  { key: 'gzf1', title: '2025年第一批公共租赁住房保障资格审核结果公示', body: '经审核，以下申请家庭符合公共租赁住房保障条件，现予公示。', on: '2025-04-16', genre: '公示', stage: 'result' },
  { key: 'gzf2', title: '青岚县公共租赁住房管理办法', body: '为规范公共租赁住房的申请、审核、分配和退出管理，制定本办法。', on: '2023-07-01', documentNumber: '岚政规〔2023〕4号', genre: '其他', stage: 'decision' },
  { key: 'gzf3', title: '公租房租金标准调整的说明', body: '公租房租金按照同地段市场租金的百分之七十确定。', on: '2024-12-05', genre: '解读' },
  { key: 'pg1', title: '2025年棚户区改造项目建设进展情况', body: '全县棚户区改造项目开工八百套，基本建成六百套。', on: '2025-10-12', stage: 'execution' },
  { key: 'pg2', title: '关于加快推进棚改安置房建设的意见', body: '各相关单位要加快棚改安置房建设进度，确保群众早日回迁。', on: '2024-09-09', genre: '意见' },
  { key: 'pg3', title: '城中村及棚户区改造征收补偿方案', body: '征收范围内被征收人可选择货币补偿或者产权调换。', on: '2022-05-23', genre: '方案' },
  { key: 'lj1', title: '老旧小区改造计划', body: '2025年计划改造老旧小区二十个，惠及居民三千户，增设电梯和停车位。', on: '2025-02-27', genre: '计划' },
  { key: 'wy1', title: '物业服务企业信用评价结果', body: '对全县物业服务企业开展信用评价，评价结果向社会公布。', on: '2025-07-30', stage: 'result' },
  { key: 'wxzj', title: '住宅专项维修资金使用管理办法', body: '住宅专项维修资金专项用于住宅共用部位、共用设施设备保修期满后的维修和更新、改造。', on: '2021-11-11', documentNumber: '岚建规〔2021〕2号', stage: 'decision' },
  { key: 'zfgjj', title: '住房公积金缴存基数调整通知', body: '自七月一日起调整住房公积金缴存基数，上限为上年度职工月平均工资的三倍。', on: '2025-06-25' },
  { key: 'bzf', title: '保障性住房建设年度计划', body: '本年度筹集保障性租赁住房五百套。', on: '2024-02-14', genre: '计划' },
  { key: 'jzgc', title: '建筑工程施工许可办理指南', body: '申请领取建筑工程施工许可证，应当具备下列条件。', on: '2023-08-08', stage: 'service' },
  { key: 'zljd', title: '房屋建筑工程质量监督工作要点', body: '加强工程质量监督，严格竣工验收备案。', on: '2022-03-03' },
  { key: 'aqsc1', title: '建筑施工安全生产专项整治三年行动实施方案', body: '聚焦深基坑、高支模、起重机械等危险性较大的分部分项工程。', on: '2020-06-12', genre: '方案', documentNumber: '岚建〔2020〕13号' },
  { key: 'aqsc2', title: '关于开展燃气安全专项检查的通知', body: '对城镇燃气经营企业和餐饮场所开展燃气安全专项检查。', on: '2024-04-22', documentNumber: '岚建〔2024〕8号' },
  { key: 'gs1', title: '关于4月14日青云路片区临时停水的通知', body: '因供水管网改造，青云路片区将于4月14日临时停水。', on: '2025-04-12', genre: '通知' },
  { key: 'szgs', title: '2024年第二季度城区供水水质信息公示', body: '出厂水和管网水各项指标均符合生活饮用水卫生标准。', on: '2024-07-15', genre: '公示' },
  { key: 'zs1', title: '关于解放路北侧片区项目房屋征收决定的公告', body: '为实施旧城区改建，决定对解放路北侧片区范围内的房屋予以征收。', on: '2023-12-20', genre: '公告', documentNumber: '岚政征〔2023〕5号' },
  { key: 'zs2', title: '国有土地上房屋征收与补偿工作情况', body: '全年完成房屋征收一百八十户，补偿资金全部到位。', on: '2024-01-30' },
  { key: 'cf1', title: '行政处罚决定书（未取得施工许可证擅自施工）', body: '当事人未取得施工许可证擅自施工，违反了《建筑法》第七条，决定罚款。', on: '2025-05-06', genre: '其他', stage: 'result', documentNumber: '岚建罚决〔2025〕15号' },
  { key: 'cf2', title: '行政处罚决定书（未按规定配备专职安全生产管理人员）', body: '当事人未按规定配备专职安全生产管理人员，依法给予行政处罚。', on: '2019-09-16', genre: '其他', stage: 'result', documentNumber: '岚建罚决〔2019〕15号' },
  { key: 'ys1', title: '县住建局2025年部门预算', body: '本部门2025年收支预算总额三千二百万元，其中“三公”经费预算二十万元。', on: '2025-02-10', stage: 'management' },
  { key: 'js1', title: '县住建局2024年部门决算', body: '2024年度收入决算三千一百万元，支出决算三千万元。', on: '2025-08-20', stage: 'management' },
  { key: 'ndbg', title: '县住建局2025年政府信息公开工作年度报告', body: '本报告依据《中华人民共和国政府信息公开条例》编制，全年主动公开政府信息五百条，收到依申请公开一百件。', on: '2026-01-25', genre: '报告' },
  { key: 'ysqgk', title: '依申请公开政府信息办理流程', body: '申请人可以通过网络、信函或者当面提交政府信息公开申请。', on: '2021-03-01', stage: 'service' },
  { key: 'sjs', title: '2025年“双随机、一公开”抽查计划', body: '随机抽取检查对象、随机选派执法检查人员，抽查结果及时公开。', on: '2025-03-03', genre: '计划' },
  { key: 'yshj', title: '关于进一步优化营商环境的若干措施', body: '压缩工程建设项目审批时间，推行告知承诺制。', on: '2024-06-06', documentNumber: '岚政办〔2024〕11号', genre: '意见', stage: 'decision' },
  { key: 'jd-yshj', title: '《关于进一步优化营商环境的若干措施》政策解读', body: '一、出台背景。二、主要内容：压缩审批时间，推行告知承诺制。', on: '2024-06-08', genre: '解读' },
  { key: 'dt1', title: '县住建局召开公共租赁住房管理工作推进会', body: '会议要求加快公租房分配入住，提高房源使用效率。', on: '2023-09-19', genre: '工作动态' },
  { key: 'lhzl', title: '城区绿化养护管理考核办法', body: '对城区公园绿地、道路绿化的养护质量进行月度考核。', on: '2022-10-10' },
  { key: 'ljfl', title: '生活垃圾分类工作实施方案', body: '推行生活垃圾分类投放、分类收集、分类运输、分类处理。', on: '2021-05-18', genre: '方案' },
  { key: 'hcgl', title: '城市户外广告设施设置管理规定', body: '设置户外广告设施应当符合城市规划和容貌标准。', on: '2020-09-09' },
  { key: 'ws1', title: '城区污水处理厂提标改造工程环境影响评价公示', body: '污水处理厂提标改造后出水达到一级A标准。', on: '2022-12-01', genre: '公示' },
  { key: 'jyzh', title: '2024年城区义务教育学校招生录取情况公告', body: '城区义务教育学校共招收一年级新生二千名。', on: '2024-08-28', genre: '公告' },
  { key: 'kzgz', title: '农房抗震改造技术导则', body: '农房抗震改造应当遵循安全适用、经济合理的原则。', on: '2021-07-07' },
  { key: 'fwgz', title: '城区危旧房屋改造项目公示', body: '对城区危旧房屋实施改造，涉及居民八十户。', on: '2023-06-14', genre: '公示' },
  { key: 'zjgl', title: '房地产中介服务机构备案公告', body: '以下房地产经纪机构已完成备案，现予公告。', on: '2025-11-18', genre: '公告' },
  { key: 'bdcdj', title: '不动产登记便民服务实施计划', body: '推行不动产登记“一窗受理、并行办理”，压缩登记时间。', on: '2019-04-04', genre: '计划' },
  { key: 'fj1', title: '2025年建筑市场执法检查结果通报', body: '本次检查发现问题的企业名单详见附件。', on: '2025-12-09', genre: '通报', attachment: { name: '检查发现问题企业名单.txt', text: '序号\t企业名称\t问题\n1\t青岚县鼎盛建筑劳务有限公司\t未签订劳动合同\n2\t青岚县恒远钢结构有限公司\t特种作业人员无证上岗' } },
  { key: 'fj2', title: '2024年度建筑业企业资质核查情况', body: '核查情况详见附件。', on: '2025-01-08', attachment: { name: '资质核查情况表.txt', text: '被核查企业：青岚县宏图市政工程有限公司，核查结论：资质条件符合要求。' } },
  { key: 'sjzc', title: '关于印发《青岚县城镇供水和燃气安全三年行动方案（2020—2022年）》的通知', body: '现将行动方案印发给你们，请认真贯彻执行。', on: '2020-03-30', documentNumber: '岚建〔2020〕3号' },
  { key: 'xzgfxwj', title: '青岚县建筑垃圾管理办法', body: '建筑垃圾实行减量化、资源化、无害化处理。', on: '2022-08-15', documentNumber: '岚政规〔2022〕1号', stage: 'decision' },
  { key: 'old-repeal', title: '青岚县建筑垃圾管理暂行办法', body: '本办法自发布之日起施行。', on: '2019-02-02', documentNumber: '岚政规〔2019〕2号', stage: 'decision' },
  { key: 'zxzz', title: '住宅小区电动自行车充电设施建设指引', body: '新建住宅小区应当同步建设电动自行车集中充电设施。', on: '2024-10-21' },
  { key: 'rqaq', title: '瓶装液化石油气安全管理规定', body: '瓶装燃气经营企业应当建立气瓶信息追溯系统。', on: '2023-02-20' },
  { key: 'jgzl', title: '既有建筑加装电梯实施意见', body: '鼓励既有住宅加装电梯，财政给予每台十万元补助。', on: '2022-11-29', genre: '意见' },
  { key: 'sgxk-en', title: 'BIM技术应用试点项目名单', body: '以下项目列为BIM技术应用试点，推进工程建设数字化。', on: '2024-05-28' },
  { key: 'zdxm', title: '2025年12月城建重点工程项目建设进展情况', body: '青云路改造工程完成投资百分之八十。', on: '2026-01-05' },
  { key: 'hjbh', title: '建设项目环境保护设施竣工验收公示', body: '项目配套建设的环境保护设施已完成验收。', on: '2023-11-11', genre: '公示' },
  { key: 'dbzx', title: '最低生活保障家庭住房救助实施细则', body: '对城镇最低生活保障家庭实行公共租赁住房实物配租。', on: '2022-01-17' },
  // A policy, the notices about its drafts, its 政策解读 and a news item naming it: the policy's name finds the policy first.
  { key: 'zl-zqyj1', title: '关于公开征求《青岚县住房租赁市场管理实施办法（征求意见稿）》意见的公告', body: '为规范住房租赁行为，我局起草了《青岚县住房租赁市场管理实施办法（征求意见稿）》，现向社会公开征求意见。', on: '2025-03-03', genre: '公告', stage: 'decision' },
  { key: 'zl-zqyj2', title: '《青岚县住房租赁市场管理实施办法（征求意见稿）》征求意见采纳情况的说明', body: '征求意见期间共收到意见十二条，采纳七条。', on: '2025-05-12', genre: '其他', stage: 'decision' },
  { key: 'zl-zc', title: '关于印发《青岚县住房租赁市场管理实施办法》的通知', body: '现将《青岚县住房租赁市场管理实施办法》印发给你们，请认真贯彻执行。', on: '2025-06-20', documentNumber: '岚建规〔2025〕3号', stage: 'decision' },
  { key: 'zl-jd', title: '《青岚县住房租赁市场管理实施办法》政策解读', body: '一、起草背景。二、主要内容：住房租赁合同网签备案，租赁企业信息公示。', on: '2025-06-21', genre: '解读', stage: 'decision', interprets: 'zl-zc' },
  { key: 'zl-news', title: '县住建局召开住房租赁市场管理实施办法宣贯会', body: '会议解读了办法的主要内容，要求各租赁企业按办法规范经营。', on: '2025-07-08', genre: '工作动态' },
  // A policy whose whole title is its name, and its 政策解读 published a day later.
  { key: 'wysf', title: '关于进一步规范住宅小区物业收费管理工作的通知', body: '各物业企业应当在小区显著位置公示收费项目和标准。', on: '2024-10-08', documentNumber: '岚建〔2024〕30号', stage: 'decision' },
  { key: 'wysf-jd', title: '《关于进一步规范住宅小区物业收费管理工作的通知》政策解读', body: '一、出台背景。二、主要内容：收费项目和标准应当公示。', on: '2024-10-09', genre: '解读', stage: 'decision', interprets: 'wysf' },
  // Two items equal for a query but for their validity: the one in force first, though older.
  { key: 'by1', title: '城市房屋白蚁防治管理规定实施细则', body: '新建房屋应当实施白蚁预防处理。', on: '2021-04-12', stage: 'decision' },
  { key: 'by2', title: '城市房屋白蚁防治收费标准', body: '白蚁预防处理费按建筑面积收取。', on: '2023-05-06', stage: 'decision', validity: 'repealed' },
  // A policy cited by its 文号 in other items' text, once as numbered (岚建〔2026〕58号) and once with 第 (岚建〔2026〕第58号).
  { key: 'wh58', title: '青岚县城市桥梁安全检测管理办法', body: '为加强城市桥梁安全管理，保障通行安全，制定本办法。', on: '2026-02-03', documentNumber: '岚建〔2026〕58号', genre: '其他', stage: 'decision' },
  { key: 'wh58-jd', title: '《青岚县城市桥梁安全检测管理办法》政策解读', body: '一、出台依据。《青岚县城市桥梁安全检测管理办法》（岚建〔2026〕58号）已印发。二、主要内容：城市桥梁每年至少检测一次。', on: '2026-02-04', genre: '解读', stage: 'decision', interprets: 'wh58' },
  { key: 'wh58-news', title: '县住建局开展城区桥梁安全检测', body: '按照《青岚县城市桥梁安全检测管理办法》（岚建〔2026〕第58号）要求，对城区桥梁逐座检测。', on: '2026-03-02', genre: '工作动态' },
  // The official word inside a longer phrase: a reader types 拆迁补偿 (third citizen tester).
  { key: 'zsbc', title: '城南片区项目房屋征收补偿结果公告', body: '城南片区项目房屋征收补偿款已全部发放到户，现将补偿结果予以公告。', on: '2025-09-03', genre: '公告', stage: 'result' },
  // A service guide revised under the same name with the edition after it: the current edition first for the name.
  { key: 'gzfzn-2019', title: '公共租赁住房申请办事指南', body: '公共租赁住房申请应当提交身份证明、户籍证明和收入证明。', on: '2019-09-16', stage: 'service' },
  { key: 'gzfzn-2024', title: '公共租赁住房申请办事指南（2024年修订）', body: '公共租赁住房申请可以在网上提交，无需提交户籍证明。', on: '2024-08-07', stage: 'service' },
  // Service guides whose titles lack a word of the question (补助) or its action (办理): a question how or where to do
  // something ranks them first (ADR 0053), plain keywords below the titles holding every keyword.
  { key: 'wfgz-zn', title: '农村危房改造申请办事指南（2021年修订）', body: '申请条件：现住房经鉴定为C级或者D级危房的农村低收入群体。补助资金按审批结果拨付到户。办理流程：农户申请、村级评议、乡镇审核、县级审批。', on: '2021-09-10', genre: '其他', stage: 'service' },
  { key: 'fwjd-zn', title: '房屋安全鉴定办事指南', body: '办理地点：县政务服务中心住建窗口。房屋安全鉴定由房屋所有权人或者使用人提出。', on: '2022-06-06', genre: '其他', stage: 'service' },
  { key: 'zb1', title: '城东安置小区二期工程施工招标公告', body: '本工程采用公开招标方式，欢迎具备相应资质的单位参加投标，投标文件递交截止时间见招标文件。', on: '2025-04-18', genre: '公告' },
  // An attachment laid out like a PDF's text layer, the words looked for far from its start and spaced apart.
  { key: 'fj-pdf', title: '2025年房屋安全鉴定机构名录', body: '名录详见附件。', on: '2025-12-15', genre: '公告', attachment: { name: '房屋安全鉴定机构名录.txt', text: '青岚县房屋安全鉴定机构名录（2025年）\n序号  机构名称  地址  联系电话\n1  青岚县建设工程质量检测中心  岚城街道建设路18号  0000-1234567\n2  青岚县华建房屋安全鉴定有限公司  岚城街道文昌路6号  0000-7654321\n3  青岚县正衡工程技术咨询有限公司  青云镇青云路20号  0000-2345678\n第 1 页 共 2 页' } },
];

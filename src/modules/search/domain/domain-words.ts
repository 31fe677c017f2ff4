/**
 * The words of government disclosure that people search for, known to 您是不是要找 (domain/typo-suggestion.ts) as
 * jieba's dictionary words are: many are not in that dictionary (扬尘, 棚改, 公租房, 预售许可, 网签, 维修资金 — it
 * was compiled from general text), so a keyword typed with a wrong character of one of them (杨尘 for 扬尘) had no
 * word to be corrected to (issue 13; ADR 0033).
 *
 * Where they come from: the 事项 and columns of the 基层政务公开标准目录 our templates follow (docs/standard-directories.md:
 * 保障性住房, 国有土地上房屋征收与补偿, 农村危房改造, 市政服务, 重大建设项目, 城市综合执法), the subjects a housing and
 * construction bureau publishes on (the terms of bench/search-data.ts, which were drawn from the same templates and
 * titles; the product reads this list, never bench/), and the everyday words citizens type for them (棚改, 网签,
 * 公租房, 加装电梯). Kept small and explicit, as the synonym groups are (domain/synonyms.ts, also known words): a word
 * here only lets a keyword be corrected to it, it never changes what a search matches. Words of two to eight
 * characters; a phrase made of two of them (扬尘治理) is listed only when people type it as one.
 */
export const DOMAIN_WORDS: readonly string[] = `
扬尘 扬尘治理 扬尘污染 扬尘防治 渣土 渣土车 建筑垃圾 生活垃圾 垃圾分类 污水处理 黑臭水体 海绵城市 地下管网 综合管廊
危房 危房改造 农村危房改造 危房鉴定 抗震改造 农房 农房建设 传统村落 人居环境 厕所革命 乡村振兴
棚改 棚户区 棚户区改造 老旧小区 老旧小区改造 城中村 城中村改造 城市更新 历史建筑 风貌保护
公租房 廉租房 保障房 保障性住房 保障性租赁住房 共有产权住房 经适房 经济适用房 人才公寓 租赁补贴 住房补贴 住房保障
轮候 配租 摇号 实物配租 租金减免 住房困难 低收入 住房租赁 租赁市场 租赁备案
住房公积金 公积金 公积金贷款 公积金提取 缴存基数 缴存比例
商品房 二手房 预售许可 预售许可证 商品房预售 预售资金 预售资金监管 网签 网签备案 房地产开发 房地产经纪 房屋交易 存量房
不动产登记 不动产权证 房产证 产权证 办证难
公摊 公摊面积 群租 群租房 物业 物业服务 物业服务费 物业费 物业管理 业主委员会 业委会 维修资金 维修基金 专项维修资金
加装电梯 加梯 既有住宅加装电梯 电梯加装 电梯安全 燃气安全 燃气管道 供水 排水 供热 路灯 停车场 充电桩 充电设施 无障碍设施
房屋征收 征收补偿 征收决定 补偿方案 货币补偿 产权调换 安置房 拆迁 拆迁安置 违法建设 违建 违章建筑 违法建筑 城市综合执法 城管
施工许可 规划许可 竣工验收 消防验收 质量监督 安全生产 安全监督 工程质量 建筑市场 建筑施工 施工单位 建设单位
招标投标 招投标 工程造价 劳务实名制 农民工工资 欠薪 讨薪 工资保证金 信用评价 黑名单 红黑榜
绿色建筑 装配式建筑 建筑节能 节能改造 智慧工地 市政设施 园林绿化 道路养护 重大建设项目
行政许可 行政处罚 行政检查 行政强制 双随机 双随机一公开 告知承诺 一网通办 政务服务 营商环境
信息公开 政府信息公开 依申请公开 主动公开 公开指南 公开目录 年度报告 政务公开 标准目录
部门预算 部门决算 三公经费 政府采购 专项资金 补助资金 资金分配 绩效评价 审计整改 财政补贴
隐患排查 专项整治 防汛 应急管理 应急预案 督查 约谈 问责 整改
低保 最低生活保障 医保 社保 养老保险 失业保险 义务教育 招生范围 学区 施教区
`.split(/\s+/).filter(Boolean);

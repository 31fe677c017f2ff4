/**
 * The generic words of 公文: words that name what is done or said about a subject (发放, 交易, 名单, 情况, 工作, 管理 …),
 * never the subject itself. A fewer-keywords offer made of these alone (search-offers.ts, fewerWordsOffers) has dropped
 * every word of what was asked: an outside tester (issue 13) searched 养老金发放 and was shown 发放's 196 items, the
 * first 普通高中国家助学金发放情况; 二手房交易 showed 交易's 185, the first 内设机构及主要职责. Such an offer stays a link
 * (减少检索词), after every offer that keeps a subject, and its items are never shown in place of none.
 *
 * A hand list, not a share of the index: in the demo 公租房 (a subject) is in 263 items and 发放 (generic) in 196 — how
 * common a word is in a county's disclosure says what the county publishes about, not whether the word names a subject;
 * and a count of the whole scope would be one more count per search. The list is the vocabulary of titles (事由) and
 * genres (文种) of the 党政机关公文格式 and of disclosure columns; a subject word is never in it. Kept small and explicit,
 * as the synonym groups are (domain/synonyms.ts).
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(`
发放 交易 名单 情况 工作 管理 服务 信息 有关 关于 相关 事项 问题 结果 内容 措施 要求 意见 建议 通知 公告 公示 通报 决定
办法 规定 细则 方案 计划 规划 总结 报告 汇报 说明 解读 答复 批复 函 会议 纪要 活动 开展 加强 推进 落实 实施 执行 做好
进一步 全面 专项 项目 资金 经费 标准 制度 机制 体系 建设 发展 改革 整治 治理 检查 监督 考核 评估 统计 数据 年度 上半年
下半年 季度 月份 本年 全年 目录 清单 指南 流程 申请 办理 查询 公开 发布 通告 公布 征求 调整 变更 登记 审核 审批 核查 认定
`.split(/\s+/).filter(Boolean));

/** Whether every word of an offered query is a generic word of 公文 (none names a subject): 发放, 工作 情况. */
export function genericOnly(q: string): boolean {
  const words = q.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => GENERIC_WORDS.has(w));
}

/** The offers that keep a subject first, those of generic words only after them, each part in the order given. */
export function subjectFirst<T extends { q: string }>(offers: T[]): T[] {
  return [...offers.filter((o) => !genericOnly(o.q)), ...offers.filter((o) => genericOnly(o.q))];
}

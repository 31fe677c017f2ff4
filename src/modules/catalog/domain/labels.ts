/** Codes used in the database, the API and the code, with the Chinese label the UI shows. */
export const DISCLOSURE_STAGES = ['decision', 'execution', 'management', 'service', 'result'] as const;
export type DisclosureStage = (typeof DISCLOSURE_STAGES)[number];
export const STAGE_LABELS: Record<DisclosureStage, string> = {
  decision: '决策公开',
  execution: '执行公开',
  management: '管理公开',
  service: '服务公开',
  result: '结果公开',
};

// 公开属性源头认定 (国办发〔2016〕80号): decided at drafting time.
export const DISCLOSURE_MODES = ['proactive', 'on_application', 'withheld'] as const;
export type DisclosureMode = (typeof DISCLOSURE_MODES)[number];
export const DISCLOSURE_MODE_LABELS: Record<DisclosureMode, string> = {
  proactive: '主动公开',
  on_application: '依申请公开',
  withheld: '不予公开',
};

export const DISCLOSURE_PERIODS = ['long_term', 'time_limited'] as const;
export type DisclosurePeriod = (typeof DISCLOSURE_PERIODS)[number];
export const DISCLOSURE_PERIOD_LABELS: Record<DisclosurePeriod, string> = { long_term: '长期公开', time_limited: '限时公开' };

export const AUDIENCES = ['public', 'specific'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, string> = { public: '面向社会', specific: '面向特定对象' };

export const VALIDITIES = ['valid', 'amended', 'repealed', 'expired'] as const;
export type Validity = (typeof VALIDITIES)[number];
export const VALIDITY_LABELS: Record<Validity, string> = { valid: '有效', amended: '已修改', repealed: '已废止', expired: '已失效' };

// Table 二 of the annual report counts 规章 and 行政规范性文件 (条例第二十条第（一）项).
export const DOC_TYPES = ['regulation', 'normative_document', 'other'] as const;
export type DocType = (typeof DOC_TYPES)[number];
export const DOC_TYPE_LABELS: Record<DocType, string> = { regulation: '规章', normative_document: '行政规范性文件', other: '其他' };

// Changed only through the review workflow's verbs (src/modules/review/domain/review-workflow.ts).
export const PUBLICATION_STATUSES = ['draft', 'in_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export const PUBLICATION_STATUS_LABELS: Record<PublicationStatus, string> = {
  draft: '草稿', in_review: '审核中', returned: '已退回修改', approved: '审核通过待发布', scheduled: '定时发布', published: '已发布', withdrawn: '已撤回',
};

// The 8 grounds of 条例第十四、十五、十六条 and 第三十六条第（七）项, keyed like the annual report rows.
export const WITHHELD_REASONS = {
  'withheld.state_secret': '属于国家秘密',
  'withheld.prohibited_by_law': '其他法律行政法规禁止公开',
  'withheld.three_securities_one_stability': '危及“三安全一稳定”',
  'withheld.third_party_rights': '保护第三方合法权益',
  'withheld.internal_affairs': '属于三类内部事务信息',
  'withheld.process_information': '属于四类过程性信息',
  'withheld.enforcement_case_file': '属于行政执法案卷',
  'withheld.administrative_inquiry': '属于行政查询事项',
} as const;
export type WithheldReason = keyof typeof WITHHELD_REASONS;

export const ORGAN_KINDS = ['government', 'department', 'unit'] as const;
export type OrganKind = (typeof ORGAN_KINDS)[number];
export const ORGAN_KIND_LABELS: Record<OrganKind, string> = { government: '人民政府', department: '政府部门', unit: '二级机构' };

// 体裁: the 15 公文 types of 党政机关公文处理工作条例 (2012) plus common non-公文 genres.
export const GENRES = [
  '决议', '决定', '命令（令）', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要',
  '规划', '计划', '方案', '公示', '解读', '工作动态', '统计信息', '其他',
] as const;

export const SUBJECTS = [
  '城乡建设、环境保护', '综合政务', '国民经济管理、国有资产监管', '财政、金融、审计', '国土资源、能源', '农业、林业、水利',
  '工业、交通', '商贸、海关、旅游', '市场监管、安全生产监管', '劳动、人事、监察', '公安、安全、司法', '民政、扶贫、救灾',
  '卫生、体育', '科技、教育', '文化、广电、新闻出版', '其他',
] as const;

/** Coded reasons a published item is withdrawn (撤回), shown on its address (HTTP 410) and in the API. */
export const WITHDRAW_REASONS = {
  published_in_error: '误发布',
  contains_personal_data: '含有个人信息',
  contains_sensitive_content: '含有不宜公开的内容',
  superseded: '已被新信息取代',
  expired: '已过公开时限',
  other: '其他原因',
} as const;
export type WithdrawReason = keyof typeof WITHDRAW_REASONS;

/**
 * What each recorded action is called in Chinese, for the people who read the audit log
 * (/admin/audit). The codes are what the areas write (`area.verb`); an action missing here is shown
 * by its raw code, so a new action is never hidden — add its label here when adding it.
 */
export const ACTION_GROUPS: { code: string; label: string }[] = [
  { code: 'publication', label: '信息发布与审核' },
  { code: 'attachment', label: '附件' },
  { code: 'review_form', label: '保密审查表' },
  { code: 'catalog_node', label: '目录栏目' },
  { code: 'organ', label: '机关' },
  { code: 'user', label: '用户账号' },
  { code: 'auth', label: '登录与两步验证' },
  { code: 'api_token', label: 'API 令牌' },
  { code: 'application', label: '依申请公开' },
  { code: 'appeal', label: '复议诉讼' },
  { code: 'letter', label: '部门信箱' },
  { code: 'consultation', label: '意见征集' },
  { code: 'proposal', label: '建议提案' },
  { code: 'annual_report', label: '年度报告' },
  { code: 'supervision', label: '监督检查' },
  { code: 'audit', label: '审计日志' },
];

const REVIEW_VERBS: Record<string, string> = {
  submit: '报送审核', approve: '审核通过', return_for_changes: '退回修改', schedule: '定时发布', unschedule: '取消定时',
  publish: '发布', force_publish: '紧急发布', approve_retrospectively: '补充审核', withdraw: '撤回', repeal: '废止', amend: '修订',
  recall_submission: '撤回报送', approve_amendment: '修订审核通过', return_amendment: '退回修订', apply_mask: '应用建议遮盖',
  mark_amended: '标记已修改', withdraw_amendment: '撤回修订', create: '新建信息', update: '修改信息', import: '导入信息', lapse: '到期失效', lapse_lifted: '有效期延后，恢复有效',
};
const APPLICATION_VERBS: Record<string, string> = {
  submit_online: '网上提交申请', register: '登记申请', confirmReceipt: '确认收到申请', discard: '不予登记', startReview: '开始审核',
  startProcessing: '转入办理', requestCorrection: '告知补正', receiveCorrection: '收到补正', closeCorrectionOverdue: '逾期未补正，终止处理',
  startConsultation: '征求意见', endConsultation: '意见征询结束', notifyThirdParty: '书面告知第三方决定公开', requestReasons: '要求说明申请理由',
  setDelayedReply: '确定延迟答复期限', extendDeadline: '延期答复', issueFeeNotice: '发出收费通知', recordFeePayment: '登记缴费',
  closeFeeUnpaid: '逾期未缴费，终止处理', recordReply: '答复', archive: '归档', withdraw: '撤回申请', record_service: '登记送达',
  reset_query_code: '重置查询码', flag_proactive: '建议转为主动公开', import: '导入申请台账',
  'record_correction.register': '登记更正申请', 'record_correction.correct': '更正申请：予以更正', 'record_correction.decline': '更正申请：不予更正',
  'record_correction.transfer': '更正申请：转送有权机关', 'record_correction.refer': '更正申请：告知向有权机关提出',
};
const LETTER_VERBS: Record<string, string> = {
  submit: '收到来信', assign: '交办', transfer: '转办', reply: '答复', approveReply: '审核通过答复', returnReply: '退回答复', notAccept: '不予受理',
  recordUnitOpinion: '报送办理意见', recordFollowUp: '记录跟进', attachPhoto: '上传跟进照片', rate: '评价', withdrawPublication: '撤下公开',
  republish: '重新公开', editPublicText: '修改公开版本', reset_query_code: '重置查询码', settings: '修改信箱设置',
};
const PROPOSAL_VERBS: Record<string, string> = {
  register: '登记建议提案', edit: '修改登记信息', reply: '答复', recordSatisfaction: '记录满意度', publish: '公开办理结果', withhold: '不予公开',
  cancel: '撤销登记', settings: '修改建议提案设置',
};
const REPORT_VERBS: Record<string, string> = {
  open: '新建年度报告', edit: '保存正文', redraft: '按数据重新起草', submit: '提交审核', return: '退回修改', publish: '发布', correct: '发起更正',
  inputs: '填写报告数据', carried_out: '填写工作情况', inputs_csv: '导入报告数据',
};

const prefixed = (area: string, verbs: Record<string, string>, prefix = '') =>
  Object.fromEntries(Object.entries(verbs).map(([verb, label]) => [`${area}.${verb}`, `${prefix}${label}`]));

export const ACTION_LABELS: Record<string, string> = {
  ...prefixed('publication', REVIEW_VERBS),
  ...prefixed('application', APPLICATION_VERBS, '依申请公开：'),
  ...prefixed('letter', LETTER_VERBS, '信件：'),
  ...prefixed('proposal', PROPOSAL_VERBS, '建议提案：'),
  ...prefixed('annual_report', REPORT_VERBS, '年度报告：'),
  'attachment.add': '上传附件', 'attachment.remove': '删除附件', 'attachment.keep': '修订时保留附件', 'attachment.title': '修改附件名称',
  'review_form.fill': '填写保密审查表', 'review_form.clear': '清空保密审查表', 'review_chain.save': '修改审核流程', 'submission_task.create': '新建报送任务',
  'catalog_node.add': '新增栏目', 'catalog_node.update': '修改栏目', 'catalog_node.remove': '删除栏目', 'catalog_node.import': '导入时新建栏目',
  'catalog_node.move_up': '栏目上移', 'catalog_node.move_down': '栏目下移', 'catalog_node.rename': '栏目改名', 'catalog_node.move': '移动栏目',
  'catalog_node.merge': '合并栏目', 'catalog_node.split': '拆分栏目', 'catalog.standard_directory_import': '导入标准目录',
  'organ.create': '新建机关', 'organ.update': '修改机关设置', 'organ.move': '调整机关隶属',
  'site_identity.save': '修改网站标识', 'interpretation_setting.save': '修改政策解读设置', 'reminder_address.set': '设置提醒邮箱',
  'word_list.create': '新建敏感词表', 'word_list.update': '修改敏感词表', 'calendar.year_save': '保存节假日安排',
  'user.create': '新建用户', 'user.activate': '重新启用账号', 'user.deactivate': '停用账号', 'user.reset_password': '重置密码',
  'user.change_password': '修改本人密码', 'user.grant_role': '授予角色', 'user.revoke_role': '收回角色',
  'auth.login': '登录', 'auth.login_recovery_code': '用恢复码登录', 'auth.password_ok': '密码正确，待输入验证码', 'auth.login_failed': '登录失败',
  'auth.2fa_failed': '验证码错误', 'auth.2fa_enable': '开启两步验证', 'auth.2fa_disable': '关闭两步验证', 'auth.2fa_recovery_codes': '重新生成恢复码',
  'auth.2fa_reset': '重置两步验证', 'auth.2fa_policy': '设置两步验证要求', 'auth.2fa_secret_unreadable': '两步验证密钥无法读取',
  'api_token.create': '创建 API 令牌', 'api_token.revoke': '撤销 API 令牌',
  'application_settings.save': '修改依申请公开设置', 'letter_template.save': '修改文书模板', 'letter_template.reset': '恢复默认文书模板',
  'appeal.record': '登记复议诉讼', 'appeal.decide': '登记复议诉讼结果', 'appeal.import': '导入复议诉讼台账',
  'consultation.open': '发起意见征集', 'consultation.comment': '收到意见', 'consultation.comment.approve': '意见审核通过（公开）', 'consultation.comment.reject': '意见不予公开',
  'consultation.feedback': '公布意见采纳情况', 'consultation.file_add': '上传征集材料', 'consultation.file_remove': '删除征集材料',
  'supervision.node_set': '设置栏目更新要求', 'supervision.wording_rule_added': '新增严重表述错误', 'supervision.wording_rule_removed': '删除严重表述错误',
  'audit.rekey': '启用审计日志密钥', 'audit.key_lost': '记录审计日志密钥丢失',
  'demo.seed': '载入演示数据', 'demo.seed_report_data': '载入演示年报数据', 'demo.proposals': '载入演示建议提案',
};

/**
 * The changes made to a staff account (its target `user` N), by its administrator or by its holder. Each is
 * recorded against the account's organ since 2026-12-07; one written before records none, and the hash chain
 * covers the organ, so it is never filled in: an organ's readers see these entries of every account that holds
 * a role in their organs now, whatever organ the entry records (storage's audit-reading.ts). Sign-in events
 * (auth.login, auth.login_failed …) are not changes of the account: they stay the system administrator's.
 */
export const ACCOUNT_CHANGE_ACTIONS: readonly string[] = [
  'user.create', 'user.activate', 'user.deactivate', 'user.reset_password', 'user.change_password', 'user.grant_role', 'user.revoke_role',
  'auth.2fa_enable', 'auth.2fa_disable', 'auth.2fa_recovery_codes', 'auth.2fa_reset',
];

/** The Chinese name of an action; an action without one is shown by its code, never hidden. */
export function actionLabel(code: string): string {
  return ACTION_LABELS[code] ?? code;
}

/** What kind of thing an entry is about (its `entity_type`), in Chinese; unknown kinds by their code. */
export const ENTITY_LABELS: Record<string, string> = {
  publication: '信息', catalog_node: '目录栏目', organ: '机关', user: '用户', api_token: 'API 令牌', application: '政府信息公开申请',
  application_letter: '申请文书', application_settings: '依申请公开设置', letter_template: '文书模板', record_correction: '更正申请', appeal: '复议诉讼',
  letter: '来信', consultation: '意见征集', proposal: '建议提案', annual_report: '年度报告', submission_task: '报送任务', wording_rule: '严重表述错误',
  site_identity: '网站标识', holiday_year: '节假日安排', word_list: '敏感词表', region: '区域', audit: '审计日志',
  annual_report_inputs: '年度报告数据',
};

/**
 * The kinds of target sometimes recorded by a code, not a number: the filter takes their code as well — `site` /
 * `organ:3`, an organ's code (区域, and an organ in the demo data's entries), `chain`, `code/2026`, and the account
 * name a failed sign-in of no such account records (so an auditor can follow one).
 */
export const CODE_KEYED_TYPES: readonly string[] = ['site_identity', 'region', 'audit', 'annual_report_inputs', 'organ', 'user'];

export const entityLabel = (type: string): string => ENTITY_LABELS[type] ?? type;

/** The back-office page of an entry's target, where it has one (by its recorded id); null otherwise. */
export function targetHref(type: string, id: string): string | null {
  if (!/^[1-9]\d{0,11}$/.test(id)) return null;
  return Object.hasOwn(TARGET_PAGES, type) ? `${TARGET_PAGES[type as LinkedType]}${id}` : null;
}

/** The targets with a back-office page of their own: the list names each by its current title or name (storage's auditTargetNames). */
export const TARGET_PAGES = {
  publication: '/admin/publications/', user: '/admin/users/', application: '/admin/applications/', letter: '/admin/letters/',
  consultation: '/admin/consultations/', proposal: '/admin/proposals/',
} as const;
export type LinkedType = keyof typeof TARGET_PAGES;

/**
 * An API token as an entry records it: its name and its holder's account (`{ name, user }`, in the creation's after
 * and the revocation's before — every token entry has recorded both since tokens were made), so an entry still says
 * which token it was about once the token is gone.
 */
export function recordedToken(before: unknown, after: unknown): { name: string; user: string } | null {
  for (const v of [after, before]) {
    const t = v && typeof v === 'object' ? (v as { name?: unknown; user?: unknown }) : null;
    if (t && typeof t.name === 'string' && t.name.trim() && typeof t.user === 'string' && t.user.trim()) return { name: t.name.trim(), user: t.user.trim() };
  }
  return null;
}

/** What the log calls an API token (its number aside): “数据交换”，持有人 张三（zhangsan）. */
export const tokenTitle = (name: string, holder: string): string => `“${name}”，持有人 ${holder}`;

/** A title the entry itself records for its target (an item's 标题 in its before/after), if any. */
export function recordedTitle(before: unknown, after: unknown): string | null {
  for (const v of [after, before]) {
    if (v && typeof v === 'object' && typeof (v as { title?: unknown }).title === 'string' && (v as { title: string }).title.trim()) {
      return (v as { title: string }).title.trim();
    }
  }
  return null;
}

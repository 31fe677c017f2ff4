import type { FindingType, Severity } from './finding.ts';

/** Chinese names shown to reviewers. */
export const FINDING_TYPE_LABELS: Record<FindingType, string> = {
  id_card: '身份证号',
  mobile_phone: '手机号码',
  bank_card: '银行卡号/账号',
  email: '个人电子邮箱',
  residential_address: '住址门牌',
  classified_marking: '密级标志',
  sensitive_word: '敏感词',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  block: '阻止发布',
  // A warn finding stops nothing and nobody records a confirmation of it (docs/privacy-scanner.md): the label says so.
  warn: '提示：请核对，不阻止发布',
};

/** What the reviewer should do, with the legal basis. */
export const FINDING_TYPE_ADVICE: Record<FindingType, string> = {
  // 条例第十五条；个人信息保护法第二十五条
  id_card: '公民身份号码属于个人信息，公开前应去标识化（按建议遮盖）或取得本人单独同意。',
  mobile_phone: '个人手机号码属于个人信息，公开前应遮盖；对外咨询请使用单位办公电话。',
  // 个人信息保护法第二十八条（金融账户属敏感个人信息）
  bank_card: '银行卡号、账号属于敏感个人信息（金融账户），公开前应遮盖。',
  email: '个人电子邮箱属于个人信息，公开前应遮盖；对外联系请使用单位邮箱。',
  // 个人信息保护法第四条；条例第十五条
  residential_address: '个人住址的楼栋、单元、门牌号属于个人信息，公开前应遮盖（保留小区或村名即可）；如为项目、房源或单位地址，确认后可以保留。',
  // 保守国家秘密法第二十二条、第三十五条
  classified_marking: '标有密级或内部标志的内容不得公开；应先依法解密或确认标志错误后再提交保密审查。',
  sensitive_word: '命中管理员维护的敏感词（错敏词）表，请按词表说明修改或确认。',
};

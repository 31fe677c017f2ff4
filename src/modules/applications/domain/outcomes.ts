/**
 * The 21 result rows of table 三 of the annual report (22 with （七）总计) (国办公开办函〔2021〕30号; keys and labels as in
 * annual-report-format.json). Every closed application carries exactly one. The mapping from a
 * disposition to a row and the article cited are in docs/rules/applications.md (本项目约定: confirm locally).
 */
export const OUTCOMES = [
  'disclosed',
  'partly_disclosed',
  'withheld.state_secret',
  'withheld.prohibited_by_law',
  'withheld.three_securities_one_stability',
  'withheld.third_party_rights',
  'withheld.internal_affairs',
  'withheld.process_information',
  'withheld.enforcement_case_file',
  'withheld.administrative_inquiry',
  'unable.not_held',
  'unable.needs_creation',
  'unable.still_unclear_after_correction',
  'not_processed.petition_complaint',
  'not_processed.repeated',
  'not_processed.publication',
  'not_processed.mass_unreasonable',
  'not_processed.confirm_or_reissue',
  'other.correction_overdue',
  'other.fee_unpaid',
  'other.other',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const isOutcome = (v: unknown): v is Outcome => typeof v === 'string' && (OUTCOMES as readonly string[]).includes(v);

export type OutcomeGroup = 'disclosed' | 'partly_disclosed' | 'withheld' | 'unable' | 'not_processed' | 'other';

export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  disclosed: '（一）予以公开',
  partly_disclosed: '（二）部分公开',
  withheld: '（三）不予公开',
  unable: '（四）无法提供',
  not_processed: '（五）不予处理',
  other: '（六）其他处理',
};

export const outcomeGroup = (o: Outcome): OutcomeGroup => o.split('.')[0] as OutcomeGroup;

type OutcomeInfo = { label: string; basis: string };

/**
 * Label as printed in the annual report, and the legal basis a reply letter cites. Where one row
 * covers two items of 第三十六条 (予以公开, 不掌握) the letter cites the item chosen (reply-basis.ts).
 */
export const OUTCOME_INFO: Record<Outcome, OutcomeInfo> = {
  disclosed: { label: '予以公开', basis: '《中华人民共和国政府信息公开条例》第三十六条' },
  partly_disclosed: { label: '部分公开（区分处理的，只计这一情形，不计其他情形）', basis: '《中华人民共和国政府信息公开条例》第三十七条' },
  'withheld.state_secret': { label: '属于国家秘密', basis: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项' },
  'withheld.prohibited_by_law': { label: '其他法律行政法规禁止公开', basis: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项' },
  'withheld.three_securities_one_stability': { label: '危及“三安全一稳定”', basis: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项' },
  'withheld.third_party_rights': { label: '保护第三方合法权益', basis: '《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项' },
  'withheld.internal_affairs': { label: '属于三类内部事务信息', basis: '《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项' },
  'withheld.process_information': { label: '属于四类过程性信息', basis: '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项' },
  'withheld.enforcement_case_file': { label: '属于行政执法案卷', basis: '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项' },
  'withheld.administrative_inquiry': { label: '属于行政查询事项', basis: '《中华人民共和国政府信息公开条例》第三十六条第（七）项' },
  'unable.not_held': { label: '本机关不掌握相关政府信息', basis: '《中华人民共和国政府信息公开条例》第三十六条' },
  'unable.needs_creation': { label: '没有现成信息需要另行制作', basis: '《中华人民共和国政府信息公开条例》第三十八条' },
  'unable.still_unclear_after_correction': { label: '补正后申请内容仍不明确', basis: '《中华人民共和国政府信息公开条例》第三十条' },
  'not_processed.petition_complaint': { label: '信访举报投诉类申请', basis: '《中华人民共和国政府信息公开条例》第三十九条第一款' },
  'not_processed.repeated': { label: '重复申请', basis: '《中华人民共和国政府信息公开条例》第三十六条第（六）项' },
  'not_processed.publication': { label: '要求提供公开出版物', basis: '《中华人民共和国政府信息公开条例》第三十九条第二款' },
  'not_processed.mass_unreasonable': { label: '无正当理由大量反复申请', basis: '《中华人民共和国政府信息公开条例》第三十五条' },
  // The 条例 has no article for this row; the request is not one to obtain existing government information (第二条).
  'not_processed.confirm_or_reissue': { label: '要求行政机关确认或重新出具已获取信息', basis: '《中华人民共和国政府信息公开条例》第二条' },
  'other.correction_overdue': { label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', basis: '《中华人民共和国政府信息公开条例》第三十条' },
  'other.fee_unpaid': { label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', basis: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）' },
  'other.other': { label: '其他', basis: '《中华人民共和国政府信息公开条例》' },
};

export const outcomeLabel = (o: Outcome): string => `${OUTCOME_GROUP_LABELS[outcomeGroup(o)]}${o.includes('.') ? ` · ${OUTCOME_INFO[o].label}` : ''}`;

/**
 * The result as the applicant reads it (status page, letters): without the annual report's row
 * number or its counting notes — 予以公开, 部分公开, 不予公开：属于国家秘密.
 */
export const plainOutcomeLabel = (o: Outcome): string => {
  const group = OUTCOME_GROUP_LABELS[outcomeGroup(o)].replace(/^（[一二三四五六七]）/, '');
  return o.includes('.') ? `${group}：${OUTCOME_INFO[o].label}` : group;
};

/**
 * 不予公开 in whole or in part: reconsideration must come before a lawsuit and the letter must say so
 * (行政复议法第二十三条第一款第（四）项、第二款; docs/rules/appeals.md: 部分公开 counts for the withheld part).
 */
export const isRefusal = (o: Outcome): boolean => o === 'partly_disclosed' || outcomeGroup(o) === 'withheld';

/** Outcomes a reply may not be recorded with: they close a case through their own verb. */
export const RESERVED_OUTCOMES: readonly Outcome[] = ['other.correction_overdue', 'other.fee_unpaid'];

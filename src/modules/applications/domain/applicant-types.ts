/**
 * Applicant types: the columns of table 三 of the annual report (annual-report-format.json). 法人或其他组织
 * is split into five kinds; 自然人 is one.
 */
export const APPLICANT_TYPES = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'public_interest_org',
  'legal_service_org',
  'other_org',
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  natural_person: '自然人',
  commercial_enterprise: '商业企业',
  research_institution: '科研机构',
  public_interest_org: '社会公益组织',
  legal_service_org: '法律服务机构',
  other_org: '其他组织',
};

export const isOrganisation = (t: ApplicantType): boolean => t !== 'natural_person';

/** Identity documents people name on a form (条例第二十九条: 身份证明). */
export const ID_KINDS = ['resident_id', 'passport', 'other_personal_id', 'credit_code', 'other_org_id'] as const;
export type IdKind = (typeof ID_KINDS)[number];
export const ID_KIND_LABELS: Record<IdKind, string> = {
  resident_id: '居民身份证',
  passport: '护照',
  other_personal_id: '其他个人证件',
  credit_code: '统一社会信用代码',
  other_org_id: '其他组织证明',
};

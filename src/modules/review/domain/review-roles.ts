/** The roles that approve a stage or publish. Stage names are the organ's own words. */
export const REVIEW_ROLES = ['unit_head', 'disclosure_office', 'leader_in_charge', 'organ_admin'] as const;
export type ReviewRole = (typeof REVIEW_ROLES)[number];
export const REVIEW_ROLE_LABELS: Record<ReviewRole, string> = {
  unit_head: '股室（单位）负责人',
  disclosure_office: '政务公开办公室',
  leader_in_charge: '分管领导',
  organ_admin: '机关管理员',
};

export type ChainStage = { position: number; name: string; role: ReviewRole };

// 三级审核, the common local practice (通行做法; docs/rules/proactive-disclosure.md): unit head → disclosure office → leader in charge.
export const DEFAULT_CHAIN: ChainStage[] = [
  { position: 0, name: '股室负责人审核', role: 'unit_head' },
  { position: 1, name: '政务公开办公室审核', role: 'disclosure_office' },
  { position: 2, name: '分管领导审签', role: 'leader_in_charge' },
];
export const DEFAULT_PUBLISHER_ROLE: ReviewRole = 'disclosure_office';

export const SECRECY_LEVELS = ['non_secret', 'secret', 'confidential', 'top_secret'] as const;
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number];
// 保守国家秘密法第十四条: three levels; only 非密 may be published (涉密不上网，上网不涉密).
export const SECRECY_LABELS: Record<SecrecyLevel, string> = { non_secret: '非密', secret: '秘密', confidential: '机密', top_secret: '绝密' };

// Coded withdrawal reasons (GOV.UK-style), shown on the page that replaces the item.
// Withdrawal reasons are the catalog's: the portal and the API show them on a withdrawn item.
export { WITHDRAW_REASONS, type WithdrawReason } from '../../catalog/index.ts';

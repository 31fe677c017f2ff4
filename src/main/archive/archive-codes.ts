import fs from 'node:fs';
import { projectPath } from '../../platform/runtime/project-root.ts';
import {
  AUDIENCE_LABELS, DISCLOSURE_MODE_LABELS, DISCLOSURE_PERIOD_LABELS, DOC_TYPE_LABELS, INTERPRETATION_FORM_LABELS, ITEM_KIND_LABELS, PUBLICATION_STATUS_LABELS,
  STAGE_LABELS, VALIDITY_LABELS, WITHHELD_REASONS,
} from '../../modules/catalog/index.ts';
import { REVIEW_ROLE_LABELS, SECRECY_LABELS, VERB_LABELS } from '../../modules/review/index.ts';
import { APPEAL_KIND_LABELS, APPEAL_RESULT_LABELS, APPLICANT_TYPE_LABELS, CHANNEL_LABELS, STATE_LABELS } from '../../modules/applications/index.ts';
import { LETTER_STATE_LABELS, LETTER_TYPE_LABELS, PROPOSAL_KIND_LABELS, PROPOSAL_RESULT_LABELS, PROPOSAL_STATE_LABELS, RATING_LABELS } from '../../modules/interaction/index.ts';

/**
 * The archive explains itself (docs/archive-format.md "FORMAT.md"): its format description and the
 * Chinese label of every code its JSON files use, taken from the platform's own label tables, so the
 * records can be read without the platform.
 */

/** How an item was published (`publishRoute`). */
export const PUBLISH_ROUTE_LABELS: Record<string, string> = {
  review_chain: '经审核发布', review_chain_scheduled: '经审核定时发布', force_published: '紧急发布（事后补充审核）', system_import: '导入的历史信息',
};

/** How an item was imported (`imported.mode`). */
export const IMPORT_MODE_LABELS: Record<'published' | 'draft', string> = { published: '作为已发布的历史信息', draft: '作为草稿' };

/** Each code table: the fields that take its codes, and each code with its label. */
export function codeTables(): { fields: string; labels: Record<string, string> }[] {
  return [
    { fields: 'metadata.json `stage`', labels: STAGE_LABELS },
    { fields: 'metadata.json `disclosureMode`', labels: DISCLOSURE_MODE_LABELS },
    { fields: 'metadata.json `withheldReason`', labels: WITHHELD_REASONS },
    { fields: 'metadata.json `disclosurePeriod`', labels: DISCLOSURE_PERIOD_LABELS },
    { fields: 'metadata.json `audience`', labels: AUDIENCE_LABELS },
    { fields: 'metadata.json `validity`', labels: VALIDITY_LABELS },
    { fields: 'metadata.json `docType`', labels: DOC_TYPE_LABELS },
    { fields: 'metadata.json `itemKind`', labels: ITEM_KIND_LABELS },
    { fields: 'metadata.json `interpretationForm`', labels: INTERPRETATION_FORM_LABELS },
    { fields: 'metadata.json `status`', labels: PUBLICATION_STATUS_LABELS },
    { fields: 'metadata.json `publishRoute`', labels: PUBLISH_ROUTE_LABELS },
    { fields: 'metadata.json `imported.mode`', labels: IMPORT_MODE_LABELS },
    { fields: 'sign-offs.json `reviewForm.secrecyLevel`', labels: SECRECY_LABELS },
    { fields: 'sign-offs.json `signOffs[].verb`', labels: { ...VERB_LABELS, import: '导入' } },
    { fields: 'sign-offs.json `signOffs[].role`', labels: REVIEW_ROLE_LABELS },
    { fields: 'case.json `application.state`', labels: STATE_LABELS },
    { fields: 'case.json `application.channel`', labels: CHANNEL_LABELS },
    { fields: 'case.json `application.applicantType`', labels: APPLICANT_TYPE_LABELS },
    { fields: 'case.json `appeals[].kind`', labels: APPEAL_KIND_LABELS },
    { fields: 'case.json `appeals[].result`', labels: APPEAL_RESULT_LABELS },
    { fields: 'letter.json `letter.type`', labels: LETTER_TYPE_LABELS },
    { fields: 'letter.json `letter.state`', labels: LETTER_STATE_LABELS },
    { fields: 'letter.json `letter.rating`', labels: RATING_LABELS },
    { fields: 'proposal.json `proposal.kind`', labels: PROPOSAL_KIND_LABELS },
    { fields: 'proposal.json `proposal.state`', labels: PROPOSAL_STATE_LABELS },
    { fields: 'proposal.json `proposal.result`', labels: PROPOSAL_RESULT_LABELS },
  ];
}

/** The project's description of the format (docs/archive-format.md), or null where the docs are not installed. */
export function formatDescription(): string | null {
  const file = projectPath('docs', 'archive-format.md');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}

/** FORMAT.md: the format description, then every code table. */
export function formatGuide(description: string | null): string {
  const tables = codeTables().map((t) => [
    `### ${t.fields}`, '', '| 代码 code | 含义 |', '|---|---|', ...Object.entries(t.labels).map(([code, label]) => `| \`${code}\` | ${label} |`), '',
  ].join('\n'));
  return [
    '<!-- 本归档的格式说明与代码表，由 gongkai archive 随归档写出。 -->',
    description ?? '# 归档格式\n\n（本次归档时平台未安装格式说明文档，以下仅列代码表。）\n',
    '',
    '## 代码表 Codes',
    '',
    '归档 JSON 中各代码的中文含义（取自平台生成本归档时的标签表）。',
    '',
    ...tables,
  ].join('\n');
}

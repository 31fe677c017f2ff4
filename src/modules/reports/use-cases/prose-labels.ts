import { DOC_TYPE_LABELS, STAGE_LABELS, VALIDITY_LABELS } from '../../catalog/index.ts';
import { PROACTIVE_BLOCKS } from '../domain/report-format.ts';
import type { ProseLabels } from '../domain/quoted-figures.ts';

/** The catalog's document types that table 二 counts, matched by label (规章, 行政规范性文件). */
export const COUNTED_DOC_TYPES = Object.entries(DOC_TYPE_LABELS)
  .filter(([, label]) => PROACTIVE_BLOCKS.some((b) => b.rows.includes(label)))
  .map(([docType, label]) => ({ docType, label }));

export const PROSE_LABELS: ProseLabels = { stageLabels: STAGE_LABELS, documentRowLabels: COUNTED_DOC_TYPES.map((d) => d.label) };

export { VALIDITY_LABELS };

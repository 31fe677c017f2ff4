import { bookTitle } from '../../../shared/sentences.ts';
import { PUBLICATION_STATUS_LABELS, type PublicationStatus } from './labels.ts';

/** The warning's stable code (docs/errors.md "Warnings"). */
export const POLICY_UNPUBLISHED = 'WARN_CATALOG_POLICY_UNPUBLISHED';
export type PolicyUnpublishedWarning = { code: typeof POLICY_UNPUBLISHED; message: string };

/**
 * What saving a 政策解读 tells of each policy it names that is not yet published (ADR 0054): told, never refused — a policy
 * and its interpretation may go through review together. With none of its policies published the interpretation cannot be
 * published (interpretationRefusals refuses it at 发布: 所解读的政策文件尚未发布), and the warning says so now, not at 发布;
 * with another one published it can, and its page links the unpublished one only once that is published. Pure; empty for
 * an ordinary document.
 */
export function policyUnpublishedWarnings(
  itemKind: string, policies: readonly { id: number; title: string; status: string }[],
): PolicyUnpublishedWarning[] {
  if (itemKind !== 'interpretation') return [];
  const anyPublished = policies.some((p) => p.status === 'published');
  return policies.filter((p) => p.status !== 'published').map((p) => ({
    code: POLICY_UNPUBLISHED,
    message: `所解读的${bookTitle(p.title)}（编号 ${p.id}，${PUBLICATION_STATUS_LABELS[p.status as PublicationStatus] ?? p.status}）尚未发布：${anyPublished
      ? '本解读可以发布，但该文件发布之前，门户上的解读页面不链接它'
      : '该文件发布之前本解读不能发布（发布时会被拒绝：所解读的政策文件尚未发布）；请先发布政策文件，解读与之同时或随后发布'}`,
  }));
}

/** The warnings as a flash tells them (a cookie holds it): the first two, then how many more. */
export const policyUnpublishedSaid = (warnings: readonly PolicyUnpublishedWarning[], max = 2): string[] =>
  warnings.length <= max ? warnings.map((w) => w.message) : [...warnings.slice(0, max).map((w) => w.message), `另有 ${warnings.length - max} 份所解读的政策文件尚未发布`];

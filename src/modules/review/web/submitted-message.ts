import type { AppDeps } from '../../../platform/app-deps.ts';
import { blockingFindingsMessage } from '../domain/blocking-findings-message.ts';
import { loadForm } from '../storage/review-repository.ts';

/**
 * 已报送审核, and when the scan at submission found blocking findings, that the chain stops at them until a
 * reviewer masks each or records why it may stand (ERR_REVIEW_SCAN_BLOCKED) — the author hears it now, not from a stalled item.
 * Told by 报送审核 (review-admin-routes.tsx) and by the item form's 保存并报送审核 (item-submit-routes.ts).
 */
export async function submittedMessage(db: AppDeps['db'], id: number) {
  const found = (await loadForm(db, id))?.scanFindings.filter((f) => f.severity === 'block') ?? [];
  if (found.length === 0) return '已报送审核';
  // The total as the item page and the 保密审查表 count it, then each kind by its own name (a 密级标志 no reviewer can pass).
  const parts = ['已报送审核。', blockingFindingsMessage(found)];
  parts.push('详见下方“敏感信息扫描”。');
  return parts.join('');
}

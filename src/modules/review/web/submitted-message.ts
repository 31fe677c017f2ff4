import type { AppDeps } from '../../../platform/app-deps.ts';
import { isSecrecyMarking } from '../domain/mask-finding.ts';
import { loadForm } from '../storage/review-repository.ts';

/**
 * 已报送审核, and when the scan at submission found blocking findings, that the chain stops at them until a
 * reviewer masks each or records why it may stand (ERR_REVIEW_SCAN_BLOCKED) — the author hears it now, not from a stalled item.
 * Told by 报送审核 (review-admin-routes.tsx) and by the item form's 保存并报送审核 (item-submit-routes.ts).
 */
export async function submittedMessage(db: AppDeps['db'], id: number) {
  const found = (await loadForm(db, id))?.scanFindings.filter((f) => f.severity === 'block') ?? [];
  const markings = found.filter(isSecrecyMarking).length;
  const others = found.length - markings;
  if (found.length === 0) return '已报送审核';
  const parts = ['已报送审核。'];
  // A 密级标志 no reviewer can pass: the author hears now that the item comes back to them for it.
  if (markings) parts.push(`扫描发现 ${markings} 处密级标志：密级标志不能以遮盖处理，也不能由审核人说明理由放行，须先依法解密，或确认标志有误后由您修改，否则审核不能通过。`);
  if (others) parts.push(`扫描发现 ${others} 处须处理的疑似个人信息或密级标志，审核将停在这里，须由审核人逐处遮盖或记录可以公开的理由（或退回您修改）后才能通过。`);
  parts.push('详见下方“敏感信息扫描”。');
  return parts.join('');
}

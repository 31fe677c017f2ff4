import { FINDING_TYPE_LABELS, PERSONAL_DATA_TYPES } from '../../privacy/index.ts';
import { isSecrecyMarking } from './mask-finding.ts';

/** What a blocking finding other than a 密级标志 is called in a sentence that counts it. */
function kindOf(type: string): string {
  if ((PERSONAL_DATA_TYPES as readonly string[]).includes(type)) return '疑似个人信息';
  if (type === 'unreadable_attachment') return '无法读取的附件';
  return (FINDING_TYPE_LABELS as Record<string, string>)[type] ?? type;
}

const MARKING_WORDS = '密级标志不能以遮盖处理，也不能由审核人说明理由放行，须先依法解密，或确认标志有误后由您修改，否则审核不能通过。';
const OTHERS_WORDS = '审核将停在这里，须由审核人逐处遮盖或记录可以公开的理由（或退回您修改）后才能通过。';

/**
 * What 报送审核 tells the author of the scan's blocking findings (severity block): their total, as the 保密审查表 and the
 * item page count them (须处理 N 处), then the 密级标志, which no reviewer can pass, and the rest by what they are, each
 * sentence naming only what it counts. Empty when there are none.
 */
export function blockingFindingsMessage(found: readonly { type: string }[]): string {
  if (found.length === 0) return '';
  const markings = found.filter(isSecrecyMarking).length;
  const counts = new Map<string, number>();
  for (const f of found) if (!isSecrecyMarking(f)) counts.set(kindOf(f.type), (counts.get(kindOf(f.type)) ?? 0) + 1);
  const others = [...counts].map(([kind, n]) => `${n} 处${kind}`).join('、');
  const head = `扫描发现须处理的内容 ${found.length} 处`;
  if (!others) return `${head}，为密级标志：${MARKING_WORDS}`;
  if (!markings) return `${head}，为 ${others}：${OTHERS_WORDS}`;
  return `${head}。其中 ${markings} 处密级标志：${MARKING_WORDS}另 ${others}：${OTHERS_WORDS}`;
}

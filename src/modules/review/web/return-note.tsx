import { chinaTimeOf } from '../../../shared/iso-date.ts';
import type { LatestReturn } from '../domain/latest-return.ts';

/**
 * Beside a returned item's status at the top of its page: the reviewer's comment, who returned it at
 * which stage and when, and what to do — the author otherwise found the comment only in 审核记录 at
 * the bottom (found by an outside tester).
 */
/** `toAuthor`: the page is seen by the item's author, who is told what to do next (a reviewer sees the return only). */
export function ReturnNote({ ret, toAuthor }: { ret: LatestReturn | null; toAuthor: boolean }) {
  if (!ret) return null;
  return (
    <div id="return-note" class="notice" role="note">
      <p><strong>退回意见</strong>：{ret.comment || '（退回时未填写意见）'}</p>
      <p class="hint">{ret.stageName}（{ret.by}）于 {chinaTimeOf(ret.at)} 退回修改。{toAuthor && '请按意见修改内容后保存，再重新报送审核。'}</p>
    </div>
  );
}

/** The same in 待办's 退回给我修改, after the item's title. */
export function ReturnLine({ ret }: { ret: LatestReturn | null }) {
  if (!ret) return null;
  return <p class="hint">退回意见：{ret.comment || '（未填写）'}（{ret.stageName}，{ret.by}，{chinaTimeOf(ret.at)}）</p>;
}

import type { AdminUser } from '../../../platform/views/admin-layout.tsx';
import { ConfirmStep } from '../../../platform/views/confirm-step.tsx';
import { bookTitle } from '../../../shared/sentences.ts';
import { REVIEW_PANEL } from './item-page-places.ts';

/**
 * Step two of 撤回修订 on an item's page (ConfirmStep, as 撤回 and 标记废止): shown only when `decide` allows it, it says
 * what will be lost — the revision's changes by field, with its 修订说明, the files uploaded with it by name — what
 * stays (files it was to remove, the published version), and only its POST with confirm=1 discards the revision.
 */
export function WithdrawAmendmentConfirmPage({ user, csrf, item, revisedTitle, changeNote, changedFields, files }: {
  user: AdminUser; csrf: string; item: { id: number; title: string };
  /** The title the revision gives the item. */
  revisedTitle: string;
  changeNote: string;
  /** The labels of the fields the revision changes (标题、正文…); empty when it changes only files. */
  changedFields: string[];
  /** The files of the revision: uploaded with it (lost), marked to go with it (kept), retitled with it (the new title lost). */
  files: { fileName: string; revisionState: string | null }[];
}) {
  const base = `/admin/publications/${item.id}`;
  const added = files.filter((f) => f.revisionState === 'pending_add').map((f) => f.fileName);
  const removed = files.filter((f) => f.revisionState === 'pending_remove').map((f) => f.fileName);
  const retitled = files.filter((f) => f.revisionState === null).map((f) => f.fileName);
  return (
    <ConfirmStep
      user={user} csrf={csrf} title={`撤回修订：${item.title}`}
      consequences={{
        lead: '撤回修订后：',
        items: [
          changedFields.length > 0 ? `修订对以下内容的改动将放弃：${changedFields.join('、')}；修订说明（${changeNote}）一并放弃` : `修订未改动表单中的内容；修订说明（${changeNote}）一并放弃`,
          ...(added.length > 0 ? [`随修订上传的 ${added.length} 个附件将删除：${added.join('、')}`] : []),
          ...(removed.length > 0 ? [`随修订删除的 ${removed.length} 个附件仍保留：${removed.join('、')}`] : []),
          ...(retitled.length > 0 ? [`随修订修改的附件名称将放弃：${retitled.join('、')}`] : []),
          `已发布的版本不变：门户和检索仍显示现行的${bookTitle(item.title)}；撤回后修订不能恢复，审核记录记下由您撤回。`,
        ],
      }}
      action={`${base}/verbs/withdraw_amendment`}
      submit="确认撤回修订" back={{ href: `${base}#${REVIEW_PANEL}`, to: '信息页面' }}
    >
      <p>信息：{bookTitle(item.title)}，编号 {item.id}{revisedTitle !== item.title && <>；修订后的标题：{bookTitle(revisedTitle)}</>}</p>
    </ConfirmStep>
  );
}

import type { AdminUser } from '../../../platform/views/admin-layout.tsx';
import { ConfirmStep } from '../../../platform/views/confirm-step.tsx';
import { bookTitle, endSentence, withoutFinalStop } from '../../../shared/sentences.ts';
import { WITHDRAW_REASONS } from '../domain/review-roles.ts';
import { REVIEW_PANEL } from './item-page-places.ts';

/** The verbs on a published item that change what the public reads, so are confirmed first (docs/workflows/review.md). */
export type ConfirmedPublicVerb = 'withdraw' | 'repeal';
export const CONFIRMED_PUBLIC_VERBS: readonly string[] = ['withdraw', 'repeal'] satisfies ConfirmedPublicVerb[];

type Named = { id: number; title: string; documentNumber: string | null };
const named = (d: Named) => `${bookTitle(d.title)}${d.documentNumber ? `（${d.documentNumber}）` : ''}`;

/** 撤回's reason as the public page says it: the reason's label, and the note after it in brackets. */
const reasonText = (withdrawReason: string | null | undefined, withdrawNote: string | null | undefined) => {
  const note = withoutFinalStop(withdrawNote ?? '');
  return `${(WITHDRAW_REASONS as Record<string, string>)[withdrawReason ?? ''] ?? '其他原因'}${note ? `（${note}）` : ''}`;
};

/**
 * What the item's page says under 审核与发布 once a confirmed 撤回 or 标记废止 is done: the item by name and
 * what the public now sees — its address's 撤回 notice with the reason, or the 废止 banner with the
 * replacement (the status line alone still reads 已发布 after a 废止).
 */
export function publicVerbDone(verb: ConfirmedPublicVerb, item: Named & { withdrawnReason?: string | null; withdrawnNote?: string | null }, replacement: Named | null): string {
  return verb === 'withdraw'
    ? `已撤回${bookTitle(item.title)}：已从门户的栏目列表、检索结果和网站地图中移除，原公开地址只显示撤回说明（撤回原因：${reasonText(item.withdrawnReason, item.withdrawnNote)}）`
    : `已将${bookTitle(item.title)}标记为已废止，门户页面顶部会说明${replacement ? `，替代文件：${named(replacement)}` : '（未指明替代文件）'}`;
}

/**
 * Step two of 撤回 and 标记废止 on an item's page, as every confirmed action's (ConfirmStep), shown only
 * when `decide` allows the verb with what was typed: the item named with its public address, what the
 * public will see, and the confirming POST (with the typed fields as they were sent).
 */
export function PublicVerbConfirmPage({ user, csrf, verb, item, publicPath, fields, replacement }: {
  user: AdminUser; csrf: string; verb: ConfirmedPublicVerb; item: Named; publicPath: string;
  /** What the officer typed, carried to the confirming POST unchanged. */
  fields: { withdrawReason?: string; withdrawNote?: string; replacedById?: string };
  /** 废止: the replacement named (already checked by decide: a published item), or none. */
  replacement: Named | null;
}) {
  const base = `/admin/publications/${item.id}`;
  return (
    <ConfirmStep
      user={user} csrf={csrf} title={`${verb === 'withdraw' ? '撤回' : '标记废止'}：${item.title}`}
      consequences={verb === 'withdraw'
        ? {
          lead: '撤回后，公众看到：',
          items: [
            '本信息从门户的栏目列表、检索结果和网站地图中移除；',
            `原公开地址只显示：本信息已于（今天）撤回。${endSentence(`撤回原因：${reasonText(fields.withdrawReason, fields.withdrawNote)}`)}（以及索引号和咨询电话），正文和附件不再显示；`,
            '撤回不能恢复：需要重新公开的，须新建信息，重新审核发布；审核记录和审计日志记下由您撤回。',
          ],
        }
        : {
          lead: '标记废止后，公众看到：',
          items: [
            `信息页顶部：${replacement ? `本文件已被${named(replacement)}废止。` : '本文件已废止。（不指明替代文件）'}`,
            '栏目列表中标题后注明（已废止）；本信息仍然公开，正文和附件照常可查阅；',
            '本平台没有取消废止的操作；审核记录和审计日志记下由您标记。',
          ],
        }}
      action={`${base}/verbs/${verb}`}
      hidden={verb === 'withdraw'
        ? { withdrawReason: fields.withdrawReason ?? '', withdrawNote: fields.withdrawNote ?? '' }
        : { replacedById: fields.replacedById ?? '' }}
      submit={verb === 'withdraw' ? '确认撤回' : '确认标记废止'} back={{ href: `${base}#${REVIEW_PANEL}`, to: '信息页面' }}
    >
      <p>信息：{named(item)}，编号 {item.id}，公开地址 <a href={publicPath} target="_blank">{publicPath}</a></p>
    </ConfirmStep>
  );
}

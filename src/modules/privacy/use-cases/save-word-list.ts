import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { z } from '../../../shared/zod.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { actorLabel, actorUserId, mayManageOrganSetting, type Actor } from '../../identity/index.ts';
import { organChain } from '../../catalog/index.ts';
import { parseWordListText } from '../domain/word-list-text.ts';
import { findListOrganByCode, findWordListByName, findWordListOrgan, insertWordList, updateWordList } from '../storage/word-lists-repository.ts';

export const wordListInputSchema = z.object({
  name: z.string({ message: '请填写词表名称' }).trim().min(1, { message: '请填写词表名称' }).max(40, { message: '词表名称不能超过 40 个字符' }),
  organCode: z.string().trim().nullish().transform((v) => (v ? v : null)),
  entriesText: z.string({ message: '请填写词条' }).max(2_000_000, { message: '词表过大（不超过 2 MB）' }),
});

/**
 * Creates or replaces a sensitive-word list. Every line must parse; a list with a bad line is not
 * saved at all, and the message names the line. Region-wide lists are the system admin's; an
 * organ's own list is its admin's.
 */
export async function saveWordList(deps: AppDeps, actor: Actor, raw: unknown, existingId?: number): Promise<number> {
  const input = wordListInputSchema.parse(raw);
  const { list, errors } = parseWordListText(input.name, input.entriesText);
  if (errors.length) {
    throw new DomainError('ERR_PRIVACY_WORD_LIST_INVALID', `词表有误，未保存：${errors.slice(0, 5).join('；')}${errors.length > 5 ? ` 等 ${errors.length} 处` : ''}`, {
      field: 'entriesText', reasons: errors.map((message) => ({ code: 'ERR_PRIVACY_WORD_LIST_INVALID', message, field: 'entriesText' })),
    });
  }
  if (list.words.length === 0) throw new DomainError('ERR_PRIVACY_WORD_LIST_INVALID', '词表中没有词条', { field: 'entriesText' });
  return deps.db.transaction().execute(async (trx) => {
    const organ = input.organCode ? await findListOrganByCode(trx, input.organCode) : null;
    if (input.organCode && !organ) throw new DomainError('ERR_CATALOG_ORGAN_NOT_FOUND', `机关代码“${input.organCode}”不存在`, { field: 'organCode' });
    if (actor.kind === 'user') {
      // Rights on the organ the list is saved for, and — when changing a list — on the organ it belongs to now.
      const existing = existingId ? await findWordListOrgan(trx, existingId) : null;
      const chainOf = async (organId: number | null) => (organId === null ? null : await organChain(trx, organId));
      const allowed = mayManageOrganSetting(actor.principal, await chainOf(organ?.id ?? null))
        && (!existing || mayManageOrganSetting(actor.principal, await chainOf(existing.organ_id)));
      if (!allowed) throw new DomainError('ERR_AUTH_FORBIDDEN', organ || existing?.organ_id ? '您没有管理该机关词表的权限' : '只有系统管理员可以维护全区通用词表', { httpStatus: 403 });
    }
    const at = deps.clock.now().toISOString();
    const values = { organ_id: organ?.id ?? null, name: input.name, entries_text: input.entriesText, word_count: list.words.length, updated_by: actorUserId(actor), updated_at: at };
    const clash = await findWordListByName(trx, input.name, organ?.id ?? null);
    if (clash && clash.id !== existingId) throw new DomainError('ERR_PRIVACY_WORD_LIST_EXISTS', `已有同名词表“${input.name}”`, { field: 'name', httpStatus: 409 });
    let id = existingId;
    if (existingId) await updateWordList(trx, existingId, values);
    else id = await insertWordList(trx, values);
    await appendAuditEvent(trx, deps.dialect, {
      occurredAt: at, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: existingId ? 'word_list.update' : 'word_list.create',
      entityType: 'word_list', entityId: String(id), organId: organ?.id ?? null, before: null, after: { name: input.name, words: list.words.length },
    });
    return id!;
  });
}

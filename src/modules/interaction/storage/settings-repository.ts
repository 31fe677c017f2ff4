import { DEFAULT_REPLY_WORKING_DAYS } from '../domain/letter-clock.ts';
import type { LetterType } from '../domain/letter.ts';
import type { Executor } from './executor.ts';

export type LetterSettings = { replyWorkingDays: Record<LetterType, number>; replyReview: boolean };

export const DEFAULT_LETTER_SETTINGS: LetterSettings = { replyWorkingDays: { ...DEFAULT_REPLY_WORKING_DAYS }, replyReview: false };

export async function loadLetterSettings(db: Executor, organId: number): Promise<LetterSettings> {
  const r = await db.selectFrom('letter_settings').selectAll().where('organ_id', '=', organId).executeTakeFirst();
  if (!r) return { ...DEFAULT_LETTER_SETTINGS, replyWorkingDays: { ...DEFAULT_LETTER_SETTINGS.replyWorkingDays } };
  return { replyWorkingDays: { consult: r.consult_days, suggest: r.suggest_days, complain: r.complain_days, other: r.other_days }, replyReview: r.reply_review === 1 };
}

export async function saveLetterSettings(db: Executor, organId: number, s: LetterSettings, at: string): Promise<void> {
  const values = {
    consult_days: s.replyWorkingDays.consult, suggest_days: s.replyWorkingDays.suggest, complain_days: s.replyWorkingDays.complain,
    other_days: s.replyWorkingDays.other, reply_review: s.replyReview ? 1 : 0, updated_at: at,
  };
  await db.insertInto('letter_settings').values({ organ_id: organId, ...values }).onConflict((oc) => oc.column('organ_id').doUpdateSet(values)).execute();
}

import type { Executor } from './executor.ts';

/** An organ's settings for its applications (blank strings when never saved). */
export type ApplicationSettings = {
  organId: number;
  reconsiderationBody: string;
  reconsiderationAddress: string;
  reconsiderationOnline: string;
  letterPrefix: string;
  version: number;
};

export async function settingsFor(db: Executor, organId: number): Promise<ApplicationSettings> {
  const r = await db.selectFrom('application_settings').selectAll().where('organ_id', '=', organId).executeTakeFirst();
  return {
    organId,
    reconsiderationBody: r?.reconsideration_body ?? '',
    reconsiderationAddress: r?.reconsideration_address ?? '',
    reconsiderationOnline: r?.reconsideration_online ?? '',
    letterPrefix: r?.letter_prefix ?? '',
    version: r?.version ?? 0,
  };
}

export async function upsertSettings(db: Executor, s: Omit<ApplicationSettings, 'version'>, userId: number | null, at: string): Promise<void> {
  const values = {
    reconsideration_body: s.reconsiderationBody, reconsideration_address: s.reconsiderationAddress, reconsideration_online: s.reconsiderationOnline,
    letter_prefix: s.letterPrefix, updated_by: userId, updated_at: at,
  };
  await db
    .insertInto('application_settings')
    .values({ organ_id: s.organId, ...values, version: 1 })
    .onConflict((oc) => oc.column('organ_id').doUpdateSet((eb) => ({ ...values, version: eb('application_settings.version', '+', 1) })))
    .execute();
}

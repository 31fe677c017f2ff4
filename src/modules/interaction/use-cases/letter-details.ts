import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { listOrgans, type Organ } from '../../catalog/index.ts';
import { actorUserId, type Actor } from '../../identity/index.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { staffVerbChoices, type StaffVerbChoice } from '../domain/decide-letter.ts';
import { InteractionErrorCode as E } from '../domain/error-codes.ts';
import type { Letter } from '../domain/letter.ts';
import { listLetterEvents, type LetterEvent } from '../storage/events-repository.ts';
import { findLetter } from '../storage/letters-repository.ts';
import { loadLetterSettings, type LetterSettings } from '../storage/settings-repository.ts';
import type { LetterAccess } from '../domain/letter-access.ts';
import { letterAccessOf } from './unit-letters.ts';
import { publicVersionOf, type PublishedLetter } from './published-letters.ts';

export type LetterDetails = {
  /** 'handler': staff of the organ, every verb; 'unit': staff of the unit it is handed to, who read it and write the unit's 办理意见. */
  access: Exclude<LetterAccess, null>;
  letter: Letter; events: LetterEvent[]; organ: Organ; units: Organ[]; otherOrgans: Organ[]; organNames: Map<number, string>; settings: LetterSettings;
  /** The staff verbs of the letter's state for this person, each with the reasons they cannot use it (none: they can). */
  verbs: StaffVerbChoice[];
  /** What the portal shows once the letter is replied, when the writer allowed publication: null otherwise. */
  publicVersion: PublishedLetter | null };

/**
 * Everything the staff page of one letter shows, for staff of the organ now handling it, or for staff
 * of the unit it is handed to (letterAccess): they read it and its history and write the unit's
 * 办理意见, nothing else. With `draftReply`, the public version shows that reply as typed (预览公开版本), nothing saved.
 */
export async function letterDetails(deps: AppDeps, actor: Actor, id: number, draftReply?: string): Promise<LetterDetails> {
  const letter = Number.isInteger(id) && id > 0 ? await findLetter(deps.db, id) : null;
  if (!letter) throw new DomainError(E.notFound, '来信不存在', { httpStatus: 404 });
  const access = await letterAccessOf(deps.db, actor, letter);
  if (access === null) throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有办理该机关部门信箱来信的权限', { httpStatus: 403 });
  const organs = await listOrgans(deps.db);
  const settings = await loadLetterSettings(deps.db, letter.organId);
  const choices = staffVerbChoices(letter, { today: chinaDateOf(deps.clock.now()), actorUserId: actorUserId(actor), replyReview: settings.replyReview, unitStaff: access === 'unit' });
  const handler = access === 'handler';
  return {
    access, letter, events: await listLetterEvents(deps.db, id), organ: organs.find((o) => o.id === letter.organId)!,
    units: handler ? organs.filter((o) => o.kind === 'unit' && o.parentId === letter.organId) : [],
    otherOrgans: handler ? organs.filter((o) => o.kind !== 'unit' && o.id !== letter.organId) : [],
    organNames: new Map(organs.map((o) => [o.id, o.name])), settings,
    publicVersion: handler && letter.publishConsent ? publicVersionOf(draftReply === undefined ? letter : { ...letter, replyText: draftReply, publicReplyText: null }) : null,
    // A unit's staff only write the unit's note; the organ replies (条例第二十七条).
    verbs: handler ? choices : choices.filter((c) => c.verb === 'recordUnitOpinion'),
  };
}

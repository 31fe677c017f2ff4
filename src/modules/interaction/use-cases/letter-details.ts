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
import { requireLetterStaff } from './perform-letter-verb.ts';
import { publicVersionOf, type PublishedLetter } from './published-letters.ts';

export type LetterDetails = { letter: Letter; events: LetterEvent[]; organ: Organ; units: Organ[]; otherOrgans: Organ[]; organNames: Map<number, string>; settings: LetterSettings;
  /** The staff verbs of the letter's state for this person, each with the reasons they cannot use it (none: they can). */
  verbs: StaffVerbChoice[];
  /** What the portal shows once the letter is replied, when the writer allowed publication: null otherwise. */
  publicVersion: PublishedLetter | null };

/**
 * Everything the staff page of one letter shows, for staff of the organ now handling it. With
 * `draftReply`, the public version shows that reply as typed (预览公开版本), nothing saved.
 */
export async function letterDetails(deps: AppDeps, actor: Actor, id: number, draftReply?: string): Promise<LetterDetails> {
  const letter = Number.isInteger(id) && id > 0 ? await findLetter(deps.db, id) : null;
  if (!letter) throw new DomainError(E.notFound, '来信不存在', { httpStatus: 404 });
  await requireLetterStaff(deps.db, actor, letter.organId);
  const organs = await listOrgans(deps.db);
  const settings = await loadLetterSettings(deps.db, letter.organId);
  return {
    letter, events: await listLetterEvents(deps.db, id), organ: organs.find((o) => o.id === letter.organId)!,
    units: organs.filter((o) => o.kind === 'unit' && o.parentId === letter.organId),
    otherOrgans: organs.filter((o) => o.kind !== 'unit' && o.id !== letter.organId),
    organNames: new Map(organs.map((o) => [o.id, o.name])), settings,
    publicVersion: letter.publishConsent ? publicVersionOf(draftReply === undefined ? letter : { ...letter, replyText: draftReply, publicReplyText: null }) : null,
    verbs: staffVerbChoices(letter, { today: chinaDateOf(deps.clock.now()), actorUserId: actorUserId(actor), replyReview: settings.replyReview }),
  };
}

import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import type { IsoDate } from '../../../shared/iso-date.ts';
import { maskPersonalData, type TextAuthor } from '../../privacy/index.ts';
import { InteractionErrorCode as E } from '../domain/error-codes.ts';
import { isOnPortal, type Letter, type LetterType } from '../domain/letter.ts';
import { maskPersonName } from '../domain/letter-input.ts';
import { maskWriterName } from '../domain/public-letter.ts';
import { findLetter, pagePublishedLetters } from '../storage/letters-repository.ts';

export type PublishedLetter = { id: number; trackingNo: string; type: LetterType; subject: string; content: string; writer: string; submittedOn: IsoDate; replyText: string; repliedOn: IsoDate };

/**
 * Personal data out of a citizen's text the portal shows (a letter, its reply, a 意见征集 comment):
 * the scanner's masked suggestions for ID, phone, bank card and e-mail numbers and for the house
 * detail of a home address (幸福小区*********; 个人信息保护法第四条, 条例第十五条), the landlines a
 * citizen writes (in the organ's reply only those it labels private, so its hotlines stay), labelled
 * QQ and 微信 numbers, and 张** for the writer wherever the name appears, also as 王 建 国.
 * `contactsOf` (for the reply: the letter's own text) — any contact masked there is masked in `text` too.
 */
export const maskedForPortal = (text: string, writerName: string, author: TextAuthor, contactsOf?: string) =>
  maskWriterName(maskPersonalData(text, author, contactsOf === undefined ? {} : { contactsOf }), writerName);

/** Everything the writer wrote, as sent and as staff edited it for the portal: the contacts in it are the writer's. */
const writersText = (l: Letter) => [l.subject, l.content, l.publicSubject ?? '', l.publicContent ?? ''].join('\n');

/** The letter as the portal shows it — staff's edited public text and reply if any, masked all the same (also previewed to staff before and after the reply). */
export const publicVersionOf = (l: Letter): PublishedLetter => ({
  id: l.id, trackingNo: l.trackingNo, type: l.type, subject: maskedForPortal(l.publicSubject ?? l.subject, l.writerName, 'citizen'), content: maskedForPortal(l.publicContent ?? l.content, l.writerName, 'citizen'),
  writer: maskPersonName(l.writerName), submittedOn: l.submittedOn, replyText: maskedForPortal(l.publicReplyText ?? l.replyText ?? '', l.writerName, 'organ', writersText(l)), repliedOn: l.repliedOn!,
});

/** Replied letters whose writers allowed publication, masked, for the organ's public list. */
export async function listPublishedLetters(deps: AppDeps, organId: number, page: number, pageSize = 20) {
  const p = await pagePublishedLetters(deps.db, organId, page, pageSize);
  return { ...p, items: p.items.map(publicVersionOf) };
}

export async function findPublishedLetter(deps: AppDeps, organId: number, id: number): Promise<PublishedLetter> {
  const letter = Number.isInteger(id) && id > 0 ? await findLetter(deps.db, id) : null;
  if (!letter || letter.organId !== organId || !isOnPortal(letter)) throw new DomainError(E.notFound, '来信不存在或未公开', { httpStatus: 404 });
  return publicVersionOf(letter);
}

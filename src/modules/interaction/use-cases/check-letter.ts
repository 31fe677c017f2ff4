import { typedNumber } from '../../../shared/typed-number.ts';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf, type IsoDate } from '../../../shared/iso-date.ts';
import { queryCodeMatches } from '../../applications/index.ts';
import { findOrganById } from '../../catalog/index.ts';
import { systemActor } from '../../identity/index.ts';
import { InteractionErrorCode as E } from '../domain/error-codes.ts';
import type { LetterState, LetterType, Rating } from '../domain/letter.ts';
import { effectiveRating } from '../domain/letter-clock.ts';
import { listLetterEvents } from '../storage/events-repository.ts';
import { findLetterByTrackingNo } from '../storage/letters-repository.ts';
import { performLetterVerb } from './perform-letter-verb.ts';

/** What the writer sees with tracking number and query code: never staff names or internal notes. */
export type PublicLetter = {
  id: number; trackingNo: string; organName: string; organCode: string; type: LetterType; subject: string;
  /** What the writer wrote: they read it again beside the status and the reply. */
  content: string; submittedOn: IsoDate; state: LetterState; dueOn: IsoDate;
  transfers: { on: IsoDate; fromOrgan: string; toOrgan: string; reason: string }[];
  replyText: string | null; repliedOn: IsoDate | null; notAcceptedReason: string | null;
  rating: Rating | null; ratingDeemed: boolean; mayRate: boolean; rateByOn: IsoDate | null;
};

/**
 * A look-up sent with a box empty (or only spaces: the browser's `required` taken away, an old browser, the API) is asked
 * for what is missing, as every form asks (an outside tester got 编号或查询码不正确 for two empty boxes): 400, a reason
 * for each box; nothing was looked up, so nothing is told of any letter.
 */
function requireBothTyped(trackingNo: string, queryCode: string) {
  const reasons = [
    ...(trackingNo.trim() ? [] : [{ code: E.invalidInput, message: '请填写信件编号', field: 'trackingNo' }]),
    ...(queryCode.trim() ? [] : [{ code: E.invalidInput, message: '请填写查询码', field: 'queryCode' }]),
  ];
  if (reasons.length) throw DomainError.fromReasons(reasons);
}

async function requireWriter(deps: AppDeps, trackingNo: string, queryCode: string) {
  requireBothTyped(trackingNo, queryCode);
  const no = typedNumber(trackingNo);
  const letter = no ? await findLetterByTrackingNo(deps.db, no) : null;
  // One message whichever part is wrong: the answer must not tell which tracking numbers exist.
  if (!letter || !queryCodeMatches(letter.trackingNo, queryCode, letter.queryCodeHash)) {
    throw new DomainError(E.queryFailed, '编号或查询码不正确，请核对后重新输入', { httpStatus: 404, field: 'queryCode' });
  }
  return letter;
}

export async function checkLetter(deps: AppDeps, trackingNo: string, queryCode: string): Promise<PublicLetter> {
  const letter = await requireWriter(deps, trackingNo, queryCode);
  const today = chinaDateOf(deps.clock.now());
  const organ = await findOrganById(deps.db, letter.organId);
  const events = await listLetterEvents(deps.db, letter.id);
  const names = new Map<number, string>();
  const nameOf = async (id: number) => {
    if (!names.has(id)) names.set(id, (await findOrganById(deps.db, id))?.name ?? '');
    return names.get(id)!;
  };
  const transfers = [];
  for (const e of events.filter((x) => x.verb === 'transfer')) {
    transfers.push({ on: e.occurredOn, fromOrgan: await nameOf(e.organId), toOrgan: String(e.data.toOrganName ?? ''), reason: e.note });
  }
  const rating = effectiveRating(letter, today);
  return {
    id: letter.id, trackingNo: letter.trackingNo, organName: organ?.name ?? '', organCode: organ?.code ?? '', type: letter.type, subject: letter.subject, content: letter.content, submittedOn: letter.submittedOn,
    state: letter.state, dueOn: letter.dueOn, transfers, replyText: letter.state === 'replied' ? letter.replyText : null, repliedOn: letter.repliedOn,
    notAcceptedReason: letter.notAcceptedReason, rating, ratingDeemed: rating !== null && letter.rating === null,
    mayRate: letter.state === 'replied' && letter.rating === null && letter.rateByOn !== null && today <= letter.rateByOn, rateByOn: letter.rateByOn,
  };
}

/** The writer rates the reply (满意 / 基本满意 / 不满意, with a comment) within the rating window. */
export async function rateLetter(deps: AppDeps, trackingNo: string, queryCode: string, rating: string, comment: string): Promise<PublicLetter> {
  const letter = await requireWriter(deps, trackingNo, queryCode);
  await performLetterVerb(deps, systemActor('来信人评价'), letter.id, { verb: 'rate', rating: rating as Rating, comment });
  return checkLetter(deps, trackingNo, queryCode);
}

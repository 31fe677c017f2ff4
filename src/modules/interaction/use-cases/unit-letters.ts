import type { AppDeps } from '../../../platform/app-deps.ts';
import { organChain } from '../../catalog/index.ts';
import { actorMay, type Actor } from '../../identity/index.ts';
import { letterAccess, type LetterAccess, type LetterPerson } from '../domain/letter-access.ts';
import type { Letter } from '../domain/letter.ts';
import type { Executor } from '../storage/executor.ts';
import { countUnitLettersAwaitingOpinion, pageUnitLetters, type LetterPage, type UnitLetterView } from '../storage/letters-repository.ts';
import { LETTERS_PAGE_SIZE } from './list-letters.ts';

/**
 * How the person behind `actor` may open the letter (letterAccess): the facts come from the identity
 * rules — handling the organ is a role on it or above it (requireLetterStaff's rule), belonging to the
 * unit a role on it or above it.
 */
export async function letterAccessOf(db: Executor, actor: Actor, letter: Pick<Letter, 'organId' | 'unitId'>): Promise<LetterAccess> {
  const handles = actorMay(actor, await organChain(db, letter.organId), 'editor');
  const belongs = letter.unitId !== null && actor.kind !== 'system' && actorMay(actor, await organChain(db, letter.unitId), 'editor');
  return letterAccess(letter, { handlesOrgan: (id) => handles && id === letter.organId, belongsToUnit: (id) => belongs && id === letter.unitId });
}

/** The person as the list sees them: the units they belong to and the organs they handle (from the staff context). */
export type UnitStaffScope = { unitIds: number[]; handledOrganIds: number[] };

const personOf = (s: UnitStaffScope): LetterPerson => ({ handlesOrgan: (id) => s.handledOrganIds.includes(id), belongsToUnit: (id) => s.unitIds.includes(id) });

/**
 * 交办给本单位的来信: a page of the letters handed to the person's units by organs whose letters they do
 * not handle themselves. The query is letterAccess's 'unit' case in SQL; every row is asked again, so
 * the list can never show a letter its page would refuse.
 */
export async function listUnitLetters(deps: AppDeps, scope: UnitStaffScope, view: UnitLetterView, page: number, pageSize = LETTERS_PAGE_SIZE): Promise<LetterPage> {
  const list = await pageUnitLetters(deps.db, scope.unitIds, scope.handledOrganIds, view, { page, pageSize });
  const person = personOf(scope);
  return { ...list, items: list.items.filter((l) => letterAccess(l, person) === 'unit') };
}

/** Per unit: the open letters handed to it that still wait for its 办理意见 (待办). */
export async function countUnitLetterWork(deps: AppDeps, scope: UnitStaffScope): Promise<Map<number, number>> {
  return countUnitLettersAwaitingOpinion(deps.db, scope.unitIds, scope.handledOrganIds);
}

import type { Letter } from './letter.ts';

/**
 * How a person may open a letter: as its organ's handler (every verb), as staff of the internal unit
 * it is handed to (交办: read it and write the unit's 办理意见, nothing else), or not at all. Units do
 * not answer the public themselves — the organ replies (条例第二十七条) — but a letter handed to a unit
 * must reach that unit's staff. The back office's list 交办给本单位的来信 and the letter's page both
 * ask this rule.
 */
export type LetterAccess = 'handler' | 'unit' | null;

/** What the rule needs to know of the person, computed outside the domain from their roles. */
export type LetterPerson = {
  /** Handles the organ's letters (a role on the organ or above it; units handle none). */
  handlesOrgan: (organId: number) => boolean;
  /** Holds a role on the unit (or on a unit or organ above it). */
  belongsToUnit: (unitId: number) => boolean;
};

export function letterAccess(letter: Pick<Letter, 'organId' | 'unitId'>, person: LetterPerson): LetterAccess {
  if (person.handlesOrgan(letter.organId)) return 'handler';
  if (letter.unitId !== null && person.belongsToUnit(letter.unitId)) return 'unit';
  return null;
}

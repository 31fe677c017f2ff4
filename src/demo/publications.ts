import type { DemoPublication } from './types.ts';
import { generateOrganPublications } from './generate-publications.ts';
import { HOUSING_PROFILE } from './housing-profile.ts';
import { OTHER_ORGAN_PROFILES } from './other-organ-profiles.ts';

/** All publications of all demo organs, 2019 to 2026-11-28, ordered by organ then key. */
export function demoPublications(): DemoPublication[] {
  return [HOUSING_PROFILE, ...OTHER_ORGAN_PROFILES].flatMap(generateOrganPublications);
}

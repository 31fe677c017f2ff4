import type { DemoPublication } from './types.ts';
import { generateOrgan, generateOrganPublications, type DemoAnnualReport } from './generate-publications.ts';
import { HOUSING_PROFILE } from './housing-profile.ts';
import { OTHER_ORGAN_PROFILES } from './other-organ-profiles.ts';

/** All publications of all demo organs, 2019 to 2026-11-28, ordered by organ then key. */
export function demoPublications(): DemoPublication[] {
  return [HOUSING_PROFILE, ...OTHER_ORGAN_PROFILES].flatMap(generateOrganPublications);
}

/**
 * The 政府信息公开工作年度报告 among the demo items: per organ and report year, when the catalog
 * publishes it and the figures it states (the seed records each as published in the reports area).
 */
export function demoAnnualReports(): DemoAnnualReport[] {
  return [HOUSING_PROFILE, ...OTHER_ORGAN_PROFILES].flatMap((p) => generateOrgan(p).reports);
}

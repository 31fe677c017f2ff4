/**
 * The demo region 青岚县 (an invented county) as pure, deterministic data for `gongkai seed --demo`:
 * organs, catalogs and publications 2019–2026. No I/O, no clock, no Math.random: every call returns
 * the same data.
 */
export type { DemoOrgan, DemoCatalogNode, DisclosureStage, DemoPublication } from './types.ts';
export { demoOrgans, demoReconsiderationBodies } from './organs.ts';
export { demoCatalog } from './catalog-tree.ts';
export { demoAnnualReports, demoPublications } from './publications.ts';
export type { DemoAnnualReport } from './generate-publications.ts';
export { annualReportSections } from './annual-report.ts';
export { demoProposals, type DemoProposal } from './proposals.ts';
export { demoSearchLog, type DemoSearch } from './search-log.ts';
export { demoConsultations, type DemoConsultation } from './consultations.ts';
export { ORGAN_KEYS, HOUSING_UNIT_KEYS } from './organ-keys.ts';
export { LAST_PUBLISHED_ON } from './generate-publications.ts';
export { DEMO_SITE_IDENTITY, DEMO_HOUSING_IDENTITY } from './site-identity.ts';
export { DEMO_STANDARD_DIRECTORY } from './standard-directory.ts';

import type { OrganProfile } from './organ-profile.ts';
import { spreadTargets } from './organ-profile.ts';
import { smallOrganKinds, type SmallOrganSpec } from './small-organ-kinds.ts';
import { GOVERNMENT_SPEC } from './government-spec.ts';
import { FINANCE_SPEC } from './finance-spec.ts';
import { NATURAL_RESOURCES_SPEC } from './natural-resources-spec.ts';
import { EDUCATION_SPEC } from './education-spec.ts';
import { COUNTY_ABBR } from './word-banks.ts';

/** The county government and the other departments: 20–60 items a year each. */
const SMALL_BASE = { decision: 26, execution: 20, management: 20, service: 10, result: 24 };

function profile(spec: SmallOrganSpec, total: [number, number], prefix: string, office?: string): OrganProfile {
  return {
    organKey: spec.organKey,
    kinds: smallOrganKinds(spec),
    targets(year, rng) {
      const [lo, hi] = total;
      const n = year === 2026 ? Math.round(rng.int(lo, hi) * 0.9) : rng.int(lo, hi);
      return spreadTargets(rng, n, SMALL_BASE, 0.15);
    },
    numberPrefix: { regular: `${COUNTY_ABBR}${prefix}`, normative: `${COUNTY_ABBR}${prefix}规`, office },
    normativePlan: spec.normatives,
  };
}

export const OTHER_ORGAN_PROFILES: OrganProfile[] = [
  profile(GOVERNMENT_SPEC, [40, 60], '政', `${COUNTY_ABBR}政办`),
  profile(FINANCE_SPEC, [22, 40], '财'),
  profile(NATURAL_RESOURCES_SPEC, [22, 40], '自然资'),
  profile(EDUCATION_SPEC, [22, 40], '教'),
];

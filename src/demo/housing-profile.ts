import type { OrganProfile } from './organ-profile.ts';
import { spreadTargets } from './organ-profile.ts';
import { ORGAN_KEYS } from './organ-keys.ts';
import { HOUSING_DECISION_KINDS } from './housing-decision-kinds.ts';
import { HOUSING_EXECUTION_KINDS } from './housing-execution-kinds.ts';
import { HOUSING_MANAGEMENT_KINDS } from './housing-management-kinds.ts';
import { HOUSING_SERVICE_KINDS } from './housing-service-kinds.ts';
import { HOUSING_RESULT_KINDS } from './housing-result-kinds.ts';
import { HOUSING_NORMATIVE_PLAN } from './housing-normative-plan.ts';
import { COUNTY_ABBR } from './word-banks.ts';

/**
 * 县住房和城乡建设局, the main demo organ. In 2020 it publishes exactly 420 items split 87 决策 /
 * 63 执行 / 109 管理 / 56 服务 / 105 结果 (the figures the demo and its tests rely on); other years
 * spread 430–515 items over the stages in about the same proportions.
 */
export const HOUSING_2020_TARGETS = { decision: 87, execution: 63, management: 109, service: 56, result: 105 } as const;

export const HOUSING_PROFILE: OrganProfile = {
  organKey: ORGAN_KEYS.housing,
  kinds: [
    ...HOUSING_DECISION_KINDS, ...HOUSING_EXECUTION_KINDS, ...HOUSING_MANAGEMENT_KINDS, ...HOUSING_SERVICE_KINDS, ...HOUSING_RESULT_KINDS,
  ],
  targets(year, rng) {
    if (year === 2020) return { ...HOUSING_2020_TARGETS };
    // 2026 is a part year: the demo's "today" is 2026-11-28.
    const total = year === 2026 ? rng.int(430, 450) : rng.int(435, 515);
    return spreadTargets(rng, total, HOUSING_2020_TARGETS);
  },
  numberPrefix: { regular: `${COUNTY_ABBR}建`, normative: `${COUNTY_ABBR}建规`, penalty: `${COUNTY_ABBR}建罚决` },
  normativePlan: HOUSING_NORMATIVE_PLAN,
};

import { describe, expect, it } from 'vitest';
import { APPLICANT_TYPES, FIGURE_ROWS, OUTCOME_FAMILIES, OUTCOME_KEYS, RULES, applicationCell, rowName } from './report-format.ts';

describe('the annual report format shipped with the product', () => {
  it('has 22 result rows (1+1+8+3+5+3+1), six applicant columns and six rules', () => {
    expect(OUTCOME_FAMILIES.map((f) => f.outcomes.length)).toEqual([1, 1, 8, 3, 5, 3]);
    expect(OUTCOME_KEYS.length + 1).toBe(22);
    expect(FIGURE_ROWS).toHaveLength(25);
    expect(APPLICANT_TYPES).toEqual(['natural_person', 'commercial_enterprise', 'research_institution', 'public_interest_org', 'legal_service_org', 'other_org']);
    expect(RULES).toHaveLength(6);
  });

  it('names rows and cells as people cite them', () => {
    expect(rowName('received')).toBe('一、本年新收政府信息公开申请数量');
    expect(rowName('partly_disclosed')).toBe('三（二）部分公开');
    expect(rowName('withheld.state_secret')).toBe('三（三）1.属于国家秘密');
    expect(rowName('carried_out')).toBe('四、结转下年度继续办理');
    expect(applicationCell('results_total', 'legal_service_org')).toBe('表三「三（七）总计」法律服务机构');
  });
});

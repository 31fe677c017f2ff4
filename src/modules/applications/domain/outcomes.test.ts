import { describe, expect, it } from 'vitest';
import format from '../../reports/domain/annual-report-format.json' with { type: 'json' };
import { OUTCOME_INFO, OUTCOMES, outcomeGroup, isRefusal } from './outcomes.ts';

type Row = { key: string; label: string; children?: Row[] };
const resultRows = (format.tables.applications.rows.find((r) => r.key === 'results') as Row).children!;
const leaves = resultRows.flatMap((r) => (r.children ? r.children : r.key === 'results_total' ? [] : [r]));

describe('outcomes are the result rows of the annual report (21, plus （七）总计 = 22) (国办公开办函〔2021〕30号)', () => {
  it('has exactly the keys of annual-report-format.json, in its order', () => {
    expect(leaves).toHaveLength(21);
    expect([...OUTCOMES]).toEqual(leaves.map((r) => r.key));
  });

  it('uses the printed labels (without the item numbers)', () => {
    for (const row of leaves) {
      const printed = row.label.replace(/^\d+\./, '').replace(/^（[一二三四五六七]）/, '');
      expect(OUTCOME_INFO[row.key as (typeof OUTCOMES)[number]].label).toBe(printed);
    }
  });

  it('treats 不予公开 and 部分公开 as refusals that need reconsideration first, and nothing else', () => {
    expect(OUTCOMES.filter(isRefusal)).toEqual(['partly_disclosed', ...OUTCOMES.filter((o) => outcomeGroup(o) === 'withheld')]);
  });
});

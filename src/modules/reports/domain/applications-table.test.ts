import { describe, expect, it } from 'vitest';
import { computeApplicationsTable } from './applications-table.ts';
import type { ApplicationRow } from './report-types.ts';

const app = (receivedOn: string | null, repliedOn: string | null, outcome: string | null = repliedOn ? 'disclosed' : null, applicantType = 'natural_person'): ApplicationRow =>
  ({ applicantType, receivedOn, repliedOn, outcome });

type Where = { received: number; carriedIn: number; closedAs: string | null; carriedOut: number };
const placed = (row: ApplicationRow, year: number): Where => {
  const t = computeApplicationsTable([row], year);
  const closed = Object.keys(t).find((k) => k !== 'received' && k !== 'carried_in' && k !== 'carried_out' && k !== 'results_total' && t[k].total > 0) ?? null;
  return { received: t.received.total, carriedIn: t.carried_in.total, closedAs: closed, carriedOut: t.carried_out.total };
};

describe('table 三 year rules (docs/rules/annual-report.md: 一 received, 二 carried in, 三 closed in the year, 四 open on 31 December)', () => {
  it.each<[string, ApplicationRow, number, Where]>([
    ['received and answered in the year', app('2020-04-13', '2020-04-30'), 2020, { received: 1, carriedIn: 0, closedAs: 'disclosed', carriedOut: 0 }],
    ['received on 1 January counts in the year', app('2020-01-01', '2020-01-20'), 2020, { received: 1, carriedIn: 0, closedAs: 'disclosed', carriedOut: 0 }],
    ['received on 31 December and still open: carried out', app('2020-12-31', null), 2020, { received: 1, carriedIn: 0, closedAs: null, carriedOut: 1 }],
    ['received in December, answered next January: carried out of the year…', app('2020-12-20', '2021-01-12', 'partly_disclosed'), 2020, { received: 1, carriedIn: 0, closedAs: null, carriedOut: 1 }],
    ['…carried into the next year and closed there', app('2020-12-20', '2021-01-12', 'partly_disclosed'), 2021, { received: 0, carriedIn: 1, closedAs: 'partly_disclosed', carriedOut: 0 }],
    ['received two years before, still open: carried in and carried out', app('2019-11-02', null), 2021, { received: 0, carriedIn: 1, closedAs: null, carriedOut: 1 }],
    ['answered on 31 December of the year before: nowhere', app('2019-12-10', '2019-12-31'), 2020, { received: 0, carriedIn: 0, closedAs: null, carriedOut: 0 }],
    ['answered on 1 January: carried in and closed', app('2019-12-10', '2020-01-01', 'unable.not_held'), 2020, { received: 0, carriedIn: 1, closedAs: 'unable.not_held', carriedOut: 0 }],
    ['received after the year: nowhere', app('2021-01-04', null), 2020, { received: 0, carriedIn: 0, closedAs: null, carriedOut: 0 }],
    ['awaiting confirmation (no receipt date): nowhere', app(null, null), 2020, { received: 0, carriedIn: 0, closedAs: null, carriedOut: 0 }],
    ['closed by 其他处理 counts in its own row', app('2020-03-01', '2020-03-20', 'other.fee_unpaid'), 2020, { received: 1, carriedIn: 0, closedAs: 'other.fee_unpaid', carriedOut: 0 }],
  ])('%s', (_name, row, year, expected) => {
    expect(placed(row, year)).toEqual(expected);
  });

  it('counts by applicant type and in 总计, and adds aggregated rows by their count', () => {
    const t = computeApplicationsTable([
      { ...app('2020-02-01', '2020-02-20', 'disclosed', 'commercial_enterprise'), count: 3 },
      app('2020-05-01', '2020-05-25', 'withheld.third_party_rights', 'legal_service_org'),
      app('2019-12-30', null, null, 'other_org'),
    ], 2020);
    expect(t.received).toMatchObject({ commercial_enterprise: 3, legal_service_org: 1, other_org: 0, total: 4 });
    expect(t.disclosed).toMatchObject({ commercial_enterprise: 3, total: 3 });
    expect(t['withheld.third_party_rights']).toMatchObject({ legal_service_org: 1, total: 1 });
    expect(t.results_total).toMatchObject({ commercial_enterprise: 3, legal_service_org: 1, total: 4 });
    expect(t.carried_in).toMatchObject({ other_org: 1, total: 1 });
    expect(t.carried_out).toMatchObject({ other_org: 1, total: 1 });
  });

  it('leaves a case closed without an outcome out of 三, so the balance check names it', () => {
    const t = computeApplicationsTable([app('2020-02-01', '2020-02-20', null)], 2020);
    expect(t.received.total).toBe(1);
    expect(t.results_total.total).toBe(0);
    expect(t.carried_out.total).toBe(0);
  });
});

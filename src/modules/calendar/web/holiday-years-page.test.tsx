import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { HolidayYearsPage } from './holiday-years-page.tsx';

describe('the holiday years page', () => {
  it('dates an entry by the day in China (found by an outside tester: entered at 01:30 Beijing time, it showed the day before)', () => {
    const html = render(
      <HolidayYearsPage
        user={{ displayName: '管理员', username: 'admin', isSystemAdmin: true }} csrf="t" flash={null} builtin={[]} values={{}} errors={{}} thisYear={2027}
        admin={[{ year: 2027, source: 'admin', holidays: ['2027-01-01'], workdays: [], enteredBy: 1, enteredAt: '2026-12-14T17:30:00.000Z' }]}
      />,
    );
    expect(html).toContain('管理员录入（2026-12-15）');
  });
});

import type { Page } from 'playwright-core';

/** What a disclosure officer does with applications in the back office. Assertions stay in the specs. */
export class ApplicationsAdminPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async openWorkList(organCode: string, view: 'open' | 'due_soon' | 'overdue' | 'awaiting_confirmation' | 'closed' | 'all' = 'open') {
    await this.page.goto(`${this.baseUrl}/admin/applications?organ=${organCode}&view=${view}`);
  }

  workListRows() {
    return this.page.locator('#work-list tbody tr').allTextContents();
  }

  async openCase(trackingNo: string) {
    await this.page.getByRole('link', { name: trackingNo, exact: true }).click();
  }

  /** Fills the form of one verb (by its heading) and submits it. Fields are labels → values; a select takes the option label. */
  async perform(verbLabel: string, fields: Record<string, string> = {}) {
    const form = this.page.locator('form.panel', { has: this.page.getByRole('heading', { name: verbLabel, exact: true }) });
    for (const [label, value] of Object.entries(fields)) {
      const field = form.getByLabel(label, { exact: false });
      const tag = await field.evaluate((el) => el.tagName.toLowerCase());
      if (tag === 'select') await field.selectOption({ label: value });
      else await field.fill(value);
    }
    await form.getByRole('button', { name: verbLabel, exact: true }).click();
  }

  verbsOffered() {
    return this.page.locator('.verb-forms form h3').allTextContents();
  }

  dueDate() {
    return this.page.locator('#due-date').textContent();
  }

  async traceLines() {
    await this.page.locator('#due-trace summary').click();
    return this.page.locator('#due-trace li').allTextContents();
  }

  dueWarning() {
    return this.page.locator('#due-warning').textContent();
  }

  state() {
    return this.page.locator('h1 small').textContent();
  }

  flash() {
    return this.page.locator('.flash').textContent();
  }

  fieldError() {
    return this.page.locator('.error-summary').textContent();
  }

  letterNames() {
    return this.page.locator('#letters tbody tr td:first-child').allTextContents();
  }
}

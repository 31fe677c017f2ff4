import type { Page } from 'playwright-core';
import { AdminPages } from './admin-pages.ts';

/** What a disclosure officer does with an annual report in the back office, and what a citizen sees on the portal. */
export class ReportPages {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  signIn(username: string, password: string) {
    return new AdminPages(this.page, this.baseUrl).signIn(username, password);
  }

  async openReportsOf(organCode: string) {
    await this.page.goto(`${this.baseUrl}/admin/organs/${organCode}/annual-reports`);
  }

  async openYear(year: number) {
    await this.page.getByRole('link', { name: `${year}年度报告` }).click();
  }

  async startDrafting() {
    await this.page.getByRole('button', { name: /开始编制/ }).click();
  }

  sectionText(no: string) {
    return this.page.getByLabel(new RegExp(`^${no}、`)).inputValue();
  }

  async setSection(no: string, text: string) {
    await this.page.getByLabel(new RegExp(`^${no}、`)).fill(text);
  }

  async saveText() {
    await this.page.getByRole('button', { name: '保存正文' }).click();
  }

  /** Each check as shown: passed or not, and its title. */
  async checks(): Promise<{ ok: boolean; text: string }[]> {
    return this.page.locator('.report-checks > li').evaluateAll((lis) => lis.map((li) => ({ ok: li.getAttribute('data-ok') === 'true', text: li.textContent ?? '' })));
  }

  failedCells() {
    return this.page.locator('.report-checks li.check-failed details li').allTextContents();
  }

  refusalsOf(verb: string) {
    return this.page.locator('.report-actions form', { has: this.page.getByRole('button', { name: verb }) }).locator('.refusals li').allTextContents();
  }

  async perform(verb: '提交审核' | '发布' | '退回修改') {
    await this.page.getByRole('button', { name: verb, exact: true }).click();
  }

  status() {
    return this.page.locator('#report-status').textContent();
  }

  flash() {
    return this.page.locator('.flash').textContent();
  }

  async openPortalReport(organCode: string, year: number) {
    await this.page.goto(`${this.baseUrl}/organs/${organCode}/annual-reports/${year}`);
  }
}

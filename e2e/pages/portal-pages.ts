import type { Page } from 'playwright-core';

/** What a citizen does on the portal. Assertions stay in the specs. */
export class PortalPages {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async openHome() {
    await this.page.goto(`${this.baseUrl}/`);
  }

  async openOrgan(name: string) {
    await this.page.getByRole('link', { name, exact: true }).first().click();
  }

  async openCatalogNode(name: string) {
    await this.page.getByRole('navigation', { name: '公开目录' }).getByRole('link', { name, exact: true }).first().click();
  }

  async openFirstItemInList() {
    const link = this.page.locator('table.list tbody tr td a').first();
    const title = (await link.textContent())?.trim() ?? '';
    await link.click();
    return title;
  }

  async setFontSize(label: '大' | '中' | '小') {
    await this.page.getByRole('navigation', { name: '阅读设置' }).getByRole('link', { name: label, exact: true }).click();
  }

  async toggleElderMode() {
    await this.page.getByRole('navigation', { name: '阅读设置' }).getByRole('link', { name: /适老化模式/ }).click();
  }

  bodyClass() {
    return this.page.locator('body').getAttribute('class');
  }

  metadataValue(label: string) {
    return this.page.locator('table.meta-table th', { hasText: label }).first().locator('xpath=following-sibling::td[1]').textContent();
  }
}

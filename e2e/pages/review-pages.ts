import type { Page } from 'playwright-core';

/** The review panel of a publication page: what drafters, reviewers and publishers do there. */
export class ReviewPanelPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async open(publicationId: number) {
    await this.page.goto(`${this.baseUrl}/admin/publications/${publicationId}`);
  }

  async fillReviewForm(note: string) {
    await this.page.getByLabel('密级').selectOption({ label: '非密' });
    await this.page.getByLabel('保密和个人信息处理说明').fill(note);
    await this.page.getByRole('button', { name: '保存审查表' }).click();
  }

  async submit() {
    await this.page.getByRole('button', { name: '报送审核' }).click();
  }

  async approve(comment: string) {
    await this.page.getByLabel('审核意见').fill(comment);
    await this.page.getByRole('button', { name: '审核通过' }).click();
  }

  async returnForChanges(comment: string) {
    await this.page.getByLabel('审核意见').fill(comment);
    await this.page.getByRole('button', { name: '退回修改' }).click();
  }

  async publishNow() {
    await this.page.getByRole('button', { name: '立即发布' }).click();
  }

  flash() {
    return this.page.locator('.flash').textContent();
  }

  status() {
    return this.page.locator('main > p strong').first().textContent();
  }

  signOffs() {
    return this.page.locator('.review-panel table.list tbody tr').allTextContents();
  }
}

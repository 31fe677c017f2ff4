import type { Page } from 'playwright-core';

/** What a disclosure officer does in the back office. */
export class AdminPages {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async signIn(username: string, password: string) {
    await this.page.goto(`${this.baseUrl}/admin/login`);
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: '登录' }).click();
  }

  async startNewItem(organCode: string) {
    await this.page.goto(`${this.baseUrl}/admin/organs/${organCode}/publications/new`);
  }

  async fillItem(fields: { title: string; formedOn: string; stage: string; docType: string; body: string; nodeLabel: string }) {
    await this.page.getByLabel(/标题/).fill(fields.title);
    await this.page.getByLabel(/成文日期/).fill(fields.formedOn);
    await this.page.getByLabel(/五公开类别/).selectOption({ label: fields.stage });
    await this.page.getByLabel(/文件类型/).selectOption({ label: fields.docType });
    // The body is written in the visual editor; its 源代码 view takes HTML as typed (issue 15).
    const source = this.page.getByRole('button', { name: '源代码' });
    await source.click();
    await this.page.locator('#f-bodyHtml').fill(fields.body);
    await source.click();
    await this.page.getByLabel(fields.nodeLabel, { exact: false }).first().check();
  }

  async saveDraft() {
    await this.page.getByRole('button', { name: /保存草稿|保存/ }).first().click();
  }

  async signOut() {
    await this.page.getByRole('button', { name: '退出' }).click();
  }

  currentPublicationId() {
    return Number(/\/admin\/publications\/(\d+)/.exec(this.page.url())?.[1]);
  }

  flash() {
    return this.page.locator('.flash').textContent();
  }
}

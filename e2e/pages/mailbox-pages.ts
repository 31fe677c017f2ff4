import type { Page } from 'playwright-core';

/** What a citizen does with an organ's mailbox on the portal. */
export class MailboxPortalPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async openFromOrganHome(organCode: string) {
    await this.page.goto(`${this.baseUrl}/organs/${organCode}`);
    // The organ home's entry (the site's navigation bar has a 互动交流 link too).
    await this.page.getByRole('list', { name: '信息公开栏目' }).getByRole('link', { name: '互动交流' }).click();
    await this.page.getByRole('link', { name: '我要写信' }).click();
  }

  async write(fields: { type: string; subject: string; content: string; name: string; contact: string; publish: boolean }) {
    await this.page.getByLabel(fields.type, { exact: true }).check();
    await this.page.locator('#f-subject').fill(fields.subject);
    await this.page.locator('#f-content').fill(fields.content);
    await this.page.locator('#f-writerName').fill(fields.name);
    // 联系电话 and 电子邮箱 are two fields (a phone keypad, an e-mail keyboard); one of them is enough.
    await this.page.locator(fields.contact.includes('@') ? '#f-email' : '#f-phone').fill(fields.contact);
    if (fields.publish) await this.page.getByLabel(/同意在答复后公开本信/).check();
  }

  async send() {
    await this.page.getByRole('button', { name: '提交' }).click();
  }

  errorSummary() {
    return this.page.locator('.error-summary').textContent();
  }

  async receipt() {
    return { trackingNo: (await this.page.locator('#tracking-no').textContent())!.trim(), queryCode: (await this.page.locator('#query-code').textContent())!.trim() };
  }

  async follow(trackingNo: string, queryCode: string) {
    await this.page.goto(`${this.baseUrl}/letters/status`);
    await this.page.locator('#f-trackingNo').fill(trackingNo);
    await this.page.locator('#f-queryCode').fill(queryCode);
    await this.page.getByRole('button', { name: '查询' }).click();
  }

  reply() {
    return this.page.locator('#reply-text').textContent();
  }

  async rate(label: string, comment: string) {
    await this.page.getByLabel(label, { exact: true }).check();
    await this.page.locator('#f-comment').fill(comment);
    await this.page.getByRole('button', { name: '提交评价' }).click();
  }

  status() {
    return this.page.locator('#letter-status').textContent();
  }

  async openPublished(organCode: string, subject: string) {
    await this.page.goto(`${this.baseUrl}/organs/${organCode}/letters`);
    await this.page.getByRole('link', { name: subject }).click();
  }
}

/** What a mailbox officer does in the back office. */
export class MailboxAdminPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async openLetter(organCode: string, trackingNo: string) {
    await this.page.goto(`${this.baseUrl}/admin/letters?organ=${organCode}`);
    await this.page.getByRole('link', { name: trackingNo }).click();
  }

  dueOn() {
    return this.page.locator('#due-on').textContent();
  }

  async reply(text: string) {
    await this.page.locator('#f-replyText').fill(text);
    await this.page.locator('#verb-reply').getByRole('button', { name: '答复' }).click();
  }

  state() {
    return this.page.locator('#letter-state').textContent();
  }
}

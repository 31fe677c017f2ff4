import type { Page } from 'playwright-core';

export type ApplicationForm = {
  applicantType: string;
  name: string;
  idKind: string;
  idNumber: string;
  phone: string;
  email?: string;
  subject: string;
  documentNumber?: string;
  provisionForm: string;
  deliveryMethod: string;
};

/** What an applicant does on the portal: apply online, check the status, open a letter. Assertions stay in the specs. */
export class ApplicationsPortalPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async openApplyForm(organCode: string) {
    await this.page.goto(`${this.baseUrl}/organs/${organCode}/apply`);
  }

  async fill(form: ApplicationForm) {
    const p = this.page;
    await p.getByLabel('申请人类型').selectOption({ label: form.applicantType });
    await p.getByLabel('姓名或名称').fill(form.name);
    await p.getByLabel('身份证明类型').selectOption({ label: form.idKind });
    await p.getByLabel('证件号码').fill(form.idNumber);
    await p.getByLabel('联系电话').fill(form.phone);
    if (form.email) await p.getByLabel('电子邮箱').fill(form.email);
    await p.getByLabel('所需信息的内容描述').fill(form.subject);
    if (form.documentNumber) await p.getByLabel('文号').fill(form.documentNumber);
    await p.getByLabel('信息的提供形式').selectOption({ label: form.provisionForm });
    await p.getByLabel('获取信息的方式').selectOption({ label: form.deliveryMethod });
  }

  async submit() {
    await this.page.getByRole('button', { name: '提交申请' }).click();
  }

  async receipt() {
    return {
      trackingNo: (await this.page.locator('#tracking-no').textContent())?.trim() ?? '',
      queryCode: (await this.page.locator('#query-code').textContent())?.trim() ?? '',
    };
  }

  errorSummary() {
    return this.page.locator('.error-summary').textContent();
  }

  async checkStatus(trackingNo: string, queryCode: string) {
    await this.page.goto(`${this.baseUrl}/applications/status`);
    await this.page.getByLabel('申请编号').fill(trackingNo);
    await this.page.getByLabel('查询码').fill(queryCode);
    await this.page.getByRole('button', { name: '查询' }).click();
  }

  statusValue(label: string) {
    return this.page.locator('#status-table tr', { has: this.page.locator('th', { hasText: label }) }).locator('td').textContent();
  }

  letterNames() {
    return this.page.locator('#letters tbody tr td:first-child').allTextContents();
  }

  /** Opens a letter as a web page (the 查看 link of its row). */
  async viewLetter(name: string) {
    await this.page.locator('#letters tbody tr', { hasText: name }).getByRole('link', { name: '查看' }).click();
  }

  /** Downloads a letter as PDF or DOCX and returns the bytes. */
  async downloadLetter(name: string, format: 'PDF' | 'DOCX') {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.locator('#letters tbody tr', { hasText: name }).getByRole('link', { name: format }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return { fileName: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }
}

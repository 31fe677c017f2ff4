import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createNode, createOrgan, createStaff } from '../test/support/factories.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');
const TITLE = '关于2026年城镇老旧小区改造工作进展情况的报告';

/**
 * A new item from an upward 公文 (版头 with 文号 and 签发人 on one line, a title over two centred lines
 * ending 的报告, the 落款 dated 二〇二六年十二月一日), in Chromium with and without JavaScript: 标题, 文号
 * and 成文日期 come from the document, and no 五公开类别 is chosen for the officer (docs/adr/0017).
 */
describe.skipIf(SKIP_BROWSER)('a new item imported from a Word 公文, with and without JavaScript', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let officer: { username: string; password: string };
  let organCode: string;
  let wordFile: string;
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-06T02:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    organCode = organ.code;
    await createNode(deps, organ.id, { name: '工作报告' });
    officer = await createStaff(deps, organ.code, 'editor');
    const centred = (text: string) => new Paragraph({ text, alignment: AlignmentType.CENTER });
    wordFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gk-word-')), '进展报告.docx');
    fs.writeFileSync(wordFile, await Packer.toBuffer(new Document({ sections: [{ children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '青岚县住房和城乡建设局文件', color: 'FF0000', size: 60 })] }),
      new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: 8800 }], children: [new TextRun('岚建〔2026〕64号'), new TextRun({ children: [new Tab(), '签发人：赵局长'] })] }),
      new Paragraph({ children: [], border: { bottom: { style: 'single', size: 12, color: 'FF0000', space: 1 } } }),
      centred('关于2026年城镇老旧小区改造工作'), centred('进展情况的报告'),
      new Paragraph('县人民政府：'),
      new Paragraph({ text: '现将我局2026年城镇老旧小区改造工作进展情况报告如下。', indent: { firstLine: 640 } }),
      new Paragraph({ text: '青岚县住房和城乡建设局', alignment: AlignmentType.RIGHT }),
      new Paragraph({ text: '二〇二六年十二月一日', alignment: AlignmentType.RIGHT }),
    ] }] })));
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => {
    await served?.close();
    if (wordFile) fs.rmSync(path.dirname(wordFile), { recursive: true, force: true });
  });

  it('with JavaScript: the toolbar’s import fills 标题, 文号 and 成文日期; saving needs a 五公开类别', async () => {
    const page = await served.newPage({ bypassCSP: true });
    await new AdminPages(page, served.baseUrl).signIn(officer.username, officer.password);
    await page.goto(`${served.baseUrl}/admin/organs/${organCode}/publications/new`);
    await expect(page.locator('#f-stage option:checked').textContent()).resolves.toBe('请选择');
    await expect(page.locator('#f-docType option:checked').textContent()).resolves.toBe('请选择');
    // The form's own import box is for pages without JavaScript: here the toolbar imports, and the hint says so.
    await expect(page.locator('[data-docx-fallback]').isHidden()).resolves.toBe(true);
    await expect(page.locator('#h-bodyHtml').textContent()).resolves.toMatch(/^用编辑框上方的工具栏排版/);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('toolbar', { name: '正文编辑工具' }).getByRole('button', { name: '导入 Word 文档' }).click();
    await (await chooser).setFiles(wordFile);
    await page.getByText(/已导入“进展报告.docx”/).waitFor();
    await expect(page.getByText(/已导入“进展报告.docx”/).textContent()).resolves.toBe(
      `已导入“进展报告.docx”。文档开头的标题“${TITLE}”已填入“标题（名称）”，未放入正文；文档开头的版头（发文机关标志、文号，签发人赵局长）未放入正文；文号“岚建〔2026〕64号”已填入“文号”；`
      + '落款日期“二〇二六年十二月一日”已填入“成文日期”（2026-12-01）。请核对后保存。',
    );
    await expect(page.locator('#f-title').inputValue()).resolves.toBe(TITLE);
    await expect(page.locator('#f-documentNumber').inputValue()).resolves.toBe('岚建〔2026〕64号');
    await expect(page.locator('#f-formedOn').inputValue()).resolves.toBe('2026-12-01');
    await expect(page.locator('.rich-content').textContent()).resolves.toMatch(/^县人民政府：/);
    await page.getByLabel('工作报告').check();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect(page.locator('#e-stage').textContent()).resolves.toBe('请选择五公开类别（决策、执行、管理、服务、结果）');
    await expect(page.locator('#e-docType').textContent()).resolves.toBe('请选择文件类型（规章、行政规范性文件或其他）');
    await page.getByLabel(/五公开类别/).selectOption({ label: '结果公开' });
    await page.getByLabel(/文件类型/).selectOption({ label: '其他' });
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存').first().waitFor();
    await expect(page.locator('#f-formedOn').inputValue()).resolves.toBe('2026-12-01');
    await page.context().close();
  }, 120_000);

  it('without JavaScript: the new-item page imports the .docx into the form, and the draft is saved from it', async () => {
    const page = await served.newPage({ javaScriptEnabled: false });
    await new AdminPages(page, served.baseUrl).signIn(officer.username, officer.password);
    await page.goto(`${served.baseUrl}/admin/organs/${organCode}/publications/new`);
    await expect(page.locator('#h-bodyHtml').textContent()).resolves.toMatch(/^在此填写正文的 HTML，或用下方的“从 Word 文档导入正文”导入/);
    await page.getByLabel('工作报告').check();
    await page.getByLabel(/从 Word 文档导入正文/).setInputFiles(wordFile);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText(/已从 Word 文档导入正文/).first().waitFor();
    await expect(page.locator('#f-title').inputValue()).resolves.toBe(TITLE);
    await expect(page.locator('#f-documentNumber').inputValue()).resolves.toBe('岚建〔2026〕64号');
    await expect(page.locator('#f-formedOn').inputValue()).resolves.toBe('2026-12-01');
    await expect(page.locator('#f-bodyHtml').inputValue()).resolves.toMatch(/^<p class="flush">县人民政府：<\/p>/);
    await expect(page.getByLabel('工作报告').isChecked()).resolves.toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'word-import-new-item-no-js.png'), fullPage: true });
    await page.getByLabel(/五公开类别/).selectOption({ label: '结果公开' });
    await page.getByLabel(/文件类型/).selectOption({ label: '其他' });
    // The test before saved this document's 文号 already, and a 文号 names one document of the organ (4e61467): this copy
    // is saved under another, so what is checked here is the import without JavaScript, whichever test runs first.
    await page.locator('#f-documentNumber').fill('岚建〔2026〕65号');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存').first().waitFor();
    await expect(page.locator('#f-title').inputValue()).resolves.toBe(TITLE);
    await expect(page.locator('#f-formedOn').inputValue()).resolves.toBe('2026-12-01');
    // On the draft the import box is in the form, not folded away.
    await expect(page.getByLabel(/从 Word 文档导入正文/).isVisible()).resolves.toBe(true);
    await page.context().close();
  }, 120_000);
});

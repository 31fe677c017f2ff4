import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createDraft, createNode, createOrgan, createStaff } from '../test/support/factories.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');
const TITLE = '关于印发《青岚县2026年城镇老旧小区改造实施方案》的通知';

/**
 * 导入 Word 文档 in Chromium with a 公文 that opens with its 版头 (青岚县住房和城乡建设局文件, 岚建〔2026〕63号)
 * and a title over two centred lines: the editor takes the body without them and the empty 文号 box
 * is filled from the 版头 (docs/adr/0017).
 */
describe.skipIf(SKIP_BROWSER)('a Word 公文 with its 版头 brought into the editor', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let officer: { username: string; password: string };
  let draftId: number;
  let wordFile: string;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    draftId = (await createDraft(deps, organ.id, [await createNode(deps, organ.id)], { title: TITLE, documentNumber: '', bodyHtml: '<p>原有正文。</p>' })).id;
    officer = await createStaff(deps, organ.code, 'editor');
    const centred = (text: string) => new Paragraph({ text, alignment: AlignmentType.CENTER });
    wordFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gk-word-')), '实施方案通知.docx');
    fs.writeFileSync(wordFile, await Packer.toBuffer(new Document({ sections: [{ children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '青岚县住房和城乡建设局文件', color: 'FF0000', size: 60 })] }),
      centred('岚建〔2026〕63号'),
      new Paragraph({ children: [], border: { bottom: { style: 'single', size: 12, color: 'FF0000', space: 1 } } }),
      centred('关于印发《青岚县2026年城镇老旧小区改造'), centred('实施方案》的通知'),
      new Paragraph('各乡镇人民政府，县直有关单位：'),
      new Paragraph({ text: '现将实施方案印发给你们，请认真贯彻执行。', indent: { firstLine: 640 } }),
    ] }] })));
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => {
    await served?.close();
    if (wordFile) fs.rmSync(path.dirname(wordFile), { recursive: true, force: true });
  });

  it('leaves the 版头 and the two title lines out of the body and fills the empty 文号', async () => {
    const page = await served.newPage({ bypassCSP: true });
    await new AdminPages(page, served.baseUrl).signIn(officer.username, officer.password);
    await page.goto(`${served.baseUrl}/admin/publications/${draftId}`);
    const toolbar = page.getByRole('toolbar', { name: '正文编辑工具' });
    page.once('dialog', (d) => d.accept());
    const chooser = page.waitForEvent('filechooser');
    await toolbar.getByRole('button', { name: '导入 Word 文档' }).click();
    await (await chooser).setFiles(wordFile);
    await page.getByText(/已导入“实施方案通知.docx”/).waitFor();
    await expect(page.getByText(/已导入“实施方案通知.docx”/).textContent()).resolves.toBe(
      '已导入“实施方案通知.docx”。文档开头的标题与“标题（名称）”相同，未再放入正文；文档开头的版头（发文机关标志、文号）未放入正文；文号“岚建〔2026〕63号”已填入“文号”。请核对后保存。',
    );
    await expect(page.locator('#f-documentNumber').inputValue()).resolves.toBe('岚建〔2026〕63号');
    const text = await page.locator('.rich-content').textContent();
    expect(text).toMatch(/^各乡镇人民政府，县直有关单位：/);
    expect(text).not.toContain('文件');
    expect(text).not.toContain('63号');
    await page.context().close();
  }, 120_000);
});

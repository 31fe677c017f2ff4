import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createDraft, createNode, createOrgan, createPublished, createStaff } from '../test/support/factories.ts';
import type { AppDeps } from '../src/platform/app-deps.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * An outside tester's path, in a browser: an officer revises a published item that has no 保密审查表 (every
 * imported one), is refused for the 密级, chooses 非密 in the 保密审查表 below and presses 保存审查表, as the
 * refusal asks. The revision typed above was lost: the 保密审查表 was a form of its own and its page came
 * back from the database. Its fields now belong to the item's form (the `form` attribute), so the browser
 * sends the revision with them and the page comes back with it.
 */
describe.skipIf(SKIP_BROWSER)('a revision refused for the 保密审查表 is kept', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let deps: AppDeps;
  let id: number;
  let officer: { username: string; password: string };
  let draftId: number;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const built = await buildTestApp(handle, '2026-03-02T02:00:00Z');
    deps = built.deps;
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const node = await createNode(deps, organ.id, { name: '通知公告' });
    id = (await createPublished(deps, organ.id, [node], { title: '关于城区停水的通知' })).id;
    officer = await createStaff(deps, organ.code, 'editor');
    draftId = (await createDraft(deps, organ.id, [node], { title: '关于城区停电的通知' })).id;
    served = await serveForBrowser(built.app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('keeps the typed title and 修订说明 through the refusal and 保存审查表, and saves the revision after', async () => {
    const page = await served.newPage({ viewport: { width: 1280, height: 900 } });
    await new AdminPages(page, served.baseUrl).signIn(officer.username, officer.password);
    await page.goto(`${served.baseUrl}/admin/publications/${id}`);
    await page.locator('#f-title').fill('关于城区停水时间调整的通知');
    await page.locator('#f-changeNote').fill('停水时间改为 6 月 3 日');
    await page.getByRole('button', { name: '保存修订并报送审核' }).click();
    await expect(page.locator('#error-summary').textContent()).resolves.toContain('保密审查表未填写密级');

    await page.locator('#f-secrecyLevel').selectOption({ label: '非密' });
    await page.getByRole('button', { name: '保存审查表' }).click();
    await expect(page.locator('.flash').first().textContent()).resolves.toContain('保密审查表已保存');
    await expect(page.locator('#f-title').inputValue()).resolves.toBe('关于城区停水时间调整的通知');
    await expect(page.locator('#f-changeNote').inputValue()).resolves.toBe('停水时间改为 6 月 3 日');
    await page.screenshot({ path: path.join(SHOTS, 'revision-kept-after-review-form.png'), fullPage: true });

    await page.getByRole('button', { name: '保存修订并报送审核' }).click();
    await expect(page.locator('.flash').first().textContent()).resolves.toContain('修订已保存并报送审核');
    const revision = await deps.db.selectFrom('publication_revisions').select(['input_json', 'status']).where('publication_id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(revision.input_json)).toMatchObject({ title: '关于城区停水时间调整的通知' });
    await page.context().close();
  }, 120_000);

  it('a draft: 上传 an attachment after editing the title keeps the title typed, and the file is uploaded', async () => {
    const page = await served.newPage({ viewport: { width: 1280, height: 900 } });
    await new AdminPages(page, served.baseUrl).signIn(officer.username, officer.password);
    await page.goto(`${served.baseUrl}/admin/publications/${draftId}`);
    await page.locator('#f-title').fill('关于城区停电时间调整的通知');
    await page.locator('#f-file').setInputFiles({ name: '停电范围.txt', mimeType: 'text/plain', buffer: Buffer.from('城北片区') });
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await expect(page.locator('.flash').first().textContent()).resolves.toContain('已上传附件“停电范围.txt”');
    await expect(page.locator('#f-title').inputValue()).resolves.toBe('关于城区停电时间调整的通知');
    await expect(page.locator('#att-h + ul, #att-h ~ ul').first().textContent()).resolves.toContain('停电范围.txt');
    await page.context().close();
  }, 120_000);
});

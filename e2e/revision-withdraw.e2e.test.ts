import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createDraft, createNode, createOrgan, createStaff, system } from '../test/support/factories.ts';
import { addAttachment } from '../src/modules/catalog/index.ts';
import { fillReviewForm, publishImported } from '../src/modules/review/index.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');
const PUBLISHED = '关于城区部分区域临时停水的通知';
const REVISED = '关于城区部分区域临时停水时间调整的通知';
const COMMENT = '请删去个人手机号，联系电话用办公电话';

/**
 * 撤回修订 in the browser (ADR 0051): an officer revises a published notice and adds a file with the revision; the
 * publisher returns it (退回修订) with a comment; the officer finds it in 待办 under 退回给我修改, opens it, reads the comment
 * and withdraws it. The item's page then shows the published version with no revision and no added file, the portal
 * the published notice, and 待办 lists nothing; pressed again from a page left open, 撤回修订 is refused in words.
 */
describe.skipIf(SKIP_BROWSER)('an officer withdraws a returned revision', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let id: number;
  let organCode: string;
  let officer: { username: string; password: string };
  let publisher: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-03-02T02:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const news = await createNode(deps, organ.id, { name: '通知公告' });
    const draft = await createDraft(deps, organ.id, [news], { title: PUBLISHED, bodyHtml: '<p>因供水管网改造，3 月 5 日城区部分区域临时停水。</p>' });
    await addAttachment(deps, system, draft.id, { fileName: '停水范围.txt', bytes: Buffer.from('停水范围：幸福小区、阳光花园。') });
    await publishImported(deps, system, draft.id);
    await fillReviewForm(deps, system, draft.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    id = draft.id;
    organCode = organ.code;
    officer = await createStaff(deps, organ.code, 'editor');
    publisher = await createStaff(deps, organ.code, 'disclosure_office');
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  const signedIn = async (who: { username: string; password: string }) => {
    const page = await served.newPage();
    page.on('dialog', (d) => void d.accept());
    await new AdminPages(page, served.baseUrl).signIn(who.username, who.password);
    return page;
  };
  const itemPage = (page: Page) => page.goto(`${served.baseUrl}/admin/publications/${id}`);

  it('proposes, is returned, sees it in 待办, withdraws it, and the item is the published version again', async () => {
    // The officer revises the title and adds a file with the revision.
    const mine = await signedIn(officer);
    await itemPage(mine);
    await mine.locator('#f-title').fill(REVISED);
    await mine.locator('#f-changeNote').fill('停水时间调整为 3 月 6 日');
    await mine.getByRole('button', { name: '保存修订并报送审核' }).click();
    await mine.waitForURL(/\/admin\/publications\/\d+/);
    await expect(mine.locator('#revision-h').textContent()).resolves.toBe('待审核的修订');
    await mine.locator('#f-file').setInputFiles({ name: '调整后停水时间.txt', mimeType: 'text/plain', buffer: Buffer.from('停水时间调整为 3 月 6 日。') });
    await mine.getByRole('button', { name: '上传', exact: true }).click();
    await expect(mine.getByText('（随修订新增，审核通过后公开）').count()).resolves.toBe(1);

    // The publisher returns it with a comment.
    const theirs = await signedIn(publisher);
    await theirs.goto(`${served.baseUrl}/admin/review`);
    await expect(theirs.locator('#mine-h').textContent()).resolves.toBe('等待我审核或发布（1）');
    await itemPage(theirs);
    await theirs.locator('#f-amendment-comment').fill(COMMENT);
    await theirs.getByRole('button', { name: '退回修订' }).click();
    await expect(theirs.locator('.flash').textContent()).resolves.toContain('已退回修订');
    await theirs.goto(`${served.baseUrl}/admin/review`);
    await expect(theirs.locator('#mine-h').textContent()).resolves.toBe('等待我审核或发布（0）');

    // The officer finds it in 待办 under 退回给我修改, with the comment, and opens it.
    await mine.goto(`${served.baseUrl}/admin/review`);
    const returned = mine.locator('section[aria-labelledby="ret-h"]');
    await expect(returned.innerText()).resolves.toContain(`${PUBLISHED}（修订）`);
    await expect(returned.innerText()).resolves.toContain(COMMENT);
    await mine.screenshot({ path: path.join(SHOTS, 'revision-withdraw-inbox.png'), fullPage: true });
    await returned.getByRole('link', { name: `${PUBLISHED}（修订）` }).click();
    await mine.waitForURL(new RegExp(`/admin/publications/${id}$`));
    await expect(mine.locator('#f-title').inputValue()).resolves.toBe(REVISED);
    await expect(mine.locator('section[aria-labelledby="revision-h"]').innerText()).resolves.toContain(COMMENT);

    // A second tab left on the page, to press 撤回修订 again later.
    const stale = await signedIn(officer);
    await itemPage(stale);

    await mine.getByRole('button', { name: '撤回修订' }).click();
    // A page first says what will be lost — the file uploaded with the revision, by name — and that the published version stays.
    await expect(mine.locator('h1').textContent()).resolves.toBe(`撤回修订：${PUBLISHED}`);
    await expect(mine.locator('main').innerText()).resolves.toContain('随修订上传的 1 个附件将删除：调整后停水时间.txt');
    await expect(mine.locator('main').innerText()).resolves.toContain('已发布的版本不变');
    await mine.getByRole('button', { name: '确认撤回修订' }).click();
    await expect(mine.locator('.flash').textContent()).resolves.toContain('已撤回修订');
    // The published version, with no revision: its title, its one file, no revision panel or 退回意见.
    await expect(mine.locator('#f-title').inputValue()).resolves.toBe(PUBLISHED);
    await expect(mine.locator('#revision-h').count()).resolves.toBe(0);
    await expect(mine.getByText('修订已退回修改').count()).resolves.toBe(0);
    await expect(mine.getByText('调整后停水时间.txt').count()).resolves.toBe(0);
    await expect(mine.locator('section[aria-labelledby="att-h"] li').allInnerTexts()).resolves.toEqual([expect.stringContaining('停水范围.txt')]);
    await expect(mine.getByRole('button', { name: '撤回修订' }).count()).resolves.toBe(0);
    await mine.screenshot({ path: path.join(SHOTS, 'revision-withdrawn-item.png'), fullPage: true });
    await mine.goto(`${served.baseUrl}/admin/review`);
    await expect(mine.locator('section[aria-labelledby="ret-h"]').count()).resolves.toBe(0);

    // The portal shows the published notice and its file, nothing of the revision.
    const portal = await served.newPage();
    await portal.goto(`${served.baseUrl}/organs/${organCode}/items/${id}`);
    await expect(portal.locator('h1').first().textContent()).resolves.toContain(PUBLISHED);
    await expect(portal.getByText('停水范围.txt').count()).resolves.toBeGreaterThan(0);
    await expect(portal.getByText('调整后停水时间.txt').count()).resolves.toBe(0);

    // Pressed again from the page left open: refused in words where the page lands, nothing else happens.
    await stale.getByRole('button', { name: '撤回修订' }).click();
    const refused = stale.locator('[role="alert"]', { hasText: '未能撤回修订' });
    await expect(refused.innerText()).resolves.toContain('没有等待审核或退回的修订');
    await expect(stale.locator('#f-title').inputValue()).resolves.toBe(PUBLISHED);
    for (const p of [mine, theirs, stale, portal]) await p.context().close();
  }, 180_000);
});

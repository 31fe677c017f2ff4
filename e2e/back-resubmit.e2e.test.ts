import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createActor, createOrgan } from '../test/support/factories.ts';
import { openConsultation } from '../src/modules/interaction/index.ts';
import { MailboxPortalPage } from './pages/mailbox-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

/** Back, then 提交 again, in Chromium (outside tester): no second letter or comment (docs/workflows/public-forms.md). */
describe.skipIf(SKIP_BROWSER)('the mailbox and 意见征集 forms in Chromium, Back after sending, then 提交 again', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let deps: Awaited<ReturnType<typeof buildTestApp>>['deps'];
  let organ: { id: number; code: string; name: string };
  let consultationId: number;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const built = await buildTestApp(handle, '2026-06-01T01:00:00Z');
    deps = built.deps;
    organ = await createOrgan(deps, { parentCode: (await createOrgan(deps, { name: '青岚县人民政府' })).code, name: '青岚县住房和城乡建设局' });
    const office = await createActor(deps, organ.code, 'disclosure_office');
    consultationId = (await openConsultation(deps, office.actor, organ.id, { title: '老旧小区改造方案（征求意见稿）', body: '第一条 ……', howToComment: '电子邮件', startOn: '2026-06-01', endOn: '2026-06-30' })).id;
    served = await serveForBrowser(built.app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  const count = async (table: 'letters' | 'consultation_comments') => Number((await deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('部门信箱: the same receipt, no second letter', async () => {
    const page = await served.newPage();
    const portal = new MailboxPortalPage(page, served.baseUrl);
    const letter = { type: '咨询', subject: '老旧小区加装电梯补助', content: '请问加装电梯有什么补助？', name: '张小明', contact: '13912345678', publish: false } as const;
    deps.clock.set('2026-06-01T01:00:00Z');
    await page.goto(`${served.baseUrl}/organs/${organ.code}/letters/new`);
    await portal.write(letter);
    deps.clock.set('2026-06-01T01:02:00Z');
    await portal.send();
    const receipt = await portal.receipt();
    expect(await count('letters')).toBe(1);
    await page.goBack();
    await portal.write(letter);
    deps.clock.set('2026-06-01T01:04:00Z');
    await portal.send();
    await expect(portal.receipt()).resolves.toEqual(receipt);
    expect(await count('letters')).toBe(1);
  });

  it('意见征集: no second comment', async () => {
    const page = await served.newPage();
    deps.clock.set('2026-06-01T02:00:00Z');
    await page.goto(`${served.baseUrl}/organs/${organ.code}/consultations/${consultationId}`);
    const comment = async () => {
      await page.locator('#f-authorName').fill('王小红');
      await page.locator('#f-content').fill('建议增设电梯和无障碍坡道。');
      await page.getByRole('button', { name: '提交意见' }).click();
    };
    deps.clock.set('2026-06-01T02:02:00Z');
    await comment();
    await expect(page.locator('#commented').textContent()).resolves.toContain('已提交');
    expect(await count('consultation_comments')).toBe(1);
    await page.goBack();
    await page.getByRole('button', { name: '提交意见' }).waitFor();
    deps.clock.set('2026-06-01T02:04:00Z');
    await comment();
    await expect(page.locator('#commented').textContent()).resolves.toContain('已提交');
    expect(await count('consultation_comments')).toBe(1);
  });
});

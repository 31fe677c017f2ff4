import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createActor, createOrgan } from '../test/support/factories.ts';
import { moderateComment, openConsultation, publishFeedback } from '../src/modules/interaction/index.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * Issue 14 in Chromium: a citizen finds a consultation from 互动交流, comments (a refused form keeps
 * the text), and after moderation and closing reads what became of the opinions. Every public page
 * and form on the way passes axe-core.
 */
describe.skipIf(SKIP_BROWSER)('意见征集 in Chromium', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let deps: Awaited<ReturnType<typeof buildTestApp>>['deps'];
  let organCode: string;
  let office: Awaited<ReturnType<typeof createActor>>;
  let consultationId: number;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const built = await buildTestApp(handle, '2026-06-01T01:00:00Z');
    deps = built.deps;
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    organCode = organ.code;
    office = await createActor(deps, organ.code, 'disclosure_office');
    consultationId = (await openConsultation(deps, office.actor, organ.id, {
      title: '青岚县老旧小区改造实施方案（征求意见稿）', body: '第一条 为推进老旧小区改造，制定本方案。\n第二条 改造内容包括基础类、完善类和提升类。',
      howToComment: '也可发送电子邮件至 zjj@example.gov.cn。', startOn: '2026-06-01', endOn: '2026-06-30',
    })).id;
    served = await serveForBrowser(built.app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('comments on a draft and reads what became of it', async () => {
    const page = await served.newPage({ bypassCSP: true });
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      const v = await axeViolations(page);
      if (v.length) found[name] = v;
    };
    await page.goto(`${served.baseUrl}/organs/${organCode}/letters`);
    await page.getByRole('main').getByRole('link', { name: '意见征集' }).click();
    await check('consultation list');
    await page.getByRole('link', { name: '青岚县老旧小区改造实施方案（征求意见稿）' }).click();
    await check('consultation with its form');
    deps.clock.set('2026-06-01T01:05:00Z');
    await page.getByLabel(/署名/).fill('王小红');
    await page.getByRole('button', { name: '提交意见' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('请填写意见内容');
    await expect(page.getByLabel(/署名/).inputValue()).resolves.toBe('王小红');
    await check('refused comment');
    deps.clock.set('2026-06-01T01:10:00Z');
    await page.getByLabel(/意见内容/).fill('建议优先改造加装电梯，联系电话 13912345678。');
    await page.getByRole('button', { name: '提交意见' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('您的意见已提交');
    await check('thank-you');

    const [comment] = await deps.db.selectFrom('consultation_comments').select('id').where('consultation_id', '=', consultationId).execute();
    await moderateComment(deps, office.actor, comment.id, 'approve');
    deps.clock.set('2026-07-02T01:00:00Z');
    await publishFeedback(deps, office.actor, consultationId, { received: 1, adopted: '加装电梯的建议已采纳。', notAdopted: '无未采纳的意见。' });
    await page.reload();
    await expect(page.locator('#fb-h').isVisible()).resolves.toBe(true);
    await expect(page.locator('.comments').textContent()).resolves.toContain('王**');
    await expect(page.locator('.comments').textContent()).resolves.not.toContain('13912345678');
    await check('closed with feedback');
    await page.screenshot({ path: path.join(SHOTS, 'consultation-feedback.png'), fullPage: true });
    expect(found).toEqual({});
  });
});

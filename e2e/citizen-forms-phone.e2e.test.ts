import path from 'node:path';
import type { Page } from 'playwright-core';
import { linesSpanned } from './pages/text-lines.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../test/support/factories.ts';

const SHOTS = path.resolve('test-results/screenshots');
const BIG = 'fs=l&elder=1';

/** Contacts as bodies list them, the names of growing length so that some number falls where a line ends. */
const CONTACTS = ['王工', '李科长', '采购办张工', '住建局财务股', '城东片区项目部李工', '保障性住房管理中心', '房地产市场监管股王科长', '县住建局']
  .map((who, i) => [who, i % 3 === 1 ? `（0564）50221${10 + i}` : i % 3 === 2 ? `400-820-88${10 + i}` : `0564-50221${10 + i}`]);

/** A procurement table as bodies hold it: short headers, amounts and dates that must not break. */
const PROCUREMENT = `<p>现将2026年第四季度政府采购意向公开如下：</p>
<table><thead><tr><th>序号</th><th>采购项目名称</th><th>采购需求概况</th><th>预算金额（万元）</th><th>预计采购时间</th><th>备注</th></tr></thead>
<tbody><tr><td>1</td><td>城区老旧小区改造监理服务</td><td>对城东片区12个小区改造工程实施监理</td><td>297.75</td><td>2026年12月</td><td>无</td></tr>
<tr><td>2</td><td>保障性住房维修</td><td>公租房屋面防水维修</td><td>86.40</td><td>2026年11月</td><td>无</td></tr></tbody></table>
<p>${CONTACTS.map(([who, phone]) => `${who}，联系电话${phone}；`).join('')}</p>`;

/**
 * What an outside citizen tester found in the mailbox, the online application and an item's body on a
 * phone (Chromium at 320 and 390 px, 字号 大 and 适老化), each page checked with axe.
 */
describe.skipIf(SKIP_BROWSER)('the mailbox, the online application and an item body on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let bureau: { code: string; name: string; id: number };
  let unitCode = '';
  let itemId = 0;
  let setClock: (at: string) => void;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    setClock = (at) => deps.clock.set(at);
    const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
    bureau = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局', consultPhone: '0564-5022106' });
    unitCode = (await createOrgan(deps, { kind: 'unit', parentCode: bureau.code, name: '房地产市场监管股' })).code;
    const node = await createNode(deps, bureau.id, { name: '政府采购' });
    itemId = (await createPublished(deps, bureau.id, [node], { title: '青岚县住房和城乡建设局2026年第四季度政府采购意向', bodyHtml: PROCUREMENT })).id;
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  const phone = async (width: number) => {
    const page = await served.newPage({ viewport: { width, height: 800 }, bypassCSP: true }); // axe is injected as a script
    await page.goto(`${served.baseUrl}/prefs?${BIG}&return=/`);
    return page;
  };
  const crumbs = (page: Page) => page.locator('.breadcrumb li').allTextContents();

  it('mailbox: a phone keypad for the phone, an e-mail keyboard for the address, either one enough; the example number whole; the receipt says what to do with a lost code, prints, and leads to the lookup with the number filled in', async () => {
    const page = await phone(320);
    await page.goto(`${served.baseUrl}/organs/${bureau.code}/letters/new`);
    expect(await crumbs(page)).toEqual(['首页', '信息公开', '县住建局', '互动交流', '我要写信']);
    const tel = page.locator('#f-phone');
    await expect(tel.getAttribute('inputmode')).resolves.toBe('tel');
    await expect(tel.getAttribute('autocomplete')).resolves.toBe('tel');
    await expect(tel.getAttribute('type')).resolves.toBe('tel');
    const email = page.locator('#f-email');
    await expect(email.getAttribute('inputmode')).resolves.toBe('email');
    await expect(email.getAttribute('autocomplete')).resolves.toBe('email');
    // The phone and e-mail boxes fill their group's width as the other text fields fill the form's (found by an
    // outside tester: they kept the browser's own width, narrower at 390 px and wider than a 320 px screen).
    const room = await page.locator('#contact').evaluate((el) => { const s = getComputedStyle(el); return Math.round(el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)); });
    for (const box of ['#f-phone', '#f-email']) {
      await expect(page.locator(box).evaluate((el) => Math.round(el.getBoundingClientRect().width)), box).resolves.toBe(Math.min(room, 640));
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.getByLabel('咨询', { exact: true }).check();
    await page.locator('#f-subject').fill('商品房预售资金监管');
    await page.locator('#f-content').fill('请问商品房预售资金监管账户如何查询？');
    await page.locator('#f-writerName').fill('李明');
    setClock('2026-12-03T01:01:00Z');
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('请填写联系电话或电子邮箱（至少填写一项）');

    await page.locator('#f-phone').fill('5022106');
    setClock('2026-12-03T01:02:00Z');
    await page.getByRole('button', { name: '提交' }).click();
    const example = '0564\u20115022106';
    await expect(page.locator('#e-phone').textContent()).resolves.toContain(example);
    expect(await linesSpanned(page, '#e-phone', example)).toBe(1);
    expect(await linesSpanned(page, '.error-summary', example)).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'mailbox-contact-320-big.png'), fullPage: true });

    await page.locator('#f-phone').fill('');
    await page.locator('#f-email').fill('liming@example.cn');
    setClock('2026-12-03T01:03:00Z');
    await page.getByRole('button', { name: '提交' }).click();
    const trackingNo = (await page.locator('#tracking-no').textContent())!.trim();
    const queryCode = (await page.locator('#query-code').textContent())!.trim();
    const receipt = (await page.locator('main').textContent())!;
    expect(receipt).not.toContain('无法找回');
    expect(receipt).toContain('0564-5022106');
    expect(await crumbs(page)).toEqual(['首页', '信息公开', '县住建局', '互动交流', '来信已提交']);
    expect(await axeViolations(page)).toEqual([]);
    await expect(page.getByRole('link', { name: '打印本页' }).count()).resolves.toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').first().isVisible()).resolves.toBe(false);
    await expect(page.getByRole('link', { name: '打印本页' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('#query-code').isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('link', { name: '查询办理情况' }).click();
    expect(page.url()).not.toContain(queryCode);
    await expect(page.locator('#f-trackingNo').inputValue()).resolves.toBe(trackingNo);
    await page.locator('#f-queryCode').fill(queryCode);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('#letter-status').textContent()).resolves.toContain(trackingNo);
  }, 120_000);

  it('mailbox: each 来信类型 choice (咨询/建议/投诉/其他) is a 44 px tap target on a phone, as the form’s other controls, its whole label answering a tap; on a wide screen one row (found by an outside tester: 60 × 24 px, the circle 16 × 16)', async () => {
    for (const [width, prefs] of [[390, 'fs=m&elder=0'], [320, BIG], [1280, 'fs=m&elder=0']] as const) {
      const where = `${width} px, ${prefs}`;
      const page = await served.newPage({ viewport: { width, height: 800 }, hasTouch: width < 700 });
      await page.goto(`${served.baseUrl}/prefs?${prefs}&return=/`);
      await page.goto(`${served.baseUrl}/organs/${bureau.code}/letters/new`);
      const choices = page.locator('fieldset label:has(input[name="type"])');
      await expect(choices.count(), where).resolves.toBe(4);
      const boxes = await choices.evaluateAll((labels) => labels.map((l) => { const r = l.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }));
      for (const [i, box] of boxes.entries()) {
        // 44 px high on a phone, as the text fields and buttons; on a wide screen at least the 24 px of WCAG 2.5.8.
        expect(box.height, `${where} choice ${i + 1}`).toBeGreaterThanOrEqual(width < 700 ? 44 : 24);
        expect(box.width, `${where} choice ${i + 1}`).toBeGreaterThanOrEqual(44);
        expect(box.x + box.width, `${where} choice ${i + 1}`).toBeLessThanOrEqual(width);
      }
      // No two targets overlap.
      for (let i = 1; i < boxes.length; i++) {
        const [a, b] = [boxes[i - 1], boxes[i]];
        expect(a.y + a.height <= b.y + 0.5 || a.x + a.width <= b.x + 0.5, `${where} choices ${i} and ${i + 1} apart`).toBe(true);
      }
      if (width >= 700) for (const box of boxes) expect(Math.round(box.y), `${where}: one row`).toBe(Math.round(boxes[0].y));
      // A tap near the bottom edge of a label, off its text and circle, chooses it.
      await choices.nth(3).scrollIntoViewIfNeeded();
      const last = (await choices.nth(3).boundingBox())!;
      if (width < 700) await page.touchscreen.tap(last.x + last.width - 4, last.y + last.height - 3);
      else await page.mouse.click(last.x + last.width - 4, last.y + last.height - 3);
      await expect(page.locator('input[name="type"][value="other"]').isChecked(), where).resolves.toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(width);
      await page.screenshot({ path: path.join(SHOTS, `mailbox-type-choices-${width}-${prefs.replace(/[=&]/g, '-')}.png`) });
      await page.context().close();
    }
  });

  it('mailbox: the 同意公开 box is a 44 px tap target on a phone with its whole sentence, and a tap beside the box ticks it (the last session noticed 16 × 16)', async () => {
    for (const [width, prefs] of [[390, 'fs=m&elder=0'], [320, BIG], [1280, 'fs=m&elder=0']] as const) {
      const where = `${width} px, ${prefs}`;
      const page = await served.newPage({ viewport: { width, height: 800 }, hasTouch: width < 700 });
      await page.goto(`${served.baseUrl}/prefs?${prefs}&return=/`);
      await page.goto(`${served.baseUrl}/organs/${bureau.code}/letters/new`);
      const consent = page.locator('label:has(input[name="publishConsent"])');
      await consent.scrollIntoViewIfNeeded();
      const box = (await consent.boundingBox())!;
      expect(box.height, where).toBeGreaterThanOrEqual(width < 700 ? 44 : 24);
      expect(box.x + box.width, where).toBeLessThanOrEqual(width);
      // The box's own row: a tap 4 px left of the circle's centre, still inside the label's first 44 px, ticks it.
      const circle = (await page.locator('input[name="publishConsent"]').boundingBox())!;
      expect(circle.y - box.y + circle.height / 2, `${where}: the circle sits in the target's first row`).toBeLessThanOrEqual(width < 700 ? 44 : 24);
      if (width < 700) await page.touchscreen.tap(box.x + 2, box.y + box.height - 2);
      else await page.mouse.click(box.x + 2, box.y + box.height - 2);
      await expect(page.locator('input[name="publishConsent"]').isChecked(), where).resolves.toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(width);
      await page.context().close();
    }
  });

  it('online application: the receipt tells how a lost code is reset and prints; the lookup opens with the number; the status keeps the request’s line breaks', async () => {
    const page = await phone(390);
    await page.goto(`${served.baseUrl}/organs/${bureau.code}/apply`);
    expect(await crumbs(page)).toEqual(['首页', '信息公开', '县住建局', '依申请公开', '在线申请']);
    await page.getByLabel('申请人类型').selectOption({ label: '自然人' });
    await page.getByLabel('姓名或名称').fill('王某');
    await page.getByLabel('身份证明类型').selectOption({ label: '居民身份证' });
    await page.getByLabel('证件号码').fill('11010519491231002X');
    await page.getByLabel('联系电话').fill('13800000000');
    await page.getByLabel('所需信息的内容描述').fill('一、2025年城区老旧小区改造项目清单；\n二、各项目的资金来源；\n三、验收报告。');
    await page.getByLabel('信息的提供形式').selectOption({ label: '电子文件' });
    await page.getByLabel('获取信息的方式').selectOption({ label: '网上查询下载' });
    setClock('2026-12-03T02:01:00Z');
    await page.getByRole('button', { name: '提交申请' }).click();
    const trackingNo = (await page.locator('#tracking-no').textContent())!.trim();
    const queryCode = (await page.locator('#query-code').textContent())!.trim();
    const receipt = (await page.locator('main').textContent())!;
    expect(receipt).not.toContain('无法找回');
    expect(receipt).toContain('身份');
    expect(receipt).toContain('0564-5022106');
    expect(await crumbs(page)).toEqual(['首页', '信息公开', '县住建局', '依申请公开', '申请已提交']);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').first().isVisible()).resolves.toBe(false);
    await expect(page.getByRole('link', { name: '打印本页' }).isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });
    // Without JavaScript the link opens the receipt as a print view, with the code.
    const href = await page.getByRole('link', { name: '打印本页' }).getAttribute('href');
    const printView = await served.newPage({ viewport: { width: 390, height: 800 }, javaScriptEnabled: false });
    await printView.context().addCookies(await page.context().cookies());
    await printView.goto(new URL(href!, page.url()).toString());
    await expect(printView.locator('#query-code').textContent()).resolves.toBe(queryCode);
    await expect(printView.locator('.site-header').count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'application-receipt-390-big.png'), fullPage: true });

    await page.getByRole('link', { name: '查询办理进度' }).click();
    expect(page.url()).not.toContain(queryCode);
    await expect(page.locator('#f-trackingNo').inputValue()).resolves.toBe(trackingNo);
    await page.locator('#f-queryCode').fill(queryCode);
    await page.getByRole('button', { name: '查询' }).click();
    const request = page.locator('#status-table tr', { has: page.locator('th', { hasText: '申请内容' }) }).locator('td');
    await expect(request.evaluate((td) => getComputedStyle(td).whiteSpace)).resolves.toBe('pre-wrap');
    const tops = await request.evaluate((td) => ['一、', '二、', '三、'].map((t) => {
      const n = td.firstChild!;
      const r = document.createRange();
      const at = (n.textContent ?? '').indexOf(t);
      r.setStart(n, at); r.setEnd(n, at + 1);
      return { top: Math.round(r.getBoundingClientRect().top), left: Math.round(r.getBoundingClientRect().left) };
    }));
    expect(new Set(tops.map((t) => t.top)).size).toBe(3);
    expect(new Set(tops.map((t) => t.left)).size).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it('a wide body table scrolls sideways in its own box at 320 px, its numbers and dates whole', async () => {
    const page = await phone(320);
    await page.goto(`${served.baseUrl}/organs/${bureau.code}/items/${itemId}`);
    const box = page.locator('.article-body .table-scroll');
    await expect(box.count()).resolves.toBe(1);
    await expect(box.getAttribute('role')).resolves.toBe('region');
    await expect(box.getAttribute('tabindex')).resolves.toBe('0');
    await expect(box.getAttribute('aria-label')).resolves.toBeTruthy();
    const widths = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(widths.scroll).toBeGreaterThan(widths.client);
    // A visible cue that it scrolls: an edge shadow (pure CSS, shown where more of the table lies beyond the edge).
    await expect(box.evaluate((el) => getComputedStyle(el).backgroundImage)).resolves.toContain('radial-gradient');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    for (const text of ['297.75', '2026年12月', '86.40', '序号', '备注']) expect(await linesSpanned(page, '.article-body table', text), text).toBe(1);
    // The keyboard scrolls the box.
    await box.focus();
    await page.keyboard.press('ArrowRight');
    // Chromium may animate the key's scroll: wait for it rather than read the first frame (failed under load).
    await expect.poll(() => box.evaluate((el) => el.scrollLeft), { timeout: 5_000 }).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'item-table-320-big.png'), fullPage: true });
  }, 120_000);

  it('a telephone number in a body is never split over two lines at 320 and 390 px', async () => {
    for (const width of [320, 390]) {
      const page = await phone(width);
      await page.goto(`${served.baseUrl}/organs/${bureau.code}/items/${itemId}`);
      for (const [, number] of CONTACTS) expect(await linesSpanned(page, '.article-body p:last-child', number), `${number} at ${width} px`).toBe(1);
      // And tap-to-call, as the 政策咨询电话 is (found by an outside tester).
      const calls = await page.locator('.article-body p:last-child a[href^="tel:"]').allTextContents();
      expect(calls).toEqual(CONTACTS.map(([, number]) => number));
    }
  }, 60_000);

  it('a unit’s page names its organ in the breadcrumb', async () => {
    const page = await phone(390);
    await page.goto(`${served.baseUrl}/organs/${unitCode}`);
    expect(await crumbs(page)).toEqual(['首页', '信息公开', '县住建局', '房地产市场监管股']);
    // Where to write: the unit has no mailbox, its 互动交流 leads to the organ's (found by an outside tester: not shown at all).
    const talk = page.locator('ul.cards li', { has: page.getByRole('link', { name: '互动交流', exact: true }) });
    await expect(talk.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves
      .toEqual([`/organs/${bureau.code}/letters`, `/organs/${bureau.code}/letters/new`, `/organs/${bureau.code}/consultations`]);
    await expect(talk.isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await talk.screenshot({ path: path.join(SHOTS, 'unit-home-interaction-390-big.png') });
  }, 60_000);
});

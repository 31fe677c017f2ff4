import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createOrgan, createStaff } from '../test/support/factories.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

/** The menu's links as shown (the back office's navigation landmark), with their boxes. */
const shownMenuLinks = (page: Page) => page.getByRole('navigation', { name: '后台导航' }).getByRole('link');

/**
 * The back office's menu took about 230 px of a 360 px phone's screen before any of the page: 16 entries, the
 * signed-in person and 退出, every page. On a phone it folds behind 菜单 (a <details>, so it works without
 * JavaScript, is a button with its state for a screen reader and opens from the keyboard) and the page's heading
 * comes on the first screen; on a desktop the menu is there as before, with no button.
 */
describe.skipIf(SKIP_BROWSER)('the back office\'s menu on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let admin: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-06-10T02:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    admin = await createStaff(deps, county.code, 'organ_admin');
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('folds behind 菜单 at 360 px: the heading on the first screen, the menu opened by keyboard, and no axe violation', async () => {
    const phone = await served.newPage({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    await new AdminPages(phone, served.baseUrl).signIn(admin.username, admin.password);
    await phone.goto(`${served.baseUrl}/admin/review`);
    await phone.screenshot({ path: path.join(SHOTS, 'back-office-menu-360.png') });
    // The page starts near the top: brand, 菜单 and the person's line take well under a third of the screen.
    const h1 = await phone.locator('main h1').boundingBox();
    expect(h1!.y).toBeLessThan(200);
    expect(await shownMenuLinks(phone).count()).toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // From the skip link, Tab reaches 菜单; Enter opens it and its focus ring shows.
    const toggle = phone.locator('summary', { hasText: '菜单' });
    await phone.keyboard.press('Tab');
    await phone.keyboard.press('Tab');
    await expect(toggle.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await toggle.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    const box = await toggle.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await phone.keyboard.press('Enter');
    await expect(toggle.evaluate((el) => (el.parentElement as HTMLDetailsElement).open)).resolves.toBe(true);
    const links = shownMenuLinks(phone);
    expect(await links.count()).toBeGreaterThan(10);
    for (const a of await links.all()) expect((await a.boundingBox())!.x + (await a.boundingBox())!.width).toBeLessThanOrEqual(360);
    await phone.screenshot({ path: path.join(SHOTS, 'back-office-menu-360-open.png') });
    expect(await axeViolations(phone)).toEqual([]);
    await phone.keyboard.press('Tab');
    await expect(phone.evaluate(() => document.activeElement?.textContent)).resolves.toBe('工作台');
    await phone.keyboard.press('Enter');
    await phone.waitForURL(`${served.baseUrl}/admin`);
    expect(await shownMenuLinks(phone).count(), 'a new page starts with the menu folded').toBe(0);
    expect(await axeViolations(phone)).toEqual([]);
  });

  it('works without JavaScript on a phone', async () => {
    const phone = await served.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    await new AdminPages(phone, served.baseUrl).signIn(admin.username, admin.password);
    await phone.goto(`${served.baseUrl}/admin`);
    await phone.locator('summary', { hasText: '菜单' }).click();
    await shownMenuLinks(phone).filter({ hasText: '待办' }).click();
    await expect(phone.locator('main h1').textContent()).resolves.toBe('待办');
  });

  it('is shown as before on a desktop, with no 菜单 button', async () => {
    const desk = await served.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await new AdminPages(desk, served.baseUrl).signIn(admin.username, admin.password);
    await desk.goto(`${served.baseUrl}/admin/review`);
    await desk.screenshot({ path: path.join(SHOTS, 'back-office-menu-1280.png') });
    expect(await shownMenuLinks(desk).count()).toBeGreaterThan(10);
    expect(await desk.locator('summary', { hasText: '菜单' }).isVisible()).toBe(false);
    expect(await desk.locator('main h1').boundingBox().then((b) => b!.y), 'as before').toBeLessThan(200);
    expect(await axeViolations(desk)).toEqual([]);
  });
});

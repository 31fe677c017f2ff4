import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = process.env.GONGKAI_CHROMIUM ?? '/usr/bin/chromium';
export const SKIP_BROWSER = process.env.GONGKAI_TEST_SKIP_BROWSER === '1';

/** Debian's Chromium, headless, with the flags this closed network needs. Fails loudly when it is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`找不到 Chromium（${CHROMIUM}）。浏览器测试需要 Debian 的 chromium 软件包：apt-get install chromium；确实无法安装时可设置 GONGKAI_TEST_SKIP_BROWSER=1（CI 不允许跳过）。`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Serves a test app on a free local port and opens Chromium on it: what every browser spec needs
 * before its journeys. `close` stops the browser, the app and drops the test database.
 */
export async function serveForBrowser(
  app: { listen(o: { port: number; host: string }): Promise<unknown>; close(): Promise<unknown>; server: { address(): unknown } },
  handle: { drop(): Promise<void> },
  shotsDir: string,
) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  fs.mkdirSync(shotsDir, { recursive: true });
  return {
    baseUrl,
    browser,
    newPage: async (extra: BrowserContextOptions = {}): Promise<Page> =>
      (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, ...extra })).newPage(),
    close: async () => {
      await browser.close();
      await app.close();
      await handle.drop();
    },
  };
}

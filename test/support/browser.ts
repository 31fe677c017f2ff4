import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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

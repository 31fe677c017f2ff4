import type { ComponentChildren } from 'preact';
import { prefsLink, type ReadingPrefs } from './prefs.ts';

export type PortalPageProps = {
  title: string;
  prefs: ReadingPrefs;
  currentPath: string;
  siteName?: string;
  consultPhone?: string;
  printView?: boolean;
  /** The one URL of a page reachable under several (e.g. an item opened from different nodes). */
  canonicalPath?: string;
  children: ComponentChildren;
};

/** The public portal's frame: skip link, header with reading tools, main landmark, footer. Works without JavaScript. */
export function PortalLayout({ title, prefs, currentPath, siteName = '政府信息公开', consultPhone, printView, canonicalPath, children }: PortalPageProps) {
  const bodyClass = [`fs-${prefs.fontSize}`, prefs.elder ? 'elder' : '', printView ? 'print-view' : ''].filter(Boolean).join(' ');
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - ${siteName}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        {canonicalPath && <link rel="canonical" href={canonicalPath} />}
      </head>
      <body class={bodyClass}>
        <a class="skip-link" href="#main">跳到正文</a>
        {!printView && (
          <header class="site-header">
            <div class="wrap header-row">
              <a class="site-name" href="/">{siteName}</a>
              {/* Plain links that set a cookie, not toggle buttons: aria-pressed is not allowed on a link, aria-current marks the size in use. */}
              <nav class="reading-tools" aria-label="阅读设置">
                <span>字号：</span>
                {(['l', 'm', 's'] as const).map((fs) => (
                  <a href={prefsLink(`fs=${fs}`, currentPath)} aria-current={prefs.fontSize === fs ? 'true' : undefined} class={prefs.fontSize === fs ? 'active' : undefined}>
                    {fs === 'l' ? '大' : fs === 'm' ? '中' : '小'}
                  </a>
                ))}
                <a href={prefsLink(`elder=${prefs.elder ? '0' : '1'}`, currentPath)} class="elder-toggle">
                  {prefs.elder ? '退出适老化模式' : '适老化模式'}
                </a>
              </nav>
            </div>
          </header>
        )}
        <main id="main" class="wrap" tabIndex={-1}>
          {children}
        </main>
        {!printView && (
          <footer class="site-footer">
            <div class="wrap">
              {consultPhone && <p>咨询电话：{consultPhone}</p>}
              <p>本网站由 gongkai 政府信息公开平台提供支持 · <a href="/sitemap.xml">网站地图</a></p>
            </div>
          </footer>
        )}
      </body>
    </html>
  );
}

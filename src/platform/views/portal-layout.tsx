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
  /** The Atom feed of what the page lists (an organ's catalog, a node), announced to feed readers. */
  feedPath?: string;
  children: ComponentChildren;
};

/** The public portal's frame: skip link, header with reading tools, main landmark, footer. Works without JavaScript. */
export function PortalLayout({ title, prefs, currentPath, siteName = '政府信息公开', consultPhone, printView, canonicalPath, feedPath, children }: PortalPageProps) {
  const bodyClass = [`fs-${prefs.fontSize}`, prefs.elder ? 'elder' : '', printView ? 'print-view' : ''].filter(Boolean).join(' ');
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - ${siteName}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        {canonicalPath && <link rel="canonical" href={canonicalPath} />}
        {feedPath && <link rel="alternate" type="application/atom+xml" title={`${title}（订阅）`} href={feedPath} />}
      </head>
      <body class={bodyClass}>
        <a class="skip-link" href="#main">跳到正文</a>
        {!printView && (
          <header class="site-header">
            <div class="wrap header-row">
              <a class="site-name" href="/">{siteName}</a>
              <HeaderSearch currentPath={currentPath} />
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

/**
 * The search box on every portal page (GET /search, no JavaScript). On an organ's pages the scope
 * "本机关" is preselected; elsewhere, and on the search page without an organ, the whole region.
 */
function HeaderSearch({ currentPath }: { currentPath: string }) {
  const url = new URL(currentPath, 'http://x');
  const organ = url.pathname === '/search' ? url.searchParams.get('organ') : /^\/organs\/([^/?#]+)/.exec(url.pathname)?.[1] ?? null;
  const code = organ ? decodeURIComponent(organ) : null;
  return (
    <form class="header-search" method="get" action="/search" role="search" aria-label="站内检索">
      <label for="header-q" class="visually-hidden">检索词</label>
      <input type="search" id="header-q" name="q" maxLength={100} placeholder="检索公开信息、文号、索引号" value={url.pathname === '/search' ? url.searchParams.get('q') ?? '' : ''} />
      {code && (
        <>
          <label for="header-scope" class="visually-hidden">检索范围</label>
          <select id="header-scope" name="organ">
            <option value={code} selected>本机关</option>
            <option value="">全区</option>
          </select>
        </>
      )}
      <button type="submit">检索</button>
    </form>
  );
}

import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { TelLink } from './components.tsx';
import { PortalFrameContext } from './portal-frame.ts';
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
export function PortalLayout({ title, prefs, currentPath, siteName: siteNameProp, consultPhone, printView, canonicalPath, feedPath, children }: PortalPageProps) {
  const frame = useContext(PortalFrameContext);
  const siteName = siteNameProp ?? (frame?.siteName || '政府信息公开');
  const footer = frame?.footer;
  const path = currentPath.split('?')[0];
  const bodyClass = [`fs-${prefs.fontSize}`, prefs.elder ? 'elder' : '', printView ? 'print-view' : ''].filter(Boolean).join(' ');
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - ${siteName}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        <link rel="icon" href={frame?.emblemUrl ?? '/assets/favicon.svg'} />
        {canonicalPath && <link rel="canonical" href={canonicalPath} />}
        {feedPath && <link rel="alternate" type="application/atom+xml" title={`${title}（订阅）`} href={feedPath} />}
        {feedPath && <link rel="alternate" type="application/rss+xml" title={`${title}（RSS 订阅）`} href={feedPath.replace(/\.atom$/, '.rss')} />}
      </head>
      <body class={bodyClass}>
        <a class="skip-link" href="#main">跳到正文</a>
        {!printView && (
          <header class="site-header">
            <div class="wrap header-row">
              <a class="site-name" href="/">
                {frame?.emblemUrl && <img class="emblem" src={frame.emblemUrl} alt="" width={40} height={40} />}
                <span>{siteName}</span>
                {frame?.organ && <span class="organ-name">{frame.organ.name}</span>}
              </a>
              <HeaderSearch currentPath={currentPath} scope={frame?.searchScope ?? null} />
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
            {frame && frame.nav.length > 0 && (
              <nav class="site-nav" aria-label="网站导航">
                <ul class="wrap">
                  {frame.nav.map((n) => (
                    <li key={n.href}><a href={n.href} aria-current={path === n.href ? 'page' : undefined}>{n.label}</a></li>
                  ))}
                </ul>
              </nav>
            )}
          </header>
        )}
        <main id="main" class="wrap" tabIndex={-1}>
          {children}
          {feedPath && !printView && (
            <p class="feed-links">
              订阅更新：<a href={feedPath}>Atom</a> · <a href={feedPath.replace(/\.atom$/, '.rss')}>RSS</a>（用阅读器订阅，有新信息时自动收到）
            </p>
          )}
        </main>
        {!printView && (
          <footer class="site-footer">
            <div class="wrap">
              {consultPhone && <p>咨询电话：<TelLink phone={consultPhone} /></p>}
              {footer && (footer.hostUnit || footer.operatorUnit) && (
                <p>
                  {footer.hostUnit && <span>主办单位：{footer.hostUnit}</span>}
                  {footer.operatorUnit && <span>承办单位：{footer.operatorUnit}</span>}
                </p>
              )}
              {footer && (footer.address || footer.phone) && (
                <p>
                  {footer.address && <span>地址：{footer.address}</span>}
                  {footer.phone && <span>联系电话：<TelLink phone={footer.phone} /></span>}
                </p>
              )}
              {footer && (footer.siteCode || footer.icpNumber || footer.policeNumber) && (
                <p class="filing">
                  {footer.siteCode && <span>网站标识码：<span class="nowrap">{footer.siteCode}</span></span>}
                  {footer.icpNumber && <span><a href="https://beian.miit.gov.cn/" rel="noopener">{footer.icpNumber}</a></span>}
                  {footer.policeNumber && <span class="nowrap">{footer.policeNumber}</span>}
                </p>
              )}
              <p>
                {footer?.errorReportUrl && <><a href={footer.errorReportUrl} rel="noopener">政府网站找错</a> · </>}
                <a href="/sitemap.xml">网站地图</a> · 本网站由 gongkai 政府信息公开平台提供支持
              </p>
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
 * On an internal unit's pages 本机关 is the organ that publishes for it (named), as the frame says.
 */
function HeaderSearch({ currentPath, scope }: { currentPath: string; scope: { code: string; name: string; isParent: boolean } | null }) {
  const url = new URL(currentPath, 'http://x');
  const onSearch = url.pathname === '/search';
  const organ = onSearch ? url.searchParams.get('organ') : /^\/organs\/([^/?#]+)/.exec(url.pathname)?.[1] ?? null;
  const framed = !onSearch && organ && scope ? scope : null;
  const code = framed ? framed.code : organ ? safeDecode(organ) : null;
  return (
    <form class="header-search" method="get" action="/search" role="search" aria-label="站内检索">
      <label for="header-q" class="visually-hidden">检索词</label>
      <input type="search" id="header-q" name="q" maxLength={100} placeholder="检索公开信息、文号、索引号" value={url.pathname === '/search' ? url.searchParams.get('q') ?? '' : ''} />
      {code && (
        <>
          <label for="header-scope" class="visually-hidden">检索范围</label>
          <select id="header-scope" name="organ">
            <option value={code} selected>{framed?.isParent ? `本机关（${framed.name}）` : '本机关'}</option>
            <option value="">全区</option>
          </select>
        </>
      )}
      <button type="submit">检索</button>
    </form>
  );
}

const safeDecode = (s: string) => {
  try { return decodeURIComponent(s); } catch { return s; }
};

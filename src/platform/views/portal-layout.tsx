import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { SEP, TelLink } from './components.tsx';
import { PortalFrameContext } from './portal-frame.ts';
import { PortalHeader } from './portal-header.tsx';
import type { ReadingPrefs } from './prefs.ts';

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
  /** A page search engines should not list (a unit's guidance page pointing to its organ's service); 'follow' says its links are followed still (a search result page: docs/search.md). */
  noindex?: boolean | 'follow';
  children: ComponentChildren;
};

/** The public portal's frame: skip link, header with reading tools, main landmark, footer. Works without JavaScript. */
export function PortalLayout({ title, prefs, currentPath, siteName: siteNameProp, consultPhone, printView, canonicalPath, feedPath, noindex, children }: PortalPageProps) {
  const frame = useContext(PortalFrameContext);
  const siteName = siteNameProp ?? (frame?.siteName || '政府信息公开');
  const footer = frame?.footer;
  const bodyClass = [`fs-${prefs.fontSize}`, prefs.elder ? 'elder' : '', printView ? 'print-view' : ''].filter(Boolean).join(' ');
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {noindex && <meta name="robots" content={noindex === 'follow' ? 'noindex, follow' : 'noindex'} />}
        <title>{`${title} - ${siteName}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        <link rel="icon" href={frame?.emblemUrl ?? '/assets/favicon.svg'} />
        {!printView && <script src="/assets/portal.js" defer />}
        {canonicalPath && <link rel="canonical" href={canonicalPath} />}
        {feedPath && <link rel="alternate" type="application/atom+xml" title={`${title}（订阅）`} href={feedPath} />}
        {feedPath && <link rel="alternate" type="application/rss+xml" title={`${title}（RSS 订阅）`} href={feedPath.replace(/\.atom$/, '.rss')} />}
      </head>
      <body class={bodyClass}>
        <a class="skip-link" href="#main">跳到正文</a>
        {!printView && <PortalHeader frame={frame} siteName={siteName} prefs={prefs} currentPath={currentPath} />}
        <main id="main" class="wrap" tabIndex={-1}>
          {children}
          {feedPath && !printView && (
            <p class="feed-links">
              订阅更新：<a href={feedPath}>Atom</a>{SEP}<a href={feedPath.replace(/\.atom$/, '.rss')}>RSS</a>（用阅读器订阅，有新信息时自动收到）
            </p>
          )}
        </main>
        {!printView && (
          <footer class="site-footer">
            <div class="wrap">
              {/* A phone number never breaks (0564- / 5022106): its own .tel span, kept whole on a phone too, where the rest of the footer wraps. */}
              {consultPhone && <p>咨询电话：<span class="tel"><TelLink phone={consultPhone} /></span></p>}
              {footer && (footer.hostUnit || footer.operatorUnit) && (
                <p>
                  {footer.hostUnit && <span>主办单位：{footer.hostUnit}</span>}
                  {footer.operatorUnit && <span>承办单位：{footer.operatorUnit}</span>}
                </p>
              )}
              {footer && (footer.address || footer.phone) && (
                <p>
                  {footer.address && <span>地址：{footer.address}</span>}
                  {footer.phone && <span>联系电话：<span class="tel"><TelLink phone={footer.phone} /></span></span>}
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
                {footer?.errorReportUrl && <><a href={footer.errorReportUrl} rel="noopener">政府网站找错</a>{SEP}</>}
                <a href="/sitemap">网站地图</a>{SEP}本网站由 gongkai 政府信息公开平台提供支持
              </p>
            </div>
          </footer>
        )}
      </body>
    </html>
  );
}

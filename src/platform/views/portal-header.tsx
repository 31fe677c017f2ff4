import { prefsLink, type ReadingPrefs } from './prefs.ts';
import type { PortalFrame } from './portal-frame.ts';

/**
 * Every portal page's header: whose site it is (emblem, site and organ name), the search box, the
 * reading tools (字号, 适老化) and the navigation bar. On a wide screen all of it shows; on a phone
 * (≤ 700 px, site.css) the navigation and reading tools fold into one 菜单 (a <details>, no
 * JavaScript) beside the site's name and the search box keeps one line (its scope and button wrap under it together
 * when the three do not fit), so the page's own content
 * starts in the first screen even at 适老化 + 大. Esc or a tap outside it closes the open 菜单 (/assets/portal.js, an
 * enhancement only): a tap on a link, a button or a fold's summary outside it also does what it says, a tap on a form
 * field or on text only closes it. The folded copies are display:none on a wide screen
 * and the wide ones on a phone, so a screen reader meets each link once. The results page (/search) has its own
 * search form, so the header's box is not repeated there. The site's name breaks between its words only
 * (keep-words, siteNameWords), inside one only when it cannot fit a line alone.
 */
export function PortalHeader({ frame, siteName, prefs, currentPath }: { frame: PortalFrame | null; siteName: string; prefs: ReadingPrefs; currentPath: string }) {
  const path = currentPath.split('?')[0];
  const nav = frame?.nav ?? [];
  const onResultsPage = path === '/search';
  return (
    <header class="site-header">
      <div class="wrap header-row">
        <a class="site-name keep-words" href="/">
          {frame?.emblemUrl && <img class="emblem" src={frame.emblemUrl} alt="" width={40} height={40} />}
          <span>{siteNameWords(siteName).map((w, i) => (i > 0 ? <><wbr />{w}</> : w))}</span>
          {frame?.organ && <span class="organ-name">{frame.organ.name}</span>}
        </a>
        <details class="header-menu narrow-only" id="site-menu">
          <summary id="site-menu-toggle"><span class="menu-icon" aria-hidden="true">☰</span> 菜单<span class="visually-hidden">（网站导航、字号、适老化模式）</span></summary>
          {nav.length > 0 && <SiteNav nav={nav} path={path} />}
          <ReadingTools prefs={prefs} currentPath={currentPath} />
        </details>
        {!onResultsPage && <HeaderSearch scope={frame?.searchScope ?? null} />}
        <ReadingTools prefs={prefs} currentPath={currentPath} wide />
      </div>
      {nav.length > 0 && <SiteNav nav={nav} path={path} wide />}
    </header>
  );
}

/**
 * The words of a site's name where a line may break between them (keep-words breaks nowhere else):
 * before a closing 信息公开 or 政务公开, and after a 人民政府 that does not end it — 青岚县人民政府 / 信息公开.
 */
export function siteNameWords(name: string): string[] {
  const tail = /(信息公开|政务公开)$/.exec(name);
  const head = tail && tail.index > 0 ? name.slice(0, tail.index) : name;
  const government = head.indexOf('人民政府') + 4;
  const words = government > 3 && government < head.length ? [head.slice(0, government), head.slice(government)] : [head];
  return head === name ? words : [...words, tail![1]];
}

/** The organ's sections (or the region's), the current one marked. */
function SiteNav({ nav, path, wide }: { nav: PortalFrame['nav']; path: string; wide?: boolean }) {
  return (
    <nav class={wide ? 'site-nav wide-only' : 'site-nav'} aria-label="网站导航">
      <ul class={wide ? 'wrap' : undefined}>
        {nav.map((n) => (
          <li key={n.href}><a href={n.href} aria-current={path === n.href ? 'page' : undefined}>{n.label}</a></li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Plain links that set a cookie, not toggle buttons: aria-pressed is not allowed on a link, aria-current marks the size in use.
 * The wide header's links come back to themselves: the page they return to is addressed with the link's id as its
 * fragment, so after the reload the page is scrolled to the toggle and the next Tab goes on from there, without
 * JavaScript; /assets/portal.js also focuses it. The 菜单's links come back to the 菜单's button, the 菜单 shut
 * (#site-menu-toggle, its summary): a fragment inside it would open it again (Chromium opens a <details> to show its
 * target), and the next tap on the page would only close it (found by an outside tester). The browser focuses a
 * focusable target, with or without JavaScript, so the reader is back on the 菜单 (#site-menu, the <details>, is not
 * focusable: the focus was left on the page, and a screen reader — whose double tap is a pointer's click — lost its
 * place, found by a later tester). Chosen with the keyboard (a click without a pointer), /assets/portal.js makes the
 * link come back to itself, the 菜单 open and the toggle focused.
 * None of these fragments scrolls the page: it comes back at its top (scroll-margin-top in site.css).
 */
function ReadingTools({ prefs, currentPath, wide }: { prefs: ReadingPrefs; currentPath: string; wide?: boolean }) {
  const id = (what: string) => `${wide ? '' : 'menu-'}pref-${what}`;
  const back = (what: string) => (wide ? id(what) : 'site-menu-toggle');
  return (
    <nav class={wide ? 'reading-tools wide-only' : 'reading-tools'} aria-label="阅读设置">
      <span>字号：</span>
      {(['l', 'm', 's'] as const).map((fs) => (
        <a id={id(`fs-${fs}`)} href={prefsLink(`fs=${fs}`, `${currentPath}#${back(`fs-${fs}`)}`)} aria-current={prefs.fontSize === fs ? 'true' : undefined} class={prefs.fontSize === fs ? 'active' : undefined}>
          {fs === 'l' ? '大' : fs === 'm' ? '中' : '小'}
        </a>
      ))}
      <a id={id('elder')} href={prefsLink(`elder=${prefs.elder ? '0' : '1'}`, `${currentPath}#${back('elder')}`)} class="elder-toggle">
        {prefs.elder ? '退出适老化模式' : '适老化模式'}
      </a>
    </nav>
  );
}

/**
 * The search box on every portal page but the results page (GET /search, no JavaScript). On an organ's pages
 * its scope is preselected — for an internal unit the organ that publishes for it; elsewhere the whole region. The scope is worded as on the results page: the organ's short name
 * (the frame's `label`), so it shows whole on a phone; the other choice is 全站 (the platform does not record its region's level, so not 全区 or 全县).
 * On the county government's pages (`regionFirst`) 全站 is first and preselected, the government's own items the other choice.
 */
function HeaderSearch({ scope }: { scope: { code: string; label: string; regionFirst?: boolean } | null }) {
  return (
    <form class="header-search" method="get" action="/search" role="search" aria-label="站内检索">
      {/* The placeholder is short enough to show whole in a phone's box at 适老化 + 大 (about six characters); the name says the rest. */}
      <label for="header-q" class="visually-hidden">检索词（关键词、文号或索引号）</label>
      {/* No maxlength: it would cut a pasted text at 100 characters without a word; the results page states the limit
          (最多 100 个字) and refuses a longer query with it, the text kept (docs/search.md). */}
      <input type="search" id="header-q" name="q" placeholder="关键词、文号" />
      {/* The scope and the button wrap together (site.css): on a phone at 适老化 the button went alone onto a second row. */}
      <span class="header-search-go">
        {scope && (
          <>
            <label for="header-scope" class="visually-hidden">检索范围</label>
            <select id="header-scope" name="organ">
              {scope.regionFirst
                ? <><option value="" selected>全站</option><option value={scope.code}>{scope.label}</option></>
                : <><option value={scope.code} selected>{scope.label}</option><option value="">全站</option></>}
            </select>
          </>
        )}
        <button type="submit">检索</button>
      </span>
    </form>
  );
}

import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { StaffMenuContext } from './portal-frame.ts';
import { flashText, type Flash } from './flash.tsx';

/**
 * The back office's menu, and who can use each entry: an entry whose page would refuse the person is
 * not shown (the pages still check; this only keeps the menu honest, with the facts catalog's
 * settleStaffMenu settles by the pages' own rules). No `roles` means any staff. `handles`: only for
 * someone who handles an organ's applications, letters, consultations and proposals — not for staff
 * of internal units only (条例第二十七条). `onOrgan`: only for someone with a role on an organ itself,
 * not only on its internal units (an annual report and search statistics are an organ's).
 * `administers`: only for an organ's administrator. `handedLetters`: only for staff of a unit whose
 * organ they do not handle (the letters their organ hands them, 交办).
 */
type MenuEntry = { href: string; label: string; roles?: readonly string[]; handles?: true; onOrgan?: true; administers?: true; handedLetters?: true };
const MENU: MenuEntry[] = [
  { href: '/admin', label: '工作台' },
  { href: '/admin/review', label: '待办' },
  { href: '/admin/publications', label: '信息管理' },
  { href: '/admin/applications', label: '依申请公开', handles: true },
  { href: '/admin/letters', label: '部门信箱', handles: true },
  { href: '/admin/letters/units', label: '交办来信', handedLetters: true },
  { href: '/admin/consultations', label: '意见征集', handles: true },
  { href: '/admin/proposals', label: '建议提案', handles: true },
  { href: '/admin/annual-reports', label: '年度报告', onOrgan: true },
  { href: '/admin/supervision', label: '监督检查' },
  { href: '/admin/organs', label: '机关与目录', administers: true },
  { href: '/admin/transfer', label: '导入导出', roles: ['organ_admin', 'system_admin'] },
  { href: '/admin/users', label: '用户', roles: ['organ_admin', 'system_admin'] },
  { href: '/admin/word-lists', label: '敏感词表' },
  { href: '/admin/search-terms', label: '检索统计', onOrgan: true },
  { href: '/admin/audit', label: '审计日志', roles: ['disclosure_office', 'organ_admin', 'system_admin'] },
];

export type AdminUser = { displayName: string; username: string; isSystemAdmin: boolean };

/**
 * The back office frame: navigation, the signed-in person, logout (a POST with the CSRF token).
 * `scripts`: same-origin scripts a page needs (the rich-text editor); the CSP allows no inline ones.
 */
export function AdminLayout({ title, user, csrfToken, flash, children, scripts = [] }: {
  /** Shown at the top of the page: a page with landing places passes what `placeFlash` leaves for the top. */
  title: string; user: AdminUser | null; csrfToken: string | null; flash?: Flash | string | null; children: ComponentChildren; scripts?: string[];
}) {
  const menu = useContext(StaffMenuContext);
  // Pages rendered outside a request (tests of a page alone) fall back to what the user object says.
  const held = new Set(menu?.roles ?? (user?.isSystemAdmin ? ['system_admin'] : ['organ_admin']));
  const shown = (m: MenuEntry) => (!m.roles || m.roles.some((r) => held.has(r))) && !(m.handles && menu?.handles === false)
    && !(m.onOrgan && menu?.onOrgan === false) && !(m.administers && menu?.administers === false) && !(m.handedLetters && !menu?.handedLetters);
  const menuNav = (
    <nav aria-label="后台导航">
      {MENU.filter(shown).map((m) => <a key={m.href} href={m.href}>{m.label}</a>)}
      <a href="/" target="_blank">查看门户</a>
    </nav>
  );
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} - 管理后台 - gongkai`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        {scripts.map((src) => <script key={src} src={src} defer />)}
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">跳到正文</a>
        <header class="admin-nav">
          <div class="wrap">
            <strong class="admin-brand">政务公开管理后台</strong>
            {/* The menu twice, as the portal's header does, one shown by the screen's width (wide-only / narrow-only,
                site.css), so a screen reader meets each link once: on a desktop a row; on a phone (≤ 700 px) folded
                behind 菜单 (a <details>: a button with its state, no JavaScript), so the page starts on the first screen. */}
            {user && <div class="wide-only">{menuNav}</div>}
            {user && (
              <details class="admin-menu narrow-only">
                <summary><span class="menu-icon" aria-hidden="true">☰</span> 菜单</summary>
                {menuNav}
              </details>
            )}
            {user && (
              <form method="post" action="/admin/logout">
                <span class="admin-user">{user.displayName}（{user.username}）</span>
                <a href="/admin/account" class="admin-user">我的账号</a>
                <a href="/admin/tokens" class="admin-user">API 令牌</a>
                <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
                <button type="submit">退出</button>
              </form>
            )}
          </div>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {flash && <p class="flash" role="status">{flashText(flash)}</p>}
          {children}
        </main>
      </body>
    </html>
  );
}

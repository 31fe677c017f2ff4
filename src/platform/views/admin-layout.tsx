import type { ComponentChildren } from 'preact';

export type AdminUser = { displayName: string; username: string; isSystemAdmin: boolean };

/**
 * The back office frame: navigation, the signed-in person, logout (a POST with the CSRF token).
 * `scripts`: same-origin scripts a page needs (the rich-text editor); the CSP allows no inline ones.
 */
export function AdminLayout({ title, user, csrfToken, flash, children, scripts = [] }: {
  title: string; user: AdminUser | null; csrfToken: string | null; flash?: string | null; children: ComponentChildren; scripts?: string[];
}) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} - 管理后台 - gongkai`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        {scripts.map((src) => <script key={src} src={src} defer />)}
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">跳到正文</a>
        <header class="admin-nav">
          <div class="wrap">
            <strong style="color:#fff;margin-right:16px">政务公开管理后台</strong>
            {user && (
              <nav aria-label="后台导航">
                <a href="/admin">工作台</a>
                <a href="/admin/review">待办</a>
                <a href="/admin/publications">信息管理</a>
                <a href="/admin/applications">依申请公开</a>
                <a href="/admin/letters">部门信箱</a>
                <a href="/admin/annual-reports">年度报告</a>
                <a href="/admin/supervision">监督检查</a>
                <a href="/admin/organs">机关与目录</a>
                <a href="/admin/users">用户</a>
                <a href="/admin/word-lists">敏感词表</a>
                <a href="/admin/search-terms">检索统计</a>
                {user.isSystemAdmin && <a href="/admin/audit">审计日志</a>}
                <a href="/" target="_blank">查看门户</a>
              </nav>
            )}
            {user && (
              <form method="post" action="/admin/logout">
                <span style="color:#fff;margin-right:8px">{user.displayName}（{user.username}）</span>
                <a href="/admin/account" style="color:#fff;margin-right:8px">我的账号</a>
                <a href="/admin/tokens" style="color:#fff;margin-right:8px">API 令牌</a>
                <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
                <button type="submit">退出</button>
              </form>
            )}
          </div>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {flash && <p class="flash" role="status">{flash}</p>}
          {children}
        </main>
      </body>
    </html>
  );
}

import type { FastifyRequest } from 'fastify';
import { renderPage } from './render.ts';
import { prefsFromCookies } from './prefs.ts';
import { AdminLayout } from './admin-layout.tsx';
import { PortalLayout } from './portal-layout.tsx';

const TITLES: Record<number, string> = { 400: '请求有误', 401: '请先登录', 403: '没有权限', 404: '页面不存在', 409: '操作未能完成', 413: '上传内容过大', 429: '访问过于频繁' };

/** The Chinese error page for every non-API route. */
export function htmlErrorPage(request: FastifyRequest, status: number, message: string): string {
  const title = TITLES[status] ?? (status >= 500 ? '服务暂时不可用' : '请求未能完成');
  // The back office's errors (403 above all) keep the back office's look and navigation.
  const principal = request.principal;
  if (request.url.startsWith('/admin') && principal) {
    const isSystemAdmin = principal.roles.some((r) => r.role === 'system_admin');
    return renderPage(
      request,
      <AdminLayout title={title} user={{ displayName: principal.displayName, username: principal.username, isSystemAdmin }} csrfToken={request.csrfToken ?? null}>
        <h1>{title}</h1>
        <p>{message}</p>
        <p class="count">错误代码：{status}</p>
        <p><a href="/admin">返回工作台</a></p>
      </AdminLayout>,
    );
  }
  return (
    renderPage(
      request,
      <PortalLayout title={title} prefs={prefsFromCookies(request.cookies ?? {})} currentPath={request.url}>
        <h1>{title}</h1>
        <p>{message}</p>
        <p class="count">错误代码：{status}</p>
        <p><a href="/">返回首页</a>{request.url.startsWith('/admin') && <> · <a href="/admin">返回管理后台</a></>}</p>
      </PortalLayout>,
    )
  );
}

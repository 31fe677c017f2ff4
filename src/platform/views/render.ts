import type { FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { PortalFrameContext, StaffMenuContext, type StaffMenu } from './portal-frame.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** What the back office's menu may show, set on every back-office request once the person is signed in (catalog's settleStaffMenu). */
    staffMenuFacts?: { handles: boolean; handedLetters: boolean; onOrgan: boolean; administers: boolean };
  }
}

/** Renders a page with the request's portal frame (whose site it is) available to PortalLayout, and the back office's menu facts to AdminLayout. */
export function renderPage(request: FastifyRequest, page: VNode): string {
  const menu: StaffMenu | null = request.principal
    ? {
      roles: request.principal.roles.map((r) => r.role), handles: request.staffMenuFacts?.handles ?? null, handedLetters: request.staffMenuFacts?.handedLetters ?? false,
      onOrgan: request.staffMenuFacts?.onOrgan ?? null, administers: request.staffMenuFacts?.administers ?? null,
    }
    : null;
  return '<!doctype html>' + renderToString(h(PortalFrameContext.Provider, { value: request.portalFrame ?? null }, h(StaffMenuContext.Provider, { value: menu }, page)));
}

/** Sends a server-rendered page. Text is escaped by the renderer; only sanitised rich text is inserted raw. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(renderPage(reply.request, page));
}

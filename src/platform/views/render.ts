import type { FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { PortalFrameContext, StaffRolesContext } from './portal-frame.ts';

/** Renders a page with the request's portal frame (whose site it is) available to PortalLayout. */
export function renderPage(request: FastifyRequest, page: VNode): string {
  const roles = request.principal ? request.principal.roles.map((r) => r.role) : null;
  return '<!doctype html>' + renderToString(h(PortalFrameContext.Provider, { value: request.portalFrame ?? null }, h(StaffRolesContext.Provider, { value: roles }, page)));
}

/** Sends a server-rendered page. Text is escaped by the renderer; only sanitised rich text is inserted raw. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(renderPage(reply.request, page));
}

import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Sends a server-rendered page. Text is escaped by the renderer; only sanitised rich text is inserted raw. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send('<!doctype html>' + renderToString(page));
}

import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { instanceKey } from '../../../audit/index.ts';
import { HONEYPOT_FIELD } from './form-guard.ts';

/** How long a browser's accepted post is recognised when the same content is sent again (as the receipt cookie). */
export const REPEAT_WINDOW_SECONDS = 3600;
/**
 * The cache policy of a blank public form (GET): it holds nothing typed, so the browser may keep it in
 * its history (`no-cache`: checked with the server before any other use) and Back shows it with the
 * token it was served with — 提交 again then leads to what that token made. Only the browser, never a
 * shared cache (`private`). A form shown again with what was typed stays `no-store`.
 */
export const BLANK_FORM_CACHE = 'private, no-cache';
/** The accepted posts a browser remembers per form (the newest). */
const KEPT = 5;

/**
 * Back, then 提交 again (docs/workflows/public-forms.md): a browser that refetches the form on Back
 * posts the same content with a new form token. Each accepted post is remembered in this browser
 * only — an `HttpOnly` cookie limited to the form's address, kept for an hour, holding the post's
 * form token beside a keyed digest of what was typed (never the text itself) — and a post with the
 * same content from the same browser is answered with that earlier post's receipt instead of a
 * second record. Someone else who sends the same text has no such cookie and files their own; the
 * earlier receipt (and its query code) opens only with the earlier token, which only this browser holds.
 */
export function repeatGuard(opts: { cookie: string }) {
  let key: Buffer | null = null;
  const digestOf = (body: Record<string, unknown>) => {
    const fields = Object.entries(body)
      .filter(([name, value]) => typeof value === 'string' && name !== 'formToken' && name !== HONEYPOT_FIELD && value.trim() !== '')
      .map(([name, value]) => [name, (value as string).trim()])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return crypto.createHmac('sha256', (key ??= instanceKey('public form repeats'))).update(JSON.stringify(fields)).digest('base64url').slice(0, 22);
  };
  const entriesOf = (request: FastifyRequest) =>
    (request.cookies[opts.cookie] ?? '').split('|').map((entry) => entry.split('~')).filter((parts): parts is [string, string] => parts.length === 2 && parts[0] !== '' && parts[1] !== '');
  return {
    /** The form token of an accepted earlier post of the same content from this browser, or null. */
    earlierToken(request: FastifyRequest, body: Record<string, unknown>): string | null {
      const digest = digestOf(body);
      return entriesOf(request).find(([d]) => d === digest)?.[1] ?? null;
    },
    /** Remembers an accepted post in this browser, on the form's address `path`. */
    remember(request: FastifyRequest, reply: FastifyReply, path: string, body: Record<string, unknown>, token: string): void {
      const digest = digestOf(body);
      const kept = [[digest, token], ...entriesOf(request).filter(([d, t]) => d !== digest && t !== token)].slice(0, KEPT);
      reply.setCookie(opts.cookie, kept.map((e) => e.join('~')).join('|'), { path, httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', maxAge: REPEAT_WINDOW_SECONDS });
    },
  };
}

import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { instanceKey } from '../../../audit/index.ts';

/**
 * A status page as a GET that Back can return to (docs/workflows/public-forms.md; the application's
 * and the mailbox letter's). The query post answers with a redirect to <path>/<id>, where <id> is
 * random and names nothing; a cookie limited to that address holds the tracking number and query code, sealed with a
 * key derived from the audit key (`instanceKey`: every instance on the database opens it, also after a
 * restart). Neither appears in an address, a log or the history; the page and its letters open only
 * in the browser that queried, for STATUS_SESSION_MINUTES.
 */
export const STATUS_SESSION_MINUTES = 30;

export type StatusCredentials = { trackingNo: string; queryCode: string };

/** `purpose` names the pages (application status, mailbox letter status): each kind has its own key. */
export function statusSessions(purpose = 'status pages') {
  let derived: Buffer | null = null;
  const key = () => (derived ??= instanceKey(purpose));
  return {
    /** A fresh page id and the cookie value that opens it until `now` + STATUS_SESSION_MINUTES. */
    open(credentials: StatusCredentials, now: Date): { id: string; sealed: string } {
      const id = crypto.randomBytes(16).toString('hex');
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key(), iv);
      cipher.setAAD(Buffer.from(id));
      const expires = now.getTime() + STATUS_SESSION_MINUTES * 60_000;
      const body = Buffer.concat([cipher.update(JSON.stringify({ ...credentials, expires }), 'utf8'), cipher.final()]);
      return { id, sealed: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url') };
    },
    /** The credentials, or null when the cookie is missing, forged, for another page, sealed under another installation's key, or lapsed. */
    read(id: string, sealed: string | undefined, now: Date): StatusCredentials | null {
      if (!sealed || !/^[0-9a-f]{32}$/.test(id)) return null;
      try {
        const raw = Buffer.from(sealed, 'base64url');
        const decipher = crypto.createDecipheriv('aes-256-gcm', key(), raw.subarray(0, 12));
        decipher.setAAD(Buffer.from(id));
        decipher.setAuthTag(raw.subarray(12, 28));
        const { trackingNo, queryCode, expires } = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
        return now.getTime() <= expires ? { trackingNo, queryCode } : null;
      } catch {
        return null;
      }
    },
  };
}

/**
 * The status pages under `path` (/applications/status/result, /letters/status/result): their
 * addresses, the redirect a successful query answers with (its cookie set), and the credentials a
 * request to a page brings in that cookie (null: missing, forged, another page's, or lapsed).
 */
export function statusPages(opts: { purpose: string; path: string; cookie: string }) {
  const sessions = statusSessions(opts.purpose);
  const pageUrl = (id: string) => `${opts.path}/${id}`;
  const cookieName = (id: string) => `${opts.cookie}_${id}`;
  return {
    pageUrl,
    redirectToNewPage(request: FastifyRequest, reply: FastifyReply, credentials: StatusCredentials, now: Date): FastifyReply {
      const { id, sealed } = sessions.open(credentials, now);
      return reply
        .setCookie(cookieName(id), sealed, { path: pageUrl(id), httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', maxAge: STATUS_SESSION_MINUTES * 60 })
        .header('Cache-Control', 'no-store')
        .redirect(pageUrl(id), 303);
    },
    credentialsOf(request: FastifyRequest, id: string, now: Date): StatusCredentials | null {
      return sessions.read(id, request.cookies[cookieName(id)], now);
    },
  };
}

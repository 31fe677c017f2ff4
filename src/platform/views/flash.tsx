import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A one-time message shown after a redirect (post/redirect/get), and where it is shown. A flash with
 * no place is shown at the top of the page (AdminLayout). A redirect to a fragment (#review-h) lands
 * thousands of pixels below the top on a phone, where a message at the top is never seen: its flash
 * names that place, and the page section with that id shows it right under its heading (`FlashAt`),
 * in view where the page opens — without JavaScript.
 */
export interface Flash {
  message: string;
  /** The id of the section the redirect lands at (the fragment, without #); null: the top of the page. */
  at: string | null;
  /** A refusal (nothing was done): shown as an alert with its reasons, not as a status. */
  refused: boolean;
  /** A refusal's reasons, one a line. */
  reasons: string[];
}

const COOKIE = 'gk_flash';
const OPTIONS = { path: '/admin', httpOnly: true, sameSite: 'lax', maxAge: 60 } as const;

/**
 * Sets the flash of the next page. With `at` the message is for that section of it, and the redirect
 * goes to `#at`; `refused` with `reasons` says why nothing was done.
 *
 * Stored as before for a flash with no place (the message, URI-encoded), so a cookie set by an older
 * server reads the same; a placed flash is the JSON {m, at, refused, reasons}, URI-encoded.
 */
export function setFlash(reply: FastifyReply, message: string, place?: { at: string; refused?: boolean; reasons?: string[] }): void {
  const value = place ? JSON.stringify({ m: message, at: place.at, refused: !!place.refused, reasons: place.reasons ?? [] }) : message;
  reply.setCookie(COOKIE, encodeURIComponent(value), OPTIONS);
}

/** Takes (reads and clears) the request's flash; a plain message is one with no place, as every flash was before places. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash | null {
  const raw = request.cookies[COOKIE];
  if (!raw) return null;
  reply.clearCookie(COOKIE, { path: OPTIONS.path });
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return placedFlash(text) ?? topFlash(text);
}

/** A flash for the top of the page, as every flash was before places: for a page rendered without a redirect. */
export const topFlash = (message: string): Flash => ({ message, at: null, refused: false, reasons: [] });

function placedFlash(text: string): Flash | null {
  if (!text.startsWith('{"m":')) return null;
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    if (typeof v.m !== 'string' || typeof v.at !== 'string' || !/^[\w-]{1,64}$/.test(v.at)) return null;
    const reasons = Array.isArray(v.reasons) ? v.reasons.filter((r): r is string => typeof r === 'string') : [];
    return { message: v.m, at: v.at, refused: v.refused === true, reasons };
  } catch {
    return null;
  }
}

/** A flash as one line, for the top of the page: the message, then a refusal's reasons. */
export const flashText = (flash: Flash | string): string =>
  typeof flash === 'string' ? flash : [flash.message, flash.reasons.join('；')].filter(Boolean).join('');

/**
 * Splits a page's flash between its top and the landing places the page renders (`places`, the ids
 * its redirects go to): a flash addressed to one of them is for that section only; any other —
 * no place, or a place this page does not render — is shown at the top, so no message is lost.
 */
export function placeFlash(flash: Flash | string | null, places: readonly string[]) {
  const placed = flash && typeof flash !== 'string' && flash.at && places.includes(flash.at) ? flash : null;
  return { top: placed ? null : flash, at: (place: string) => (placed?.at === place ? placed : null) };
}

/**
 * The flash addressed to a section, right under its heading: what was done as a status, a refusal as
 * an alert with its reasons. Focusable (tabindex -1) so a script or a skip link may move to it.
 */
export function FlashAt({ flash }: { flash: Flash | null }) {
  if (!flash) return null;
  const id = `flash-${flash.at}`;
  if (!flash.refused) return <p id={id} class="flash" role="status" tabIndex={-1}>{flash.message}</p>;
  return (
    <div id={id} class="error-summary" role="alert" tabIndex={-1}>
      <p><strong>{flash.message}</strong></p>
      {flash.reasons.length > 0 && <ul>{flash.reasons.map((r) => <li>{r}</li>)}</ul>}
    </div>
  );
}

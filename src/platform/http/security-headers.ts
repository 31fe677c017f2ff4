import { STANDALONE_PAGE_STYLES } from '../documents/document-css.ts';
import { contentSecurityPolicy } from './content-security-policy.ts';

/**
 * The protective headers the server sends (docs/security.md), in one place so that a static copy's web
 * server is told exactly the same (src/main/static-site: nginx-headers.conf and _headers).
 */

/** On every answer: page, API, asset, error, health. */
export const EVERY_ANSWER_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  // No page of a disclosure site needs the camera, microphone, location or payments.
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'],
  ['X-Frame-Options', 'SAMEORIGIN'],
];

/** On every answer when the platform is served over https (GONGKAI_PUBLIC_URL). */
export const HSTS_HEADER = ['Strict-Transport-Security', 'max-age=31536000'] as const;

/** On every page (text/html): the Content-Security-Policy, naming the standalone pages' stylesheets by hash. */
export const PAGE_CONTENT_SECURITY_POLICY = contentSecurityPolicy(STANDALONE_PAGE_STYLES);
